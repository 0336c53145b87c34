import PoTContracts
import PoTCore

/// Signed Raft messages between the seed dispute's committee members, as nodes relay them
/// (topic 6): carol's heartbeat and an append of two log entries as leader of term 2, a granted
/// vote carrying the voter's leader vote, a refused append with its hint, a heartbeat's answer,
/// and a pre-vote of term 3 with its refusal.
public struct SeedCommittee {
    public let messages: [SignedCommitteeMessage]

    init(chain: Hash256, contracts: SeedContracts) throws {
        let keys = contracts.committee, leader = keys[0], term = contracts.term
        func message(_ from: SigningKey, _ to: SigningKey, term: UInt64, _ kind: RaftMessage<PublicKey>.Kind,
                     vote: SignedLeaderVote? = nil) throws -> SignedCommitteeMessage {
            let raft = RaftMessage(from: from.publicKey, to: to.publicKey, term: term, kind: kind)
            return Signed.sign(try CommitteeMessage(dispute: contracts.dispute, raft: raft, vote: vote), with: from, chain: chain)
        }
        let entries = [
            LogEntry(index: 2, term: term, data: CommitteeLogEntry.sealed(leader.publicKey).bytes),
            LogEntry(index: 3, term: term, data: CommitteeLogEntry.revealed(leader.publicKey, contracts.reveals[0].body.verdict).bytes),
        ]
        messages = [
            try message(leader, keys[1], term: term, .heartbeat(commit: 3)),
            try message(keys[1], leader, term: term, .voteResponse(granted: true), vote: contracts.leaderVotes[1]),
            try message(leader, keys[2], term: term, .append(prevLogIndex: 1, prevLogTerm: 1, entries: entries, commit: 1)),
            try message(keys[2], leader, term: term, .appendResponse(index: 1, rejection: AppendRejection(hintIndex: 1, hintTerm: 1))),
            try message(keys[1], leader, term: term, .heartbeatResponse),
            try message(keys[3], keys[4], term: term + 1, .preVote(lastLogIndex: 3, lastLogTerm: term)),
            try message(keys[4], keys[3], term: term + 1, .preVoteResponse(granted: false)),
        ]
    }
}
