import PoTCore
import PoTStore
import PoTMarkets

public typealias PendingDeclaration = PendingObject<MarketDeclaration>
public typealias PendingBet = PendingObject<MarketBet>
public typealias PendingResolution = PendingObject<MarketResolution>

/// Typed access to the markets' pending objects, on top of the store's module objects.
extension ChainStore {
    public func pendingDeclarations(problems: inout [String]) throws -> [PendingDeclaration] {
        try pendingMarketObjects(MarketsModule.declarationKind, problems: &problems)
    }

    public func pendingBets(glob: String = ChainLayout.allBetsGlob, problems: inout [String]) throws -> [PendingBet] {
        try pendingMarketObjects(MarketsModule.betKind, glob: glob, problems: &problems)
    }

    public func pendingResolutions(problems: inout [String]) throws -> [PendingResolution] {
        try pendingMarketObjects(MarketsModule.resolutionKind, problems: &problems)
    }

    private func pendingMarketObjects<Body>(_ kind: ModuleObjectKind, glob: String? = nil,
                                            problems: inout [String]) throws -> [PendingObject<Body>] {
        try pendingModuleObjects(kind, glob: glob, problems: &problems).compactMap { pending in
            (pending.object as? Signed<Body>).map { PendingObject(signed: $0, ref: pending.ref) }
        }
    }

    /// Every stored market object, for the payload of a new block.
    public func pendingMarketObjects(problems: inout [String]) throws -> MarketSection {
        try pendingModuleSections(problems: &problems)[MarketsModule.self]
    }
}
