import PoTCore

/// A committee member's vote for a candidate in one Raft term of a dispute's committee,
/// signed, so that a majority of them certifies the leader of that term to the chain.
public struct LeaderVote: SignableBody {
    public static let domain = DomainTag.contractLeaderVote
    public static let objectName = "leader vote"
    public static let maxSignedBytes = ContractsLimits.maxSmallObjectBytes
    public var signer: PublicKey { voter }

    public var dispute: Hash256
    public var term: UInt64
    public var candidate: PublicKey
    public var voter: PublicKey

    public init(dispute: Hash256, term: UInt64, candidate: PublicKey, voter: PublicKey) {
        self.dispute = dispute; self.term = term; self.candidate = candidate; self.voter = voter
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(dispute.bytes), 2: .unsigned(term), 3: .bytes(candidate.bytes), 4: .bytes(voter.bytes)])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "leader vote", allowedKeys: [1, 2, 3, 4])
        dispute = try f.hash(1)
        term = try f.uint(2)
        candidate = try f.publicKey(3)
        voter = try f.publicKey(4)
    }
}

public typealias SignedLeaderVote = Signed<LeaderVote>
