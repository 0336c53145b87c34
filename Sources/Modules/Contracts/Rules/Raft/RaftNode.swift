/// A pure Raft state machine for one committee member: leader election with
/// PreVote and CheckQuorum, and log replication.
///
/// It performs no I/O and reads no clock. The host drives it with ``tick()``,
/// ``step(_:)``, ``campaign()`` and ``propose(_:)``; each call returns the
/// messages to send. Before sending them, the host persists ``hardState`` and
/// any new ``log`` entries, and restores both through
/// ``init(config:hardState:entries:)`` after a restart.
public struct RaftNode<ID: RaftNodeID>: Sendable, Equatable {
    /// Static configuration.
    public let config: RaftConfig<ID>
    /// All voters, ascending, this node included.
    public let voters: [ID]

    /// Current role.
    public internal(set) var role: RaftRole
    /// Current term.
    public internal(set) var term: UInt64
    /// The candidate this node voted for in ``term``.
    public internal(set) var votedFor: ID?
    /// The leader of ``term`` as far as this node knows.
    public internal(set) var leader: ID?
    /// The log and its commit index.
    public internal(set) var log: RaftLog
    /// Set while leader: who elected this node and when.
    public internal(set) var leaderCertificate: LeaderCertificate<ID>?
    /// Number of ``tick()`` calls since this instance was created (a logical clock).
    public internal(set) var elapsedTicks: UInt64 = 0
    /// Ticks since the last reset of the election timer (for a leader: since the last CheckQuorum round).
    public internal(set) var electionElapsed = 0
    /// The current randomised election timeout, in `electionTimeout ... 2 * electionTimeout - 1`.
    public internal(set) var randomizedElectionTimeout = 0

    var heartbeatElapsed = 0
    /// Responses to the current (pre-)campaign; `true` means granted.
    var votes: [ID: Bool] = [:]
    /// Replication progress per voter; meaningful while leader.
    var progress: [ID: Progress] = [:]
    var random: SplitMix64
    var outbox: [RaftMessage<ID>] = []

    /// Creates a node, restoring persisted state if there is any.
    ///
    /// - Parameters:
    ///   - config: Identity, membership, timeouts, features and seed.
    ///   - hardState: The last persisted ``hardState``; the default is a fresh node.
    ///   - entries: The last persisted log, indices 1, 2, 3, ...
    /// - Throws: ``RaftInitError`` for an inconsistent configuration or state.
    public init(
        config: RaftConfig<ID>,
        hardState: HardState<ID> = HardState(),
        entries: [LogEntry] = []
    ) throws(RaftInitError) {
        guard config.heartbeatTimeout > 0, config.electionTimeout > config.heartbeatTimeout else {
            throw .invalidTimeouts
        }
        guard config.maxEntriesPerAppend > 0 else { throw .invalidMaxEntriesPerAppend }
        let sortedVoters = config.voters.sorted()
        guard zip(sortedVoters, sortedVoters.dropFirst()).allSatisfy({ $0 != $1 }) else {
            throw .duplicateVoter
        }
        guard sortedVoters.contains(config.id) else { throw .notAVoter }
        if let vote = hardState.votedFor, !sortedVoters.contains(vote) { throw .unknownVote }
        guard entries.enumerated().allSatisfy({ $0.element.index == UInt64($0.offset + 1) }) else {
            throw .nonContiguousLog
        }
        guard hardState.commit <= UInt64(entries.count) else { throw .commitBeyondLog }

        self.config = config
        self.voters = sortedVoters
        self.role = .follower
        self.term = hardState.term
        self.votedFor = hardState.votedFor
        self.log = RaftLog(entries: entries, committed: hardState.commit)
        // Scramble the seed once: seeds that differ by a multiple of SplitMix64's
        // increment would otherwise yield shifted copies of the same stream.
        var seeder = SplitMix64(seed: config.seed)
        self.random = SplitMix64(seed: seeder.next())
        // Same term, so the restored vote survives.
        becomeFollower(term: hardState.term, leader: nil)
    }

    /// This node's identifier.
    public var id: ID { config.id }

    /// The state to persist: term, vote and commit index.
    public var hardState: HardState<ID> {
        HardState(term: term, votedFor: votedFor, commit: log.committed)
    }

    /// Highest committed log index.
    public var commitIndex: UInt64 { log.committed }

    /// Number of votes that decides an election or commits an entry.
    public var quorum: Int { voters.count / 2 + 1 }

    /// Voters that granted this node their vote in the current term, ascending:
    /// the votes gathered so far as a candidate, the certificate's voters as
    /// leader, empty otherwise (PreVote grants are not votes).
    public var grantedVotes: [ID] {
        switch role {
        case .leader: leaderCertificate?.voters ?? []
        case .candidate: voters.filter { votes[$0] == true }
        case .follower, .preCandidate: []
        }
    }

    /// Advances the logical clock by one tick: may start an election, send
    /// heartbeats, or (CheckQuorum) make a leader step down.
    public mutating func tick() -> [RaftMessage<ID>] {
        elapsedTicks &+= 1
        if role == .leader {
            tickHeartbeat()
        } else {
            tickElection()
        }
        return takeMessages()
    }

    /// Processes one message from a peer. Messages not addressed to this node,
    /// from non-voters, or with malformed appends are ignored.
    public mutating func step(_ message: RaftMessage<ID>) -> [RaftMessage<ID>] {
        guard message.to == id, message.from != id, voters.contains(message.from), message.isWellFormed else {
            return []
        }
        receive(message)
        return takeMessages()
    }

    /// Starts an election now (etcd `MsgHup`), with a PreVote round if configured.
    /// Does nothing on a leader.
    public mutating func campaign() -> [RaftMessage<ID>] {
        hup()
        return takeMessages()
    }

    /// Appends `data` to the log as leader and replicates it.
    ///
    /// - Returns: The index of the new entry and the append messages to send.
    /// - Throws: ``ProposalError/notLeader(leader:)`` unless this node leads.
    public mutating func propose(_ data: [UInt8]) throws(ProposalError<ID>) -> (index: UInt64, messages: [RaftMessage<ID>]) {
        guard role == .leader else { throw .notLeader(leader: leader) }
        appendEntry(data)
        broadcastAppend()
        return (log.lastIndex, takeMessages())
    }

    mutating func send(to recipient: ID, term messageTerm: UInt64? = nil, _ kind: RaftMessage<ID>.Kind) {
        outbox.append(RaftMessage(from: id, to: recipient, term: messageTerm ?? term, kind: kind))
    }

    mutating func takeMessages() -> [RaftMessage<ID>] {
        var messages: [RaftMessage<ID>] = []
        swap(&messages, &outbox)
        return messages
    }
}
