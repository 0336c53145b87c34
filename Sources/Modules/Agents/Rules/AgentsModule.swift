import PoTCore

/// The agent marketplace with a proof of training (system 003, seed `003_*`, "Proof of
/// Training for AI-agent economies"). A member registers an agent with a bond and a training
/// claim; a later block fixes the seed of its initialisation and data order; the provider
/// trains in fixed-point integers and proves the run by the Merkle root of its checkpoints; a
/// later block selects the segments members re-execute and attest; anyone may prove a
/// fabricated segment, which the chain re-executes itself and punishes by taking the bond.
public enum AgentsModule: ChainModule {
    public typealias Section = AgentsSection
    public typealias State = AgentsState
    public typealias Report = AgentsReport

    public static let name = "agents"
    public static let verbs = ["agent"]
    public static let summary = "AI agents with a bond and a proof of training re-executed exactly (system 003)"
    public static let payloadKey: UInt64 = 7

    /// Registrations wait under `refs/pot/agent-registrations/<agent id>`.
    public static let registrationKind = ModuleObjectKind(AgentRegistration.self, shortName: "agent-register", wireKind: 21,
                                                          refRoot: "agent-registrations") { $0.id(chain: $1).hex }
    /// Proofs wait under `refs/pot/agent-proofs/<agent id>`: one per agent.
    public static let proofKind = ModuleObjectKind(TrainingProof.self, shortName: "agent-proof", wireKind: 22, refRoot: "agent-proofs") { signed, _ in
        signed.proof.agent.hex
    }
    /// Attestations wait under `refs/pot/agent-attestations/<agent id>/<validator>`.
    public static let attestationKind = ModuleObjectKind(SegmentAttestation.self, shortName: "agent-attest", wireKind: 23,
                                                         refRoot: "agent-attestations") { signed, _ in
        "\(signed.attestation.agent.hex)/\(signed.attestation.validator.hex)"
    }
    /// Fraud proofs wait under `refs/pot/agent-frauds/<agent id>/<fraud proof id>`.
    public static let fraudKind = ModuleObjectKind(FraudProof.self, shortName: "agent-fraud", wireKind: 24, refRoot: "agent-frauds") { signed, chain in
        "\(signed.fraud.agent.hex)/\(signed.id(chain: chain).hex)"
    }
    /// Forecasts wait under `refs/pot/agent-forecasts/<agent id>/<forecaster>`.
    public static let forecastKind = ModuleObjectKind(AgentForecast.self, shortName: "agent-forecast", wireKind: 25,
                                                      refRoot: "agent-forecasts") { signed, _ in
        "\(signed.forecast.agent.hex)/\(signed.forecast.forecaster.hex)"
    }
    /// Evaluation evidence waits under `refs/pot/agent-evaluations/<agent id>/<submitter>`.
    public static let evaluationKind = ModuleObjectKind(EvaluationResult.self, shortName: "agent-evaluate", wireKind: 26,
                                                        refRoot: "agent-evaluations") { signed, _ in
        "\(signed.evaluation.agent.hex)/\(signed.evaluation.submitter.hex)"
    }
    /// Usage payments wait under `refs/pot/agent-usages/<payment id>`.
    public static let usageKind = ModuleObjectKind(AgentUsage.self, shortName: "agent-use", wireKind: 27, refRoot: "agent-usages") {
        $0.id(chain: $1).hex
    }
    public static let kinds = [registrationKind, proofKind, attestationKind, fraudKind, forecastKind, evaluationKind, usageKind]

    public static let rules: [BlockRejection.Rule] = [
        .agentSignature, .agentNotMember, .agentDuplicate, .agentName, .agentClaim, .agentBond,
        .proofSignature, .proofUnknown, .proofNotProvider, .proofDuplicate, .proofEarly, .proofShape, .proofInitial, .proofFinal,
        .attestSignature, .attestNotMember, .attestUnknown, .attestClosed, .attestProvider, .attestRoot, .attestEarly, .attestDuplicate,
        .fraudSignature, .fraudNotMember, .fraudUnknown, .fraudClosed, .fraudSegment, .fraudFee, .fraudPath, .fraudRows,
        .forecastSignature, .forecastNotMember, .forecastClosed, .forecastDuplicate,
        .evaluationSignature, .evaluationNotMember, .evaluationEarly, .evaluationClosed, .evaluationModel, .evaluationRows,
        .usageSignature, .usageDuplicate, .usageAgent, .usageFee,
    ]

