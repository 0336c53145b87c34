// The follower side of replication.
extension RaftNode {
    mutating func stepFollower(_ message: RaftMessage<ID>) {
        switch message.kind {
        case let .append(prevIndex, prevTerm, entries, commit):
            electionElapsed = 0
            leader = message.from
            handleAppend(from: message.from, prevIndex: prevIndex, prevTerm: prevTerm, entries: entries, commit: commit)
        case let .heartbeat(commit):
            electionElapsed = 0
            leader = message.from
            handleHeartbeat(from: message.from, commit: commit)
        default:
            break
        }
    }

    /// AppendEntries consistency check, conflict truncation and commit update.
    mutating func handleAppend(from sender: ID, prevIndex: UInt64, prevTerm: UInt64, entries: [LogEntry], commit: UInt64) {
        if prevIndex < log.committed {
            // Everything up to our commit index is settled; say where we are.
            send(to: sender, .appendResponse(index: log.committed, rejection: nil))
            return
        }
        if let lastNew = log.tryAppend(prevIndex: prevIndex, prevTerm: prevTerm, commit: commit, newEntries: entries) {
            send(to: sender, .appendResponse(index: lastNew, rejection: nil))
            return
        }
        // Point the leader at the last entry that might still match: no entry
        // with a term above prevTerm can be in the leader's log before prevIndex.
        let hint = log.lastIndex(atOrBelow: min(prevIndex, log.lastIndex), withTermAtMost: prevTerm)
        send(to: sender, .appendResponse(index: prevIndex, rejection: AppendRejection(hintIndex: hint.index, hintTerm: hint.term)))
    }

    mutating func handleHeartbeat(from sender: ID, commit: UInt64) {
        // The leader caps `commit` at our match index, so the cap below only guards against misbehaving hosts.
        log.commit(to: min(commit, log.lastIndex))
        send(to: sender, .heartbeatResponse)
    }
}
