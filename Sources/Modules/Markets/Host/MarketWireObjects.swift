import PoTCore
import PoTMarkets
import PoTNet

/// The markets module's objects and kinds on the wire, by name.
extension WireObject {
    public static func marketDeclaration(_ signed: SignedMarketDeclaration) -> WireObject {
        .module(ModuleObject(signed, kind: MarketsModule.declarationKind))
    }

    public static func marketBet(_ signed: SignedMarketBet) -> WireObject { .module(ModuleObject(signed, kind: MarketsModule.betKind)) }

    public static func marketResolution(_ signed: SignedMarketResolution) -> WireObject {
        .module(ModuleObject(signed, kind: MarketsModule.resolutionKind))
    }
}

extension ObjectKind {
    public static let marketDeclaration = ObjectKind(MarketsModule.declarationKind)
    public static let marketBet = ObjectKind(MarketsModule.betKind)
    public static let marketResolution = ObjectKind(MarketsModule.resolutionKind)
}
