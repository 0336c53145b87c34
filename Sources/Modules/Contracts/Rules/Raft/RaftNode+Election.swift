// Elections: timers, campaigns, answering and counting (pre-)votes.
extension RaftNode {
    enum VoteResult: Sendable, Hashable {
        case pending, won, lost
    }

    mutating func tickElection() {
        electionElapsed += 1
        if electionElapsed >= randomizedElectionTimeout {
            electionElapsed = 0
            hup()
        }
    }

    /// etcd's `MsgHup`.
    mutating func hup() {
        guard role != .leader else { return }
        campaign(preVote: config.preVote)
    }

    /// Solicits PreVotes for `term + 1` or real votes after bumping the term.
    mutating func campaign(preVote: Bool) {
        let electionTerm: UInt64
        if preVote {
            becomePreCandidate()
            electionTerm = term + 1
        } else {
            becomeCandidate()
            electionTerm = term
        }
        if poll(id, granted: true) == .won {
            // Only possible with a single voter.
            if preVote {
                campaign(preVote: false)
            } else {
                becomeLeader()
            }
            return
        }
        let lastIndex = log.lastIndex
        let lastTerm = log.lastTerm
        for voter in voters where voter != id {
            let request: RaftMessage<ID>.Kind = preVote
                ? .preVote(lastLogIndex: lastIndex, lastLogTerm: lastTerm)
                : .vote(lastLogIndex: lastIndex, lastLogTerm: lastTerm)
            send(to: voter, term: electionTerm, request)
        }
    }

    /// Grants at most one vote per term, and only to candidates whose log is
    /// at least as up-to-date as ours. PreVotes are answered by the same rule
    /// but record nothing.
    mutating func answerVoteRequest(_ request: RaftMessage<ID>, lastIndex: UInt64, lastTerm: UInt64, preVote: Bool) {
        let candidate = request.from
        let canVote = votedFor == candidate
            || (votedFor == nil && leader == nil)
            || (preVote && request.term > term)
        if canVote && log.isUpToDate(lastIndex: lastIndex, lastTerm: lastTerm) {
            // Answer in the request's term: a PreVote is about a term we have not reached.
            send(to: candidate, term: request.term, preVote ? .preVoteResponse(granted: true) : .voteResponse(granted: true))
            if !preVote {
                electionElapsed = 0
                votedFor = candidate
            }
        } else {
            send(to: candidate, preVote ? .preVoteResponse(granted: false) : .voteResponse(granted: false))
        }
    }

    mutating func stepCandidate(_ message: RaftMessage<ID>) {
        switch message.kind {
        case let .append(prevIndex, prevTerm, entries, commit):
            becomeFollower(term: message.term, leader: message.from)
            handleAppend(from: message.from, prevIndex: prevIndex, prevTerm: prevTerm, entries: entries, commit: commit)
        case let .heartbeat(commit):
            becomeFollower(term: message.term, leader: message.from)
            handleHeartbeat(from: message.from, commit: commit)
        case let .preVoteResponse(granted) where role == .preCandidate:
            countVote(from: message.from, granted: granted)
        case let .voteResponse(granted) where role == .candidate:
            countVote(from: message.from, granted: granted)
        default:
            // Includes leftover PreVote answers reaching a full candidate.
            break
        }
    }

    mutating func countVote(from voter: ID, granted: Bool) {
        switch poll(voter, granted: granted) {
        case .won:
            if role == .preCandidate {
                campaign(preVote: false)
            } else {
                becomeLeader()
                broadcastAppend()
            }
        case .lost:
            becomeFollower(term: term, leader: nil)
        case .pending:
            break
        }
    }

    /// Records the first answer of `voter` and tallies the campaign.
    mutating func poll(_ voter: ID, granted: Bool) -> VoteResult {
        if votes[voter] == nil {
            votes[voter] = granted
        }
        let grants = votes.values.count(where: { $0 })
        let rejections = votes.count - grants
        if grants >= quorum { return .won }
        if rejections > voters.count - quorum { return .lost }
        return .pending
    }
}
