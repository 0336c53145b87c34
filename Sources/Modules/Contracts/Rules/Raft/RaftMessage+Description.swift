extension RaftMessage: CustomStringConvertible {
    /// A compact one-line rendering, e.g. `1->2 t3 vote(last: 4@t2)`.
    public var description: String {
        let body: String
        switch kind {
        case let .preVote(index, logTerm):
            body = "preVote(last: \(index)@t\(logTerm))"
        case let .preVoteResponse(granted):
            body = granted ? "preVoteResponse(granted)" : "preVoteResponse(rejected)"
        case let .vote(index, logTerm):
            body = "vote(last: \(index)@t\(logTerm))"
        case let .voteResponse(granted):
            body = granted ? "voteResponse(granted)" : "voteResponse(rejected)"
        case let .append(prevIndex, prevTerm, entries, commit):
            body = "append(prev: \(prevIndex)@t\(prevTerm), entries: \(entries), commit: \(commit))"
        case let .appendResponse(index, rejection?):
            body = "appendResponse(rejected \(index), hint: \(rejection.hintIndex)@t\(rejection.hintTerm))"
        case let .appendResponse(index, nil):
            body = "appendResponse(index: \(index))"
        case let .heartbeat(commit):
            body = "heartbeat(commit: \(commit))"
        case .heartbeatResponse:
            body = "heartbeatResponse"
        }
        return "\(from)->\(to) t\(term) \(body)"
    }
}
