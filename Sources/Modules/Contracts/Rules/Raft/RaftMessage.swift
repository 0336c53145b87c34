/// A message between two committee members. Nodes return these from every
/// driving call; the host delivers them (in any order, possibly never) to
/// ``RaftNode/step(_:)`` of the node named by `to`.
public struct RaftMessage<ID: RaftNodeID>: Sendable, Hashable {
    /// Sender.
    public var from: ID
    /// Recipient.
    public var to: ID
    /// Sender's term, except for (pre-)vote traffic, which carries the term of
    /// the election it concerns (a PreVote asks about the sender's term + 1).
    public var term: UInt64
    /// What the message says.
    public var kind: Kind

    /// Creates a message.
    public init(from: ID, to: ID, term: UInt64, kind: Kind) {
        self.from = from
        self.to = to
        self.term = term
        self.kind = kind
    }

    /// The payload of a message.
    public enum Kind: Sendable, Hashable {
        /// Would you vote for me in `term` (= my term + 1)? Does not bump anybody's term.
        case preVote(lastLogIndex: UInt64, lastLogTerm: UInt64)
        /// Answer to a PreVote.
        case preVoteResponse(granted: Bool)
        /// RequestVote for `term`.
        case vote(lastLogIndex: UInt64, lastLogTerm: UInt64)
        /// Answer to a RequestVote.
        case voteResponse(granted: Bool)
        /// AppendEntries: `entries` follow the entry at `prevLogIndex`, whose term is `prevLogTerm`.
        case append(prevLogIndex: UInt64, prevLogTerm: UInt64, entries: [LogEntry], commit: UInt64)
        /// Answer to AppendEntries. Accepted: `index` is the last index known to
        /// match the leader. Rejected: `index` is the refused `prevLogIndex`
        /// and `rejection` hints where the logs may match.
        case appendResponse(index: UInt64, rejection: AppendRejection?)
        /// Leader liveness plus the commit index, capped at what the recipient is known to hold.
        case heartbeat(commit: UInt64)
        /// Answer to a heartbeat.
        case heartbeatResponse
    }
}

/// The follower's guess, on a rejected append, of the last point where its log may match the leader's.
public struct AppendRejection: Sendable, Hashable {
    /// Largest index at or below the probe whose term is at most the probe's term.
    public var hintIndex: UInt64
    /// The follower's term at `hintIndex` (0 if unknown).
    public var hintTerm: UInt64

    /// Creates a hint.
    public init(hintIndex: UInt64, hintTerm: UInt64) {
        self.hintIndex = hintIndex
        self.hintTerm = hintTerm
    }
}
