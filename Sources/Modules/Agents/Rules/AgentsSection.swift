import PoTCore

/// The agents section of a payload: registrations, proofs, attestations, fraud proofs,
/// forecasts, evaluation evidence, then usage payments, applied in that order. Encoded
/// `{1: registrations, 2: proofs, 3: attestations, 4: fraud proofs, 5: forecasts,
/// 6: evaluations, 7: usage payments}` with empty lists omitted.
public struct AgentsSection: ModuleSection {
    public var registrations: [SignedAgentRegistration]
    public var proofs: [SignedTrainingProof]
    public var attestations: [SignedSegmentAttestation]
    public var frauds: [SignedFraudProof]
    public var forecasts: [SignedAgentForecast]
    public var evaluations: [SignedEvaluationResult]
    public var usages: [SignedAgentUsage]

    public init(registrations: [SignedAgentRegistration] = [], proofs: [SignedTrainingProof] = [],
                attestations: [SignedSegmentAttestation] = [], frauds: [SignedFraudProof] = [], forecasts: [SignedAgentForecast] = [],
                evaluations: [SignedEvaluationResult] = [], usages: [SignedAgentUsage] = []) {
        self.registrations = registrations; self.proofs = proofs; self.attestations = attestations; self.frauds = frauds
        self.forecasts = forecasts; self.evaluations = evaluations; self.usages = usages
    }

    public init() { self.init(registrations: []) }

    public var isEmpty: Bool {
        registrations.isEmpty && proofs.isEmpty && attestations.isEmpty && frauds.isEmpty && forecasts.isEmpty && evaluations.isEmpty && usages.isEmpty
    }

    public var withinLimits: Bool {
        registrations.count <= AgentLimits.maxRegistrationsPerBlock && proofs.count <= AgentLimits.maxProofsPerBlock
            && attestations.count <= AgentLimits.maxAttestationsPerBlock && frauds.count <= AgentLimits.maxFraudProofsPerBlock
            && forecasts.count <= AgentLimits.maxForecastsPerBlock && evaluations.count <= AgentLimits.maxEvaluationsPerBlock
            && usages.count <= AgentLimits.maxUsagesPerBlock
    }

    public var signedObjects: [any SignedObject] {
        registrations.map { $0 as any SignedObject } + proofs.map { $0 as any SignedObject }
            + attestations.map { $0 as any SignedObject } + frauds.map { $0 as any SignedObject }
            + forecasts.map { $0 as any SignedObject } + evaluations.map { $0 as any SignedObject } + usages.map { $0 as any SignedObject }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [:]
        if !registrations.isEmpty { fields[1] = .array(registrations.map { $0.cbor() }) }
        if !proofs.isEmpty { fields[2] = .array(proofs.map { $0.cbor() }) }
        if !attestations.isEmpty { fields[3] = .array(attestations.map { $0.cbor() }) }
        if !frauds.isEmpty { fields[4] = .array(frauds.map { $0.cbor() }) }
        if !forecasts.isEmpty { fields[5] = .array(forecasts.map { $0.cbor() }) }
        if !evaluations.isEmpty { fields[6] = .array(evaluations.map { $0.cbor() }) }
        if !usages.isEmpty { fields[7] = .array(usages.map { $0.cbor() }) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "agents section", allowedKeys: Set(1...7))
        registrations = try (f.optionalArray(1, max: AgentLimits.maxRegistrationsPerBlock) ?? []).map { try SignedAgentRegistration(cbor: $0) }
        proofs = try (f.optionalArray(2, max: AgentLimits.maxProofsPerBlock) ?? []).map { try SignedTrainingProof(cbor: $0) }
        attestations = try (f.optionalArray(3, max: AgentLimits.maxAttestationsPerBlock) ?? []).map { try SignedSegmentAttestation(cbor: $0) }
        frauds = try (f.optionalArray(4, max: AgentLimits.maxFraudProofsPerBlock) ?? []).map { try SignedFraudProof(cbor: $0) }
        forecasts = try (f.optionalArray(5, max: AgentLimits.maxForecastsPerBlock) ?? []).map { try SignedAgentForecast(cbor: $0) }
        evaluations = try (f.optionalArray(6, max: AgentLimits.maxEvaluationsPerBlock) ?? []).map { try SignedEvaluationResult(cbor: $0) }
        usages = try (f.optionalArray(7, max: AgentLimits.maxUsagesPerBlock) ?? []).map { try SignedAgentUsage(cbor: $0) }
        for key: UInt64 in 1...7 where f.optional(key) == .array([]) {
            throw ObjectError("agents section is not in canonical form (an empty list must be omitted)")
        }
        guard !isEmpty else { throw ObjectError("payload is not in canonical form (an empty agents section must be omitted)") }
    }
}
