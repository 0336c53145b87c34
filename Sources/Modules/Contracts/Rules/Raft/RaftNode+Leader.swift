// The leader: heartbeats, CheckQuorum, replication and commitment.
extension RaftNode {
    mutating func tickHeartbeat() {
        heartbeatElapsed += 1
        electionElapsed += 1
        if electionElapsed >= config.electionTimeout {
            electionElapsed = 0
            if config.checkQuorum {
                checkQuorum()
            }
        }
        guard role == .leader else { return }
        if heartbeatElapsed >= config.heartbeatTimeout {
            heartbeatElapsed = 0
            broadcastHeartbeat()
        }
    }

    /// Steps down unless a quorum (counting itself) was heard from since the
    /// previous round, then starts a new round.
    mutating func checkQuorum() {
        let active = voters.count(where: { $0 == id || progress[$0]?.recentActive == true })
        if active < quorum {
            becomeFollower(term: term, leader: nil)
            return
        }
        for voter in voters where voter != id {
            progress[voter]?.recentActive = false
        }
    }

    mutating func stepLeader(_ message: RaftMessage<ID>) {
        let peer = message.from
        guard progress[peer] != nil else { return }
        switch message.kind {
        case let .appendResponse(index, rejection):
            progress[peer]!.recentActive = true
            // We never sent anything beyond our last index; such an answer is bogus.
            guard index <= log.lastIndex else { return }
            if let rejection {
                handleAppendRejection(from: peer, rejectedIndex: index, rejection: rejection)
            } else {
                handleAppendAcknowledgement(from: peer, index: index)
            }
        case .heartbeatResponse:
            progress[peer]!.recentActive = true
            progress[peer]!.probeSent = false
            if progress[peer]!.match < log.lastIndex || progress[peer]!.state == .probe {
                sendAppend(to: peer)
            }
        case .voteResponse(granted: true):
            // A grant arriving after the quorum still belongs in the certificate.
            leaderCertificate?.addVoter(peer)
        default:
            break
        }
    }

    mutating func handleAppendAcknowledgement(from peer: ID, index: UInt64) {
        let wasPaused = progress[peer]!.isPaused
        let moved = progress[peer]!.acknowledge(index)
        // A probe answered at the current match also proves the position.
        guard moved || (progress[peer]!.match == index && progress[peer]!.state == .probe) else { return }
        if progress[peer]!.state == .probe {
            progress[peer]!.becomeReplicate()
        }
        if maybeCommit() {
            broadcastAppend()
        } else if wasPaused {
            sendAppend(to: peer)
        }
        while sendAppend(to: peer, sendIfEmpty: false) {}
    }

    mutating func handleAppendRejection(from peer: ID, rejectedIndex: UInt64, rejection: AppendRejection) {
        var nextProbe = min(rejection.hintIndex, rejectedIndex)
        if rejection.hintTerm > 0 {
            // Skip every index whose term here is above the follower's term at the hint.
            nextProbe = log.lastIndex(atOrBelow: nextProbe, withTermAtMost: rejection.hintTerm).index
        }
        guard progress[peer]!.backOff(rejected: rejectedIndex, matchHint: nextProbe) else { return }
        if progress[peer]!.state == .replicate {
            progress[peer]!.becomeProbe()
        }
        sendAppend(to: peer)
    }

    /// Appends one entry of the current term and counts it as replicated here.
    mutating func appendEntry(_ data: [UInt8]) {
        let entry = LogEntry(index: log.lastIndex + 1, term: term, data: data)
        log.append(entry)
        _ = progress[id]?.acknowledge(entry.index)
        _ = maybeCommit()
    }

    /// Commits the highest index replicated on a quorum, if it is from this term.
    mutating func maybeCommit() -> Bool {
        let matches = voters.map { progress[$0]?.match ?? 0 }.sorted(by: >)
        return log.commitIfCurrentTerm(matches[quorum - 1], term: term)
    }

    /// Sends `peer` the entries from its `next` index (or an empty append that
    /// carries the commit index). Returns whether a message went out.
    @discardableResult
    mutating func sendAppend(to peer: ID, sendIfEmpty: Bool = true) -> Bool {
        guard let peerProgress = progress[peer], !peerProgress.isPaused else { return false }
        let prevIndex = peerProgress.next - 1
        guard let prevTerm = log.term(at: prevIndex) else { return false }
        let entries = log.entries(from: peerProgress.next, limit: config.maxEntriesPerAppend)
        if entries.isEmpty && !sendIfEmpty { return false }
        send(to: peer, .append(prevLogIndex: prevIndex, prevLogTerm: prevTerm, entries: entries, commit: log.committed))
        progress[peer]!.sent(entryCount: entries.count)
        return true
    }

    mutating func broadcastAppend() {
        for voter in voters where voter != id {
            sendAppend(to: voter)
        }
    }

    mutating func broadcastHeartbeat() {
        for voter in voters where voter != id {
            // Never tell a follower to commit past what it is known to hold.
            let commit = min(progress[voter]?.match ?? 0, log.committed)
            send(to: voter, .heartbeat(commit: commit))
        }
    }
}
