/// The part of a node's state that must survive restarts.
///
/// The host persists it (together with the log entries) after every call that
/// changed it and *before* sending the messages that call returned; it passes
/// the stored value back to ``RaftNode/init(config:hardState:entries:)`` on
/// restart. Persisting `votedFor` is what stops a restarted node from voting
/// twice in the same term.
public struct HardState<ID: RaftNodeID>: Sendable, Hashable {
    /// The latest term this node has seen.
    public var term: UInt64
    /// The candidate this node voted for in `term`, if any.
    public var votedFor: ID?
    /// The highest log index known to be committed.
    public var commit: UInt64

    /// Creates a hard state; the default is the state of a brand-new node.
    public init(term: UInt64 = 0, votedFor: ID? = nil, commit: UInt64 = 0) {
        self.term = term
        self.votedFor = votedFor
        self.commit = commit
    }
}
