import PoTCore

/// The committee's leader posts the decision of a dispute with its certificate: the signed votes
/// of a majority of the committee for it in its term. The chain takes nothing on the leader's
/// word: the decision must equal the tally the chain computes from the verdicts on chain.
public struct ArbitrationDecision: SignableBody {
    public static let domain = DomainTag.contractDecision
    public static let objectName = "decision"
    public static let maxSignedBytes = ContractsLimits.maxDecisionBytes
    public var signer: PublicKey { leader }

    public var dispute: Hash256
    public var leader: PublicKey
    public var term: UInt64
    public var verdict: Verdict
    /// Votes for the leader in `term`, one per voter, in voter order.
    public var certificate: [SignedLeaderVote]

    public init(dispute: Hash256, leader: PublicKey, term: UInt64, verdict: Verdict, certificate: [SignedLeaderVote]) throws {
        self.dispute = dispute; self.leader = leader; self.term = term; self.verdict = verdict
        self.certificate = certificate.sorted { $0.body.voter < $1.body.voter }
        try validate()
    }

    func validate() throws {
        guard !certificate.isEmpty, certificate.count <= ContractsLimits.maxCommittee else {
            throw ObjectError("a decision's certificate holds 1 to \(ContractsLimits.maxCommittee) votes, got \(certificate.count)")
        }
        for (a, b) in zip(certificate, certificate.dropFirst()) where !(a.body.voter < b.body.voter) {
            throw ObjectError("a decision's certificate lists each voter once, in key order")
        }
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(dispute.bytes), 2: .bytes(leader.bytes), 3: .unsigned(term), 4: .unsigned(verdict.workerShare),
              5: .array(certificate.map { $0.cbor() })])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "decision", allowedKeys: [1, 2, 3, 4, 5])
        dispute = try f.hash(1)
        leader = try f.publicKey(2)
        term = try f.uint(3)
        verdict = try Verdict(checking: try f.uint(4))
        certificate = try f.array(5, max: ContractsLimits.maxCommittee).map { try SignedLeaderVote(cbor: $0) }
        try validate()
    }
}

public typealias SignedArbitrationDecision = Signed<ArbitrationDecision>

extension Signed where Body == ArbitrationDecision {
    public var decision: ArbitrationDecision { body }
}