    // The defaults are this project's choice (docs/spec.md §15 says why); the seed names none.
    public static let seedDelay = ModuleParameter(
        "agents.seed_delay", default: 3, range: 1...10_000, summary: "heights after a registration whose block id seeds the training")
    public static let selectionDelay = ModuleParameter(
        "agents.selection_delay", default: 3, range: 1...10_000, summary: "heights after a proof whose block id selects the segments to re-execute")
    public static let topSegments = ModuleParameter(
        "agents.top_segments", default: 2, range: 0...64, summary: "Q: segments with the largest updates that validators re-execute")
    public static let randomSegments = ModuleParameter(
        "agents.random_segments", default: 3, range: 1...64, summary: "R: further segments drawn at random that validators re-execute")
    public static let attestationsNeeded = ModuleParameter(
        "agents.attestations_needed", default: 2, range: 1...64, summary: "members' attestations that make a proof verified")
    public static let minBond = ModuleParameter(
        "agents.min_bond_mt", default: 100, range: 0...1_000_000_000, summary: "mT an agent's bond is at least")
    public static let maxSegments = ModuleParameter(
        "agents.max_segments", default: 256, range: 1...4_096, summary: "m: checkpoints after the first a training may have at most")
    public static let maxSegmentWork = ModuleParameter(
        "agents.max_segment_work", default: 4_000_000, range: 1...1_000_000_000,
        summary: "steps × batch × weights of one segment at most: the work of re-executing a fraud proof")
    public static let fraudRewardPpm = ModuleParameter(
        "agents.fraud_reward_ppm", default: 500_000, range: 0...1_000_000, summary: "share of a slashed bond paid to the fraud's reporter (the rest is destroyed)")
    public static let falseFraudFee = ModuleParameter(
        "agents.false_fraud_fee_mt", default: 50, range: 0...1_000_000_000, summary: "mT a refuted fraud claim costs its reporter, paid to the provider")
    public static let attestPenalty = ModuleParameter(
        "agents.attest_penalty_mt", default: 100, range: 0...1_000_000_000, summary: "mT each member who attested a segment proven fraudulent loses")
    public static let forecastWindow = ModuleParameter(
        "agents.forecast_window", default: 5, range: 1...100_000, summary: "heights after a proof is verified during which members forecast its accuracy")
    public static let resolveWindow = ModuleParameter(
        "agents.resolve_window", default: 20, range: 1...100_000, summary: "heights after the holdout is drawn for evidence to be submitted before the market is void")
    public static let holdoutRows = ModuleParameter(
        "agents.holdout_rows", default: 64, range: 1...4_096, summary: "rows of the evaluation pool the chain measures an agent's accuracy on")
    public static let providerSharePpm = ModuleParameter(
        "agents.provider_share_ppm", default: 700_000, range: 0...1_000_000, summary: "share of a usage fee paid to the agent's provider")
    public static let validatorSharePpm = ModuleParameter(
        "agents.validator_share_ppm", default: 200_000, range: 0...1_000_000, summary: "share of a usage fee split among the agent's attesters (the rest is destroyed)")
    public static let parameters = [seedDelay, selectionDelay, topSegments, randomSegments, attestationsNeeded, minBond, maxSegments,
                                    maxSegmentWork, fraudRewardPpm, falseFraudFee, attestPenalty, forecastWindow, resolveWindow, holdoutRows,
                                    providerSharePpm, validatorSharePpm]

    public static func initialState(_ params: ChainParams) -> AgentsState { AgentsState() }

    public static func apply(_ section: AgentsSection, in block: inout ModuleBlock<AgentsModule>) throws {
        for r in section.registrations { try AgentsTransition.register(r, in: &block) }
        for p in section.proofs { try AgentsTransition.prove(p, in: &block) }
        for a in section.attestations { try AgentsTransition.attest(a, in: &block) }
        for f in section.frauds { try AgentsTransition.fraud(f, in: &block) }
        for f in section.forecasts { try AgentsTransition.forecast(f, in: &block) }
        for e in section.evaluations { try AgentsTransition.evaluate(e, in: &block) }
        for u in section.usages { try AgentsTransition.use(u, in: &block) }
    }

    public static func endBlock(in block: inout ModuleBlock<AgentsModule>) { AgentsTransition.endBlock(in: &block) }

    public static func select(_ pending: AgentsSection, in block: inout ModuleBlock<AgentsModule>) -> AgentsSection {
        AgentsSelection.select(pending, in: &block)
    }

    public static func pendingSection(_ objects: [any SignedObject]) -> AgentsSection {
        AgentsSection(registrations: objects.compactMap { $0 as? SignedAgentRegistration }, proofs: objects.compactMap { $0 as? SignedTrainingProof },
                      attestations: objects.compactMap { $0 as? SignedSegmentAttestation }, frauds: objects.compactMap { $0 as? SignedFraudProof },
                      forecasts: objects.compactMap { $0 as? SignedAgentForecast }, evaluations: objects.compactMap { $0 as? SignedEvaluationResult },
                      usages: objects.compactMap { $0 as? SignedAgentUsage })
    }

    public static let memberRules: [BlockRejection.Rule] = [.agentNotMember, .attestNotMember, .fraudNotMember, .forecastNotMember, .evaluationNotMember]

