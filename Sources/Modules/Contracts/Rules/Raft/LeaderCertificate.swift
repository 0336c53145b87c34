/// Evidence of how a node became leader, for the host to turn into a signed certificate.
///
/// The host signs every message, so it can pair ``voters`` with the signed
/// vote responses it delivered to the node in ``term``.
public struct LeaderCertificate<ID: RaftNodeID>: Sendable, Hashable {
    /// The term the node leads.
    public let term: UInt64
    /// The leader itself.
    public let leader: ID
    /// Voters that granted their (real, not pre-) vote for `term`, leader
    /// included, ascending. Starts at the winning quorum and grows if more
    /// grants arrive after the election.
    public internal(set) var voters: [ID]
    /// Value of ``RaftNode/elapsedTicks`` when the node became leader.
    public let electedAtTick: UInt64
    /// Index of the empty entry the leader appended on election.
    public let firstIndex: UInt64

    mutating func addVoter(_ voter: ID) {
        guard !voters.contains(voter) else { return }
        voters.append(voter)
        voters.sort()
    }
}
