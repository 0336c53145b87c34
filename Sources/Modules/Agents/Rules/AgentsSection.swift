import PoTCore

/// The agents section of a payload: registrations, proofs, attestations, then fraud proofs,
/// applied in that order. Encoded `{1: registrations, 2: proofs, 3: attestations, 4: fraud
/// proofs}` with empty lists omitted.
public struct AgentsSection: ModuleSection {
    public var registrations: [SignedAgentRegistration]
    public var proofs: [SignedTrainingProof]
    public var attestations: [SignedSegmentAttestation]
    public var frauds: [SignedFraudProof]

    public init(registrations: [SignedAgentRegistration] = [], proofs: [SignedTrainingProof] = [],
                attestations: [SignedSegmentAttestation] = [], frauds: [SignedFraudProof] = []) {
        self.registrations = registrations; self.proofs = proofs; self.attestations = attestations; self.frauds = frauds
    }

    public init() { self.init(registrations: []) }

    public var isEmpty: Bool { registrations.isEmpty && proofs.isEmpty && attestations.isEmpty && frauds.isEmpty }

    public var withinLimits: Bool {
        registrations.count <= AgentLimits.maxRegistrationsPerBlock && proofs.count <= AgentLimits.maxProofsPerBlock
            && attestations.count <= AgentLimits.maxAttestationsPerBlock && frauds.count <= AgentLimits.maxFraudProofsPerBlock
    }

    public var signedObjects: [any SignedObject] {
        registrations.map { $0 as any SignedObject } + proofs.map { $0 as any SignedObject }
            + attestations.map { $0 as any SignedObject } + frauds.map { $0 as any SignedObject }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [:]
        if !registrations.isEmpty { fields[1] = .array(registrations.map { $0.cbor() }) }
        if !proofs.isEmpty { fields[2] = .array(proofs.map { $0.cbor() }) }
        if !attestations.isEmpty { fields[3] = .array(attestations.map { $0.cbor() }) }
        if !frauds.isEmpty { fields[4] = .array(frauds.map { $0.cbor() }) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "agents section", allowedKeys: [1, 2, 3, 4])
        registrations = try (f.optionalArray(1, max: AgentLimits.maxRegistrationsPerBlock) ?? []).map { try SignedAgentRegistration(cbor: $0) }
        proofs = try (f.optionalArray(2, max: AgentLimits.maxProofsPerBlock) ?? []).map { try SignedTrainingProof(cbor: $0) }
        attestations = try (f.optionalArray(3, max: AgentLimits.maxAttestationsPerBlock) ?? []).map { try SignedSegmentAttestation(cbor: $0) }
        frauds = try (f.optionalArray(4, max: AgentLimits.maxFraudProofsPerBlock) ?? []).map { try SignedFraudProof(cbor: $0) }
        for key: UInt64 in [1, 2, 3, 4] where f.optional(key) == .array([]) {
            throw ObjectError("agents section is not in canonical form (an empty list must be omitted)")
        }
        guard !isEmpty else { throw ObjectError("payload is not in canonical form (an empty agents section must be omitted)") }
    }
}
