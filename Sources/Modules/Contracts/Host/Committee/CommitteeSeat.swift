import Foundation
import PoTContracts
import PoTCore

/// One committee seat this node holds: the member's Raft state machine for one dispute, the
/// signed votes it gathered as a candidate, and its record on disk.
final class CommitteeSeat {
    let dispute: Hash256
    let key: SigningKey
    var node: RaftNode<PublicKey>
    /// Signed votes for this seat, by term and voter, taken from granted vote answers.
    var votes: [UInt64: [PublicKey: SignedLeaderVote]] = [:]
    /// The term in which this seat posted the dispute's decision.
    var decidedInTerm: UInt64?
    /// The last term whose leadership by this seat was logged.
    var reportedTerm: UInt64?
    private var saved: SeatRecord?
    private let pot: String

    var member: PublicKey { key.publicKey }

    /// Timeouts in ticks of ``CommitteeAgent/raftTick``: an election after 15 to 29 silent ticks,
    /// heartbeats every 3; at most 16 entries per append, what a relay carries.
    static func config(member: PublicKey, committee: [PublicKey], seed: UInt64) -> RaftConfig<PublicKey> {
        RaftConfig(id: member, voters: committee, electionTimeout: 15, heartbeatTimeout: 3, preVote: true, checkQuorum: true,
                   seed: seed, maxEntriesPerAppend: RaftMessage<PublicKey>.Kind.maxWireEntries)
    }

    /// Opens the seat, restoring its term, vote and log if this repository held it before.
    init(dispute: Hash256, key: SigningKey, committee: [PublicKey], pot: String) throws {
        self.dispute = dispute
        self.key = key
        self.pot = pot
        let record = try SeatRecord.read(pot: pot, dispute: dispute, member: key.publicKey)
        let config = Self.config(member: key.publicKey, committee: committee, seed: UInt64.random(in: .min ... .max))
        do {
            node = try RaftNode(config: config, hardState: record?.hardState ?? HardState(), entries: record?.entries ?? [])
        } catch {
            throw ObjectError("the committee seat in \(SeatRecord.directory(pot: pot, dispute: dispute)) cannot be restored: \(error)")
        }
        saved = record
    }

    /// Persists what changed (term, vote, commit, log, role or leader) before anything is sent.
    func persist(now: UInt64) throws {
        let hard = node.hardState
        if let saved, saved.hardState == hard, saved.entries == node.log.entries,
           saved.role == node.role, saved.leader == node.leader {
            return
        }
        let changedView = saved.map { $0.hardState.term != hard.term || $0.role != node.role || $0.leader != node.leader } ?? true
        let record = SeatRecord(hardState: hard, entries: node.log.entries, role: node.role, leader: node.leader,
                                updatedAt: changedView ? now : saved!.updatedAt)
        try record.write(pot: pot, dispute: dispute, member: member)
        saved = record
    }

    /// Remembers a vote for this seat carried by a granted answer.
    func take(_ vote: SignedLeaderVote) {
        guard vote.body.candidate == member else { return }
        votes[vote.body.term, default: [:]][vote.body.voter] = vote
        votes = votes.filter { $0.key + 2 >= vote.body.term }
    }

    /// The certificate of the term this seat leads: the signed votes of the voters that elected
    /// it (its own signed now), or nil while fewer than a majority's votes are at hand.
    func certificate(chain: Hash256) -> [SignedLeaderVote]? {
        guard node.role == .leader, let elected = node.leaderCertificate else { return nil }
        let term = elected.term
        let list = elected.voters.compactMap { voter -> SignedLeaderVote? in
            if voter == member {
                return SignedLeaderVote.sign(LeaderVote(dispute: dispute, term: term, candidate: member, voter: member), with: key, chain: chain)
            }
            return votes[term]?[voter]
        }
        return list.count >= node.quorum ? list : nil
    }
}
