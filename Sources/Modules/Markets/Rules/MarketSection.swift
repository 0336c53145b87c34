import PoTCore

/// The markets section of a payload: declarations, then bets, then resolutions, applied in that
/// order. Encoded `{1: declarations, 2: bets, 3: resolutions}` with empty lists omitted.
public struct MarketSection: ModuleSection {
    public var declarations: [SignedMarketDeclaration]
    public var bets: [SignedMarketBet]
    public var resolutions: [SignedMarketResolution]

    public init(declarations: [SignedMarketDeclaration] = [], bets: [SignedMarketBet] = [],
                resolutions: [SignedMarketResolution] = []) {
        self.declarations = declarations
        self.bets = bets
        self.resolutions = resolutions
    }

    public init() { self.init(declarations: []) }

    public var isEmpty: Bool { declarations.isEmpty && bets.isEmpty && resolutions.isEmpty }

    public var withinLimits: Bool {
        declarations.count <= MarketLimits.maxDeclarationsPerBlock && bets.count <= MarketLimits.maxBetsPerBlock
            && resolutions.count <= MarketLimits.maxResolutionsPerBlock
    }

    public var signedObjects: [any SignedObject] {
        declarations.map { $0 as any SignedObject } + bets.map { $0 as any SignedObject } + resolutions.map { $0 as any SignedObject }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [:]
        if !declarations.isEmpty { fields[1] = .array(declarations.map { $0.cbor() }) }
        if !bets.isEmpty { fields[2] = .array(bets.map { $0.cbor() }) }
        if !resolutions.isEmpty { fields[3] = .array(resolutions.map { $0.cbor() }) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "markets section", allowedKeys: [1, 2, 3])
        declarations = try (f.optionalArray(1, max: MarketLimits.maxDeclarationsPerBlock) ?? []).map { try SignedMarketDeclaration(cbor: $0) }
        bets = try (f.optionalArray(2, max: MarketLimits.maxBetsPerBlock) ?? []).map { try SignedMarketBet(cbor: $0) }
        resolutions = try (f.optionalArray(3, max: MarketLimits.maxResolutionsPerBlock) ?? []).map { try SignedMarketResolution(cbor: $0) }
        for key: UInt64 in [1, 2, 3] where f.optional(key) == .array([]) {
            throw ObjectError("markets section is not in canonical form (an empty list must be omitted)")
        }
        guard !isEmpty else { throw ObjectError("payload is not in canonical form (an empty markets section must be omitted)") }
    }
}
