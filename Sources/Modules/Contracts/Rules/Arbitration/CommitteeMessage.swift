import PoTCore

/// One Raft message between two members of a dispute's committee, signed by its sender and
/// flooded between nodes as a relay (COMMITTEE-RAFT); never stored in a block. A granted
/// RequestVote carries the voter's signed ``LeaderVote`` for the candidate, which is what the
/// leader's certificate is made of.
public struct CommitteeMessage: SignableBody {
    public static let domain = DomainTag.contractCommitteeMessage
    public static let objectName = "committee message"
    /// Below the 8 KiB of a relay (NET-RELAY).
    public static let maxSignedBytes = 8_000
    public var signer: PublicKey { raft.from }

    public var dispute: Hash256
    public var raft: RaftMessage<PublicKey>
    /// With a granted vote response only: the vote for the candidate (`raft.to`) in `raft.term`.
    public var vote: SignedLeaderVote?

    public init(dispute: Hash256, raft: RaftMessage<PublicKey>, vote: SignedLeaderVote? = nil) throws {
        self.dispute = dispute; self.raft = raft; self.vote = vote
        try validate()
    }

    func validate() throws {
        guard raft.from != raft.to else { throw ObjectError("a committee message goes to another member") }
        if case .voteResponse(granted: true) = raft.kind {
            guard let vote else { throw ObjectError("a granted vote carries the voter's signed leader vote") }
            let body = vote.body
            guard body.dispute == dispute, body.term == raft.term, body.candidate == raft.to, body.voter == raft.from else {
                throw ObjectError("the leader vote of a granted vote names its dispute, term, candidate and voter")
            }
        } else if vote != nil {
            throw ObjectError("only a granted vote carries a leader vote")
        }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [1: .bytes(dispute.bytes), 2: .bytes(raft.from.bytes), 3: .bytes(raft.to.bytes),
                                      4: .unsigned(raft.term), 5: raft.kind.cbor()]
        if let vote { fields[6] = vote.cbor() }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "committee message", allowedKeys: [1, 2, 3, 4, 5, 6])
        dispute = try f.hash(1)
        raft = RaftMessage(from: try f.publicKey(2), to: try f.publicKey(3), term: try f.uint(4),
                           kind: try RaftMessage<PublicKey>.Kind(cbor: try f.value(5)))
        vote = try f.optional(6).map { try SignedLeaderVote(cbor: $0) }
        try validate()
    }
}

public typealias SignedCommitteeMessage = Signed<CommitteeMessage>

extension DomainTag {
    public static let contractCommitteeMessage = DomainTag("pot/contracts/committee-message/v1")
}
