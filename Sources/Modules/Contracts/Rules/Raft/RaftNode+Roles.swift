// Role transitions (etcd's become* family).
extension RaftNode {
    /// Clears per-term volatile state; forgets the vote only if the term changes.
    mutating func reset(term newTerm: UInt64) {
        if term != newTerm {
            term = newTerm
            votedFor = nil
        }
        leader = nil
        electionElapsed = 0
        heartbeatElapsed = 0
        resetRandomizedElectionTimeout()
        votes = [:]
        leaderCertificate = nil
        let lastIndex = log.lastIndex
        progress = [:]
        for voter in voters {
            progress[voter] = Progress(match: voter == id ? lastIndex : 0, next: lastIndex + 1)
        }
    }

    mutating func resetRandomizedElectionTimeout() {
        let timeout = config.electionTimeout
        randomizedElectionTimeout = timeout + Int(random.next(below: UInt64(timeout)))
    }

    mutating func becomeFollower(term newTerm: UInt64, leader newLeader: ID?) {
        reset(term: newTerm)
        leader = newLeader
        role = .follower
    }

    /// PreVote probe: keeps term, vote and election timer untouched.
    mutating func becomePreCandidate() {
        precondition(role != .leader, "invalid transition leader -> pre-candidate")
        votes = [:]
        leader = nil
        role = .preCandidate
    }

    mutating func becomeCandidate() {
        precondition(role != .leader, "invalid transition leader -> candidate")
        reset(term: term + 1)
        votedFor = id
        role = .candidate
    }

    /// Takes over the current term and appends the empty entry that lets it
    /// commit earlier terms' entries. The caller broadcasts the append.
    mutating func becomeLeader() {
        precondition(role != .follower, "invalid transition follower -> leader")
        let electors = voters.filter { votes[$0] == true }
        reset(term: term)
        leader = id
        role = .leader
        progress[id]?.becomeReplicate()
        progress[id]?.recentActive = true
        appendEntry([])
        leaderCertificate = LeaderCertificate(
            term: term,
            leader: id,
            voters: electors,
            electedAtTick: elapsedTicks,
            firstIndex: log.lastIndex
        )
    }
}
