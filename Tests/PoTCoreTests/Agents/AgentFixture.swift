import Testing
@testable import PoTCore
import PoTAgents
import PoTModules

/// Agents on the seed example's genesis (alice 10 000 mT, bob and carol 5 000), with short
/// delays: seed after 1 height, selection after 1, Q = 1, R = 2, two attestations.
enum Ax {
    static let parameters: [String: UInt64] = [
        "agents.seed_delay": 1, "agents.selection_delay": 1, "agents.top_segments": 1, "agents.random_segments": 2,
        "agents.attestations_needed": 2,
    ]

    static func genesis(_ overrides: [String: UInt64] = [:]) -> ChainState {
        let base = Fx.params()
        let params = try! ChainParams(confirmations: base.confirmations, alpha: base.alpha, initialAccounts: base.initialAccounts,
                                      createdAt: base.createdAt, moduleParameters: parameters.merging(overrides) { $1 })
        return ChainState(genesis: params)
    }

    static let dataset = try! SyntheticDataset.make(rows: 120, features: 4, classes: 3, seed: DomainHash.sha256(Array("agents".utf8)))

    static func claim(segments: UInt64 = 10, interval: UInt64 = 4, batch: UInt64 = 8) -> TrainingClaim {
        TrainingClaim(datasetBlob: Array(repeating: 7, count: 20), datasetRoot: dataset.root(), rows: UInt64(dataset.rows),
                      model: ModelSpec(kind: .perceptron, features: 4, classes: 3, hidden: 6), learningRate: 6_554, momentum: 58_982,
                      batchSize: batch, interval: interval, steps: interval * segments, labelColumn: "label", evaluationPpm: 200_000)
    }

    static func registration(_ provider: SigningKey = Fx.alice, name: String = "iris-1", bond: UInt64 = 1_000, claim: TrainingClaim = claim(),
                             chain: Hash256) -> SignedAgentRegistration {
        SignedAgentRegistration.sign(AgentRegistration(provider: provider.publicKey, name: name, tags: ["classify", "tabular"], bond: bond, claim: claim),
                                     with: provider, chain: chain)
    }

    static func payload(registrations: [SignedAgentRegistration] = [], proofs: [SignedTrainingProof] = [],
                        attestations: [SignedSegmentAttestation] = [], frauds: [SignedFraudProof] = [], forecasts: [SignedAgentForecast] = [],
                        evaluations: [SignedEvaluationResult] = [], usages: [SignedAgentUsage] = []) -> Payload {
        var payload = Payload()
        payload.agents = AgentsSection(registrations: registrations, proofs: proofs, attestations: attestations, frauds: frauds,
                                       forecasts: forecasts, evaluations: evaluations, usages: usages)
        return payload
    }

    /// Registers alice's agent and applies blocks until its seed is fixed; returns its id.
    static func registered(_ state: inout ChainState, claim: TrainingClaim = claim()) throws -> Hash256 {
        let r = registration(claim: claim, chain: state.chainId)
        try Fx.apply(&state, payload: payload(registrations: [r]))
        let id = r.id(chain: state.chainId)
        while state.agents.agents[id]?.seed == nil { try Fx.apply(&state) }
        return id
    }

    /// The honest training of `agent`.
    static func training(_ state: ChainState, _ agent: Hash256) throws -> (run: TrainingRun, log: TrainingLog) {
        let a = state.agents.agents[agent]!
        let run = TrainingRun(claim: a.claim, seed: a.seed!)
        return (run, try TrainingLog(run: run, dataset: dataset))
    }

    static func proof(_ agent: Hash256, _ log: TrainingLog, by provider: SigningKey = Fx.alice, chain: Hash256) -> SignedTrainingProof {
        SignedTrainingProof.sign(TrainingProof(provider: provider.publicKey, agent: agent, log: log), with: provider, chain: chain)
    }

    /// Registers, trains and proves alice's agent, then applies blocks until its segments are selected.
    static func proven(_ state: inout ChainState, log forged: ((TrainingLog) -> TrainingLog)? = nil) throws -> (agent: Hash256, run: TrainingRun, log: TrainingLog) {
        let agent = try registered(&state)
        var (run, log) = try training(state, agent)
        if let forged { log = forged(log) }
        try Fx.apply(&state, payload: payload(proofs: [proof(agent, log, chain: state.chainId)]))
        while state.agents.agents[agent]?.proof?.selected == nil { try Fx.apply(&state) }
        return (agent, run, log)
    }

    static func attestation(_ validator: SigningKey, _ agent: Hash256, root: Hash256, chain: Hash256) -> SignedSegmentAttestation {
        SignedSegmentAttestation.sign(SegmentAttestation(validator: validator.publicKey, agent: agent, root: root), with: validator, chain: chain)
    }

    /// A fraud proof against `segment` of `log`, as a reporter who holds the checkpoints builds it.
    static func fraud(_ reporter: SigningKey, _ agent: Hash256, segment: Int, run: TrainingRun, log: TrainingLog, chain: Hash256) -> SignedFraudProof {
        let levels = MerkleTree.Levels(log.leaves)
        let rowLevels = MerkleTree.Levels(dataset.rowHashes())
        let rows = run.rows(ofSegment: UInt64(segment)).map {
            FraudProof.ProvenRow(index: UInt64($0), bytes: dataset.row($0).encoded(), path: rowLevels.path($0))
        }
        let body = FraudProof(reporter: reporter.publicKey, agent: agent, segment: UInt64(segment), start: log.checkpoints[segment].encoded(),
                              startPath: levels.path(segment), endLeaf: log.leaves[segment + 1], endPath: levels.path(segment + 1), rows: rows)
        return SignedFraudProof.sign(body, with: reporter, chain: chain)
    }

    /// `log`'s run with exactly `segments` fabricated.
    static func fabricated(_ log: TrainingLog, run: TrainingRun, segments: Set<Int>) -> TrainingLog {
        Spoofs.fabricated(run, dataset: dataset, segments: segments, nudge: 1)
    }

    /// The rule with which the next block refuses `payload`, or nil.
    static func refusal(_ payload: Payload, on state: ChainState) -> BlockRejection? { Gx.refusal(payload, on: state) }

    static func bond(_ state: ChainState, _ key: SigningKey) -> UInt64 { state.bonds[key.publicKey] ?? 0 }
}
