import PoTCore

/// What the chain knows of one registered agent.
public struct Agent: Equatable, Sendable {
    public var id: Hash256
    public var registration: AgentRegistration
    public var registeredAt: UInt64
    /// H(id of the block `seed_delay` heights after the registration, agent id): fixed when the
    /// block after that one is applied; nil until then.
    public var seed: Hash256?
    public var proof: ProvenTraining?
    public var fraud: ProvenFraud?
    /// Fraud claims against this agent that its checkpoints refuted.
    public var refutedClaims: UInt64 = 0
    /// The market on its accuracy, opened when its proof is verified.
    public var evaluation: EvaluationMarket?
    /// Usage payments made for it, and their fees in mT.
    public var uses: UInt64 = 0
    public var fees: UInt64 = 0

    public init(id: Hash256, registration: AgentRegistration, registeredAt: UInt64) {
        self.id = id; self.registration = registration; self.registeredAt = registeredAt
    }

    public var name: String { registration.name }
    public var provider: PublicKey { registration.provider }
    public var claim: TrainingClaim { registration.claim }

    /// Where the agent stands, in words.
    public var status: Status {
        if fraud != nil { return .fraudulent }
        guard let proof else { return seed == nil ? .awaitingSeed : .awaitingProof }
        if proof.verifiedAt != nil { return .verified }
        return proof.selected == nil ? .awaitingSelection : .awaitingAttestations
    }

    public enum Status: String, Sendable, CaseIterable {
        case awaitingSeed = "awaiting seed"
        case awaitingProof = "awaiting proof"
        case awaitingSelection = "awaiting selection"
        case awaitingAttestations = "awaiting attestations"
        case verified
        case fraudulent
    }
}

/// A proof of training the chain accepted.
public struct ProvenTraining: Equatable, Sendable {
    public var root: Hash256
    public var finalModel: Hash256
    public var losses: [UInt64]
    public var distances: [UInt64]
    public var includedAt: UInt64
    /// The segments validators re-execute, ascending; nil until the selection block is known.
    public var selected: [Int]?
    /// Members who attested the selected segments, in the order their attestations came.
    public var attesters: [PublicKey] = []
    public var verifiedAt: UInt64?

    public init(root: Hash256, finalModel: Hash256, losses: [UInt64], distances: [UInt64], includedAt: UInt64) {
        self.root = root; self.finalModel = finalModel; self.losses = losses; self.distances = distances; self.includedAt = includedAt
    }
}

/// A fraud the chain proved by re-executing one segment.
public struct ProvenFraud: Equatable, Sendable {
    public var segment: UInt64
    public var reporter: PublicKey
    public var height: UInt64
    /// mT taken from the bond, and the part of it paid to the reporter.
    public var slashed: UInt64
    public var reward: UInt64
    /// Attesters of the segment who lost `agents.attest_penalty_mt` (or what they had).
    public var penalized: [PublicKey]

    public init(segment: UInt64, reporter: PublicKey, height: UInt64, slashed: UInt64, reward: UInt64, penalized: [PublicKey]) {
        self.segment = segment; self.reporter = reporter; self.height = height; self.slashed = slashed; self.reward = reward
        self.penalized = penalized
    }
}
