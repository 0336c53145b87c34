/// Two different signed votes by one voter for one height: proof of equivocation.
public struct EquivocationEvidence: Equatable, Sendable {
    public var first: SignedVote
    public var second: SignedVote

    public init(_ first: SignedVote, _ second: SignedVote) {
        self.first = first
        self.second = second
    }

    public func cbor() -> CBOR { .array([first.cbor(), second.cbor()]) }

    public init(cbor: CBOR) throws {
        let pair = try cbor.array("equivocation evidence", max: 2)
        guard pair.count == 2 else { throw ObjectError("equivocation evidence is a pair of votes") }
        first = try SignedVote(cbor: pair[0])
        second = try SignedVote(cbor: pair[1])
    }
}

/// What a block carries besides code: the kernel's transfers, votes and evidence (keys 1 to 3),
/// then each module's section under its payload key.
public struct Payload: Equatable, Sendable {
    public var transfers: [SignedTransfer] { didSet { decodedFrom = nil } }
    public var votes: [SignedVote] { didSet { decodedFrom = nil } }
    public var evidence: [EquivocationEvidence] { didSet { decodedFrom = nil } }
    public var sections: ModuleSections { didSet { decodedFrom = nil } }
    /// The bytes this payload was decoded from, until it is changed: its encoding, since the
    /// decoder accepts nothing but the canonical one. Encoding and hashing reuse them.
    private var decodedFrom: [UInt8]?

    public static func == (a: Payload, b: Payload) -> Bool {
        a.transfers == b.transfers && a.votes == b.votes && a.evidence == b.evidence && a.sections == b.sections
    }

    public init(transfers: [SignedTransfer] = [], votes: [SignedVote] = [], evidence: [EquivocationEvidence] = [],
                sections: ModuleSections = ModuleSections()) {
        self.transfers = transfers
        self.votes = votes
        self.evidence = evidence
        self.sections = sections
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [:]
        if !transfers.isEmpty { fields[1] = .array(transfers.map { $0.cbor() }) }
        if !votes.isEmpty { fields[2] = .array(votes.map { $0.cbor() }) }
        if !evidence.isEmpty { fields[3] = .array(evidence.map { $0.cbor() }) }
        for (key, section) in sections.storage { fields[key] = section.cbor() }
        return .map(fields)
    }

    public func encoded() -> [UInt8] { decodedFrom ?? cbor().encoded() }

    /// Decodes a payload whose module sections are those of `modules`; any other key is refused.
    public init(cbor: CBOR, modules: ChainModules) throws {
        let f = try CBORFields(cbor, object: "payload", allowedKeys: ChainModules.kernelPayloadKeys.union(modules.all.map(\.payloadKey)))
        transfers = try (f.optionalArray(1, max: ObjectLimits.maxTransfersPerBlock) ?? []).map { try SignedTransfer(cbor: $0) }
        votes = try (f.optionalArray(2, max: ObjectLimits.maxVotesPerBlock) ?? []).map { try SignedVote(cbor: $0) }
        evidence = try (f.optionalArray(3, max: ObjectLimits.maxEvidencePerBlock) ?? []).map { try EquivocationEvidence(cbor: $0) }
        sections = ModuleSections()
        for module in modules.all {
            guard let value = f.optional(module.payloadKey) else { continue }
            let section = try module.decodeSection(value)
            guard !section.isEmpty else {
                throw ObjectError("payload is not in canonical form (an empty \(module.name) section must be omitted)")
            }
            sections.storage[module.payloadKey] = section
        }
        // Each element decoded strictly on its own; the one non-canonical form left is an empty
        // section sent instead of omitted.
        for key: UInt64 in [1, 2, 3] where f.optional(key) == .array([]) {
            throw ObjectError("payload is not in canonical form (an empty optional field must be omitted)")
        }
    }

    public init(bytes: [UInt8], modules: ChainModules) throws {
        try self.init(cbor: decodeLimited(bytes, max: ObjectLimits.maxPayloadBytes, what: "payload"), modules: modules)
        decodedFrom = bytes
    }

    public func root(chain: Hash256) -> Hash256 { DomainHash.hash(.payload, chain: chain, encodedBody: encoded()) }
}
