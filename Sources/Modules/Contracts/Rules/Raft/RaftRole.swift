/// The role a node currently plays.
public enum RaftRole: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Follows a leader (or waits for one) and answers votes.
    case follower
    /// Probing with PreVote whether an election could be won, without bumping the term.
    case preCandidate
    /// Campaigning for leadership in its current term.
    case candidate
    /// Leads the current term: replicates the log and sends heartbeats.
    case leader

    /// Lower-case name, e.g. `pre-candidate`.
    public var description: String {
        switch self {
        case .follower: "follower"
        case .preCandidate: "pre-candidate"
        case .candidate: "candidate"
        case .leader: "leader"
        }
    }
}
