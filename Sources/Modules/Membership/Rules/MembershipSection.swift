import PoTCore

/// The membership section of a payload: openings, then joins, then reveals, applied in that
/// order. Encoded `{1: openings, 2: joins, 3: reveals}` with empty lists omitted.
public struct MembershipSection: ModuleSection {
    public var opens: [SignedGameOpen]
    public var joins: [SignedGameJoin]
    public var reveals: [SignedGameReveal]

    public init(opens: [SignedGameOpen] = [], joins: [SignedGameJoin] = [], reveals: [SignedGameReveal] = []) {
        self.opens = opens
        self.joins = joins
        self.reveals = reveals
    }

    public init() { self.init(opens: []) }

    public var isEmpty: Bool { opens.isEmpty && joins.isEmpty && reveals.isEmpty }

    public var withinLimits: Bool {
        opens.count <= MembershipLimits.maxOpensPerBlock && joins.count <= MembershipLimits.maxJoinsPerBlock
            && reveals.count <= MembershipLimits.maxRevealsPerBlock
    }

    public var signedObjects: [any SignedObject] {
        opens.map { $0 as any SignedObject } + joins.map { $0 as any SignedObject } + reveals.map { $0 as any SignedObject }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [:]
        if !opens.isEmpty { fields[1] = .array(opens.map { $0.cbor() }) }
        if !joins.isEmpty { fields[2] = .array(joins.map { $0.cbor() }) }
        if !reveals.isEmpty { fields[3] = .array(reveals.map { $0.cbor() }) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "membership section", allowedKeys: [1, 2, 3])
        opens = try (f.optionalArray(1, max: MembershipLimits.maxOpensPerBlock) ?? []).map { try SignedGameOpen(cbor: $0) }
        joins = try (f.optionalArray(2, max: MembershipLimits.maxJoinsPerBlock) ?? []).map { try SignedGameJoin(cbor: $0) }
        reveals = try (f.optionalArray(3, max: MembershipLimits.maxRevealsPerBlock) ?? []).map { try SignedGameReveal(cbor: $0) }
        for key: UInt64 in [1, 2, 3] where f.optional(key) == .array([]) {
            throw ObjectError("membership section is not in canonical form (an empty list must be omitted)")
        }
        guard !isEmpty else { throw ObjectError("payload is not in canonical form (an empty membership section must be omitted)") }
    }
}
