import GitKit
import PoTCore
import PoTStore
import PoTMarkets

public typealias PendingDeclaration = PendingObject<MarketDeclaration>
public typealias PendingBet = PendingObject<MarketBet>
public typealias PendingResolution = PendingObject<MarketResolution>

extension ChainStore {
    /// Stores a signed market declaration under refs/pot/markets/<id>. Returns false when it was
    /// already stored.
    @discardableResult
    public func addMarketDeclaration(_ signed: SignedMarketDeclaration) throws -> Bool {
        guard signed.hasValidSignature(chain: chainId) else {
            throw StoreError("the market declaration's signature is invalid for this chain (signed for another chain or tampered)")
        }
        return try storeMarketDeclaration(signed)
    }

    /// Stores a declaration whose signature the caller has already checked.
    @discardableResult
    public func storeMarketDeclaration(_ signed: SignedMarketDeclaration) throws -> Bool {
        try storeModuleObject(signed, kind: MarketsModule.declarationKind)
    }

    /// Stores a signed bet in its slot refs/pot/market-votes/<market>/<bettor>/<sequence>, which
    /// holds one bet. Returns false when the identical bet was already stored.
    @discardableResult
    public func addBet(_ signed: SignedMarketBet) throws -> Bool {
        guard signed.hasValidSignature(chain: chainId) else {
            throw StoreError("the bet's signature is invalid for this chain (signed for another chain or tampered)")
        }
        return try storeBet(signed)
    }

    /// Stores a bet whose signature the caller has already checked.
    @discardableResult
    public func storeBet(_ signed: SignedMarketBet) throws -> Bool {
        do { return try storeModuleObject(signed, kind: MarketsModule.betKind) } catch let error as StoreError where error.description.hasPrefix("a different") {
            throw StoreError("a different bet with sequence \(signed.bet.sequence) by this bettor on this market is already stored")
        }
    }

    /// Stores a signed resolution under refs/pot/market-res/<market>/<id>.
    @discardableResult
    public func addResolution(_ signed: SignedMarketResolution) throws -> Bool {
        guard signed.hasValidSignature(chain: chainId) else {
            throw StoreError("the resolution's signature is invalid for this chain (signed for another chain or tampered)")
        }
        return try storeResolution(signed)
    }

    /// Stores a resolution whose signature the caller has already checked.
    @discardableResult
    public func storeResolution(_ signed: SignedMarketResolution) throws -> Bool {
        try storeModuleObject(signed, kind: MarketsModule.resolutionKind)
    }

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
