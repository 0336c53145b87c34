/// Static parameters of one node. Timeouts are counted in ``RaftNode/tick()`` calls.
public struct RaftConfig<ID: RaftNodeID>: Sendable, Hashable {
    /// This node's identifier; must be one of `voters`.
    public var id: ID
    /// Every voting member of the committee, this node included. Order is irrelevant.
    public var voters: [ID]
    /// Base election timeout. A follower or candidate campaigns after a random
    /// number of ticks in `electionTimeout ... 2 * electionTimeout - 1` without
    /// hearing from a leader; a leader with CheckQuorum steps down if it has not
    /// heard from a quorum within `electionTimeout` ticks.
    public var electionTimeout: Int
    /// A leader sends heartbeats every `heartbeatTimeout` ticks; must be below `electionTimeout`.
    public var heartbeatTimeout: Int
    /// Run a PreVote round before bumping the term (etcd `PreVote`).
    public var preVote: Bool
    /// Leaders step down without a recently active quorum, and followers that
    /// heard from a leader within `electionTimeout` ignore (pre-)vote requests
    /// (etcd `CheckQuorum`).
    public var checkQuorum: Bool
    /// Seed of the node's private ``SplitMix64``. Give every node a distinct seed.
    public var seed: UInt64
    /// Upper bound on the entries carried by one append message.
    public var maxEntriesPerAppend: Int

    /// Creates a configuration. The defaults suit a small committee: PreVote and CheckQuorum on.
    public init(
        id: ID,
        voters: [ID],
        electionTimeout: Int = 10,
        heartbeatTimeout: Int = 1,
        preVote: Bool = true,
        checkQuorum: Bool = true,
        seed: UInt64,
        maxEntriesPerAppend: Int = 64
    ) {
        self.id = id
        self.voters = voters
        self.electionTimeout = electionTimeout
        self.heartbeatTimeout = heartbeatTimeout
        self.preVote = preVote
        self.checkQuorum = checkQuorum
        self.seed = seed
        self.maxEntriesPerAppend = maxEntriesPerAppend
    }
}
