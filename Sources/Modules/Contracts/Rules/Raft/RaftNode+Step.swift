// Term bookkeeping common to every message, then dispatch by role (etcd's Step).
extension RaftNode {
    mutating func receive(_ message: RaftMessage<ID>) {
        if message.term > term {
            if message.type == .vote || message.type == .preVote, isInLeaderLease {
                // Leader lease: we heard from a live leader within the minimum
                // election timeout, so neither adopt the term nor answer.
                return
            }
            switch message.kind {
            case .preVote:
                // A PreVote asks about a future term; it never changes ours.
                break
            case .preVoteResponse(granted: true):
                // Grants carry the term we are probing for; a quorum of them makes us bump it ourselves.
                break
            case .append, .heartbeat:
                becomeFollower(term: message.term, leader: message.from)
            default:
                becomeFollower(term: message.term, leader: nil)
            }
        } else if message.term < term {
            answerStale(message)
            return
        }

        switch message.kind {
        case let .preVote(lastIndex, lastTerm):
            answerVoteRequest(message, lastIndex: lastIndex, lastTerm: lastTerm, preVote: true)
        case let .vote(lastIndex, lastTerm):
            answerVoteRequest(message, lastIndex: lastIndex, lastTerm: lastTerm, preVote: false)
        default:
            switch role {
            case .leader: stepLeader(message)
            case .candidate, .preCandidate: stepCandidate(message)
            case .follower: stepFollower(message)
            }
        }
    }

    /// With CheckQuorum, a node that heard from a leader within `electionTimeout`
    /// ticks ignores requests to elect somebody else.
    var isInLeaderLease: Bool {
        config.checkQuorum && leader != nil && electionElapsed < config.electionTimeout
    }

    /// Messages from an older term are dropped, with two exceptions.
    mutating func answerStale(_ message: RaftMessage<ID>) {
        switch message.type {
        case .append, .heartbeat:
            // A stale leader may be cut off from a majority that moved on while
            // we, with our higher term, ignore its (pre-)votes. Answering with our
            // term makes it step down instead of staying stuck.
            if config.checkQuorum || config.preVote {
                send(to: message.from, .appendResponse(index: 0, rejection: nil))
            }
        case .preVote:
            // Reject explicitly so a pre-candidate with an outdated term learns the current one.
            send(to: message.from, .preVoteResponse(granted: false))
        default:
            break
        }
    }
}
