import PoTAgents
import PoTCore

/// The seed chain's agents objects. Alice registers a 4→6→3 perceptron on a small synthetic
/// dataset, trains it honestly from a fixed seed (on a chain, a later block draws it) and proves
/// the training; bob and carol attest the proof, carol claims that segment 1 is a fraud (a claim
/// the chain re-executes and refutes), bob and carol forecast the agent's accuracy, bob submits
/// the evaluation evidence (the final weights and the holdout's rows), and carol and bob pay for
/// its use.
public struct SeedAgents {
    /// The seed the agent trains from.
    public static let seed = DomainHash.sha256(Array("pot/fuzz/seed-agent".utf8))
    public let registrations: [SignedAgentRegistration]
    public let proofs: [SignedTrainingProof]
    public let attestations: [SignedSegmentAttestation]
    public let frauds: [SignedFraudProof]
    public let forecasts: [SignedAgentForecast]
    public let evaluations: [SignedEvaluationResult]
    public let usages: [SignedAgentUsage]

    /// The training set: 24 rows of 4 features in 3 classes, drawn from a fixed seed.
    public static func dataset() throws -> Dataset {
        try SyntheticDataset.make(rows: 24, features: 4, classes: 3, seed: DomainHash.sha256(Array("pot/fuzz/seed-dataset".utf8)))
    }

    /// The claim to train `model` on `dataset`: 4 segments of 2 steps of 4 rows, a fifth of the
    /// rows held out. Small, so that a fraud proof fits in a fuzz input.
    public static func claim(_ model: ModelSpec, on dataset: Dataset) -> TrainingClaim {
        TrainingClaim(datasetBlob: Array(repeating: 0xda, count: 20), datasetRoot: dataset.root(), rows: UInt64(dataset.rows), model: model,
                      learningRate: 6_554, momentum: 58_982, batchSize: 4, interval: 2, steps: 8, labelColumn: dataset.labelName,
                      evaluationPpm: 200_000)
    }

    init(chain: Hash256, provider: SigningKey, validator: SigningKey, reporter: SigningKey) throws {
        func sign<Body: SignableBody>(_ body: Body, _ key: SigningKey) -> Signed<Body> { Signed.sign(body, with: key, chain: chain) }
        let dataset = try Self.dataset()
        let claim = Self.claim(ModelSpec(kind: .perceptron, features: 4, classes: 3, hidden: 6), on: dataset)
        registrations = [sign(AgentRegistration(provider: provider.publicKey, name: "seed-classifier", tags: ["classify", "tabular"],
                                                bond: 1_000, claim: claim), provider)]
        let agent = registrations[0].id(chain: chain)
        let run = TrainingRun(claim: claim, seed: Self.seed)
        let log = try TrainingLog(run: run, dataset: dataset)
        let proof = TrainingProof(provider: provider.publicKey, agent: agent, log: log)
        proofs = [sign(proof, provider)]
        attestations = [validator, reporter].map { sign(SegmentAttestation(validator: $0.publicKey, agent: agent, root: proof.root), $0) }
        // As a reporter who holds the checkpoints builds it: the segment's first checkpoint, the
        // next leaf, and every row the segment reads, each with its path.
        let levels = MerkleTree.Levels(log.leaves)
        let rowLevels = MerkleTree.Levels(dataset.rowHashes())
        func proven(_ rows: [Int]) -> [FraudProof.ProvenRow] {
            rows.map { FraudProof.ProvenRow(index: UInt64($0), bytes: dataset.row($0).encoded(), path: rowLevels.path($0)) }
        }
        let segment = 1
        frauds = [sign(FraudProof(reporter: reporter.publicKey, agent: agent, segment: UInt64(segment), start: log.checkpoints[segment].encoded(),
                                  startPath: levels.path(segment), endLeaf: log.leaves[segment + 1], endPath: levels.path(segment + 1),
                                  rows: proven(run.rows(ofSegment: UInt64(segment)))), reporter)]
        forecasts = [(validator, [0, 50_000, 150_000, 400_000, 300_000, 100_000] as [UInt64]),
                     (reporter, [100_000, 100_000, 200_000, 200_000, 200_000, 200_000])].map { key, probs in
            sign(AgentForecast(forecaster: key.publicKey, agent: agent, probsPpm: probs), key)
        }
        evaluations = [sign(EvaluationResult(submitter: validator.publicKey, agent: agent, weights: Checkpoint.modelFile(log.checkpoints.last!.weights),
                                             rows: proven(run.evaluationRows)), validator)]
        usages = [sign(AgentUsage(payer: reporter.publicKey, agent: agent, fee: 25, nonce: 1), reporter),
                  sign(AgentUsage(payer: validator.publicKey, agent: agent, fee: 1, nonce: 7), validator)]
    }

    /// Every object, as one payload section.
    public var section: AgentsSection {
        AgentsSection(registrations: registrations, proofs: proofs, attestations: attestations, frauds: frauds, forecasts: forecasts,
                      evaluations: evaluations, usages: usages)
    }
}