    public static func admit(_ object: any SignedObject, on state: ChainState, stored: (ModuleObjectKind, Hash256) -> (any SignedObject)?,
                             named: (PublicKey) -> String) -> BlockRejection? {
        withoutActuallyEscaping(named) { named in
            let context = AgentsAdmission.Context(state, named: named)
            switch object {
            case let signed as SignedAgentRegistration:
                return AgentsAdmission.register(signed.registration, id: signed.id(chain: state.chainId), in: context)
            case let signed as SignedTrainingProof:
                return AgentsAdmission.prove(signed.proof, in: context)
            case let signed as SignedSegmentAttestation:
                return AgentsAdmission.attest(signed.attestation, in: context)
            case let signed as SignedFraudProof:
                if case .failure(let refusal) = AgentsAdmission.fraud(signed.fraud, in: context) { return refusal }
                return nil
            case let signed as SignedAgentForecast:
                return AgentsAdmission.forecast(signed.forecast, in: context)
            case let signed as SignedEvaluationResult:
                if case .failure(let refusal) = AgentsAdmission.evaluate(signed.evaluation, in: context) { return refusal }
                return nil
            case let signed as SignedAgentUsage:
                return AgentsAdmission.use(signed.usage, id: signed.id(chain: state.chainId), in: context)
            default:
                return BlockRejection(.agentDuplicate, "not an object of the agents module")
            }
        }
    }

    /// An object about an agent proven fraudulent, a second proof, a repeated attestation or a
    /// registration already applied can never enter a block again.
    public static func isSpent(_ object: any SignedObject, final: ChainState) -> Bool {
        admit(object, on: final, stored: { _, _ in nil }, named: { $0.short })?.standing == .stale
    }
}

extension DomainTag {
    public static let agentRegistration = DomainTag("pot/agents/register/v1")
    public static let agentProof = DomainTag("pot/agents/proof/v1")
    public static let agentAttestation = DomainTag("pot/agents/attest/v1")
    public static let agentFraud = DomainTag("pot/agents/fraud/v1")
    public static let agentForecast = DomainTag("pot/agents/forecast/v1")
    public static let agentEvaluation = DomainTag("pot/agents/evaluate/v1")
    public static let agentUsage = DomainTag("pot/agents/use/v1")
    /// Not an object's tag: the hash behind a seed and a segment selection.
    public static let agentSeed = DomainTag("pot/agents/seed/v1")
}

extension BlockRejection.Rule {
    public static let agentSignature = Self("agentSignature"), agentNotMember = Self("agentNotMember"), agentDuplicate = Self("agentDuplicate")
    public static let agentName = Self("agentName"), agentClaim = Self("agentClaim"), agentBond = Self("agentBond")
    public static let proofSignature = Self("proofSignature"), proofUnknown = Self("proofUnknown"), proofNotProvider = Self("proofNotProvider")
    public static let proofDuplicate = Self("proofDuplicate"), proofEarly = Self("proofEarly"), proofShape = Self("proofShape")
    public static let proofInitial = Self("proofInitial"), proofFinal = Self("proofFinal")
    public static let attestSignature = Self("attestSignature"), attestNotMember = Self("attestNotMember"), attestUnknown = Self("attestUnknown")
    public static let attestClosed = Self("attestClosed"), attestProvider = Self("attestProvider"), attestRoot = Self("attestRoot")
    public static let attestEarly = Self("attestEarly"), attestDuplicate = Self("attestDuplicate")
    public static let fraudSignature = Self("fraudSignature"), fraudNotMember = Self("fraudNotMember"), fraudUnknown = Self("fraudUnknown")
    public static let fraudClosed = Self("fraudClosed"), fraudSegment = Self("fraudSegment"), fraudFee = Self("fraudFee")
    public static let fraudPath = Self("fraudPath"), fraudRows = Self("fraudRows")
    public static let forecastSignature = Self("forecastSignature"), forecastNotMember = Self("forecastNotMember")
    public static let forecastClosed = Self("forecastClosed"), forecastDuplicate = Self("forecastDuplicate")
    public static let evaluationSignature = Self("evaluationSignature"), evaluationNotMember = Self("evaluationNotMember")
    public static let evaluationEarly = Self("evaluationEarly"), evaluationClosed = Self("evaluationClosed")
    public static let evaluationModel = Self("evaluationModel"), evaluationRows = Self("evaluationRows")
    public static let usageSignature = Self("usageSignature"), usageDuplicate = Self("usageDuplicate")
    public static let usageAgent = Self("usageAgent"), usageFee = Self("usageFee")
}

extension ChainState {
    /// The agents module's state: agents, their proofs, attestations and frauds.
    public var agents: AgentsState { state(of: AgentsModule.self) }
}

extension Payload {
    /// The agents section (payload key 7).
    public var agents: AgentsSection {
        get { sections[AgentsModule.self] }
        set { sections[AgentsModule.self] = newValue }
    }
}

extension BlockEffects {
    /// What the block did to agents.
    public var agents: AgentsReport { modules[AgentsModule.self] }
}
