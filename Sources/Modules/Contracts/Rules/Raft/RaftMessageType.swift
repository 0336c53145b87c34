/// The type of a ``RaftMessage`` without its fields, for filtering and logging.
public enum RaftMessageType: Sendable, Hashable, CaseIterable {
    /// ``RaftMessage/Kind/preVote(lastLogIndex:lastLogTerm:)``
    case preVote
    /// ``RaftMessage/Kind/preVoteResponse(granted:)``
    case preVoteResponse
    /// ``RaftMessage/Kind/vote(lastLogIndex:lastLogTerm:)``
    case vote
    /// ``RaftMessage/Kind/voteResponse(granted:)``
    case voteResponse
    /// ``RaftMessage/Kind/append(prevLogIndex:prevLogTerm:entries:commit:)``
    case append
    /// ``RaftMessage/Kind/appendResponse(index:rejection:)``
    case appendResponse
    /// ``RaftMessage/Kind/heartbeat(commit:)``
    case heartbeat
    /// ``RaftMessage/Kind/heartbeatResponse``
    case heartbeatResponse
}

extension RaftMessage {
    /// The message's type without its fields.
    public var type: RaftMessageType {
        switch kind {
        case .preVote: .preVote
        case .preVoteResponse: .preVoteResponse
        case .vote: .vote
        case .voteResponse: .voteResponse
        case .append: .append
        case .appendResponse: .appendResponse
        case .heartbeat: .heartbeat
        case .heartbeatResponse: .heartbeatResponse
        }
    }
}
