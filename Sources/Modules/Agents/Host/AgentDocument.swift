import PoTAgents
import PoTCore

/// An agent as `pot agent list|show --json` and the explorer print it.
public struct AgentDocument: Encodable, Sendable {
    public struct Proof: Encodable, Sendable {
        public let root: String
        public let final_model: String
        public let included_at: UInt64
        /// Loss per segment, in nats.
        public let losses: [Double]
        public let distances: [UInt64]
        public let selected: [Int]?
        public let attesters: [String]
        public let verified_at: UInt64?
    }

    public struct Evaluation: Encodable, Sendable {
        public let opens_at: UInt64
        public let closes_at: UInt64
        public let resolve_by: UInt64
        /// Forecasters and their probabilities per accuracy bucket (ppm).
        public let forecasts: [Forecast]
        public let holdout_rows: Int?
        /// "open", "drawn" (holdout known, awaiting evidence), "measured" or "void".
        public let status: String
        public let accuracy_ppm: UInt64?
        public let bucket: String?
        public let settled_at: UInt64?
    }

    public struct Forecast: Encodable, Sendable {
        public let forecaster: String
        public let probs_ppm: [UInt64]
    }

    public struct Fraud: Encodable, Sendable {
        public let segment: UInt64
        public let reporter: String
        public let height: UInt64
        public let slashed_mt: UInt64
        public let reward_mt: UInt64
        public let penalized: [String]
    }

    public let id: String
    public let name: String
    public let status: String
    public let provider: String
    public let tags: [String]
    public let bond_mt: UInt64
    public let model: String
    public let dataset_blob: String
    public let dataset_root: String
    public let label: String
    public let rows: UInt64
    public let learning_rate: Double
    public let momentum: Double
    public let batch: UInt64
    public let interval: UInt64
    public let steps: UInt64
    public let segments: UInt64
    public let evaluation_ppm: UInt64
    public let registered_at: UInt64
    public let seed: String?
    public let proof: Proof?
    public let fraud: Fraud?
    public let refuted_claims: UInt64
    public let evaluation: Evaluation?
    /// The accuracy the chain measured, 0 once fraudulent; absent before a measurement.
    public let reputation_ppm: UInt64?
    public let uses: UInt64
    public let fees_mt: UInt64

    public init(_ a: Agent, named: (PublicKey) -> String = { $0.hex }) {
        let c = a.claim
        id = a.id.hex; name = a.name; status = a.status.rawValue; provider = named(a.provider); tags = a.registration.tags
        bond_mt = a.fraud == nil ? a.registration.bond : 0
        model = c.model.description; dataset_blob = Hex.encode(c.datasetBlob); dataset_root = c.datasetRoot.hex; label = c.labelColumn
        rows = c.rows; learning_rate = Double(c.learningRate) / 65_536; momentum = Double(c.momentum) / 65_536
        batch = c.batchSize; interval = c.interval; steps = c.steps; segments = c.segments; evaluation_ppm = c.evaluationPpm
        registered_at = a.registeredAt; seed = a.seed?.hex
        proof = a.proof.map { p in
            Proof(root: p.root.hex, final_model: p.finalModel.hex, included_at: p.includedAt, losses: p.losses.map { Double($0) / 65_536 },
                  distances: p.distances, selected: p.selected, attesters: p.attesters.map(named), verified_at: p.verifiedAt)
        }
        fraud = a.fraud.map { f in
            Fraud(segment: f.segment, reporter: named(f.reporter), height: f.height, slashed_mt: f.slashed, reward_mt: f.reward,
                  penalized: f.penalized.map(named))
        }
        refuted_claims = a.refutedClaims
        evaluation = a.evaluation.map { m in
            let status: String, accuracy: UInt64?, settled: UInt64?
            switch m.outcome {
            case nil: status = m.holdout == nil ? "open" : "drawn"; accuracy = nil; settled = nil
            case .voided(let height): status = "void"; accuracy = nil; settled = height
            case .measured(let a, _, let height): status = "measured"; accuracy = a; settled = height
            }
            return Evaluation(opens_at: m.opensAt, closes_at: m.closesAt, resolve_by: m.resolveBy,
                              forecasts: m.forecasts.keys.sorted().map { Forecast(forecaster: named($0), probs_ppm: m.forecasts[$0]!) },
                              holdout_rows: m.holdout?.count, status: status, accuracy_ppm: accuracy,
                              bucket: accuracy.map { AccuracyBuckets.label(AccuracyBuckets.bucket($0)) }, settled_at: settled)
        }
        reputation_ppm = a.reputationPpm
        uses = a.uses
        fees_mt = a.fees
    }
}
