import PoTCore

/// The agents module's state: every registered agent, the index of names, and the heights at
/// which an agent waits for a block id (its seed, or its segment selection).
public struct AgentsState: ModuleState {
    public var agents: [Hash256: Agent] = [:]
    public var names: [String: Hash256] = [:]
    /// height → agents whose seed or selection the block at that height fixes, from its parent's id.
    public var waiting: [UInt64: [Hash256]] = [:]
    /// The ids of usage payments already made.
    public var payments: Set<Hash256> = []

    public init() {}

    public func agent(named name: String) -> Agent? { names[name].flatMap { agents[$0] } }

    mutating func wait(_ agent: Hash256, until height: UInt64) { waiting[height, default: []].append(agent) }
}

/// What one block did in the agents module.
public struct AgentsReport: ModuleReport {
    public var registered: [Hash256] = []
    public var seeded: [Hash256] = []
    public var proven: [Hash256] = []
    public var selected: [Hash256] = []
    public var verified: [Hash256] = []
    public var frauds: [Hash256] = []
    /// Fraud claims refuted: agent, reporter and the fee the reporter paid the provider.
    public var refuted: [RefutedClaim] = []
    /// Evaluation markets measured (with the settlement of their forecasts) or voided.
    public var evaluations: [EvaluationSettlement] = []
    /// Usage payments: agent, fee and how it was split.
    public var payments: [UsageSplit] = []

    public struct EvaluationSettlement: Equatable, Sendable {
        public var agent: Hash256
        /// nil when the market was voided.
        public var accuracyPpm: UInt64?
        public var scores: [VoterScore]
    }

    public struct UsageSplit: Equatable, Sendable {
        public var agent: Hash256
        public var payer: PublicKey
        public var fee: UInt64
        public var provider: UInt64
        public var validators: UInt64
        public var burned: UInt64
    }

    public struct RefutedClaim: Equatable, Sendable {
        public var agent: Hash256
        public var reporter: PublicKey
        public var segment: UInt64
        public var fee: UInt64
    }

    public init() {}

    public var isEmpty: Bool {
        registered.isEmpty && seeded.isEmpty && proven.isEmpty && selected.isEmpty && verified.isEmpty && frauds.isEmpty && refuted.isEmpty
            && evaluations.isEmpty && payments.isEmpty
    }
}
