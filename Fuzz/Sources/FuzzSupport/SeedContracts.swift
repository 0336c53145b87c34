import PoTContracts
import PoTCore

/// The seed chain's contracts objects. Alice posts two tasks and bob takes and delivers both:
/// alice approves the first and both rate each other; she disputes the second before a committee
/// of carol and four more members. Carol and the next member announce their arbiter keys (the
/// X25519 public keys of RFC 7748's example), seal their verdicts and reveal them, a third member
/// releases its share of carol's seal, and carol, elected in term 2 by the first three members'
/// leader votes, posts the decision. Salts, the seals' ephemeral keys and encrypted shares, and
/// the released share key are fixed bytes.
public struct SeedContracts {
    /// The disputed task's committee, in committee order: carol first, then keys from fixed seeds.
    public let committee: [SigningKey]
    /// The disputed task's id, which names its dispute.
    public let dispute: Hash256
    /// The term in which carol leads the committee.
    public let term: UInt64
    public let posts: [SignedTaskPost]
    public let acceptances: [SignedTaskAcceptance]
    public let deliveries: [SignedTaskDelivery]
    public let approvals: [SignedTaskApproval]
    public let ratings: [SignedTaskRating]
    public let disputes: [SignedTaskDispute]
    public let arbiterKeys: [SignedArbiterKey]
    public let seals: [SignedVerdictSeal]
    public let reveals: [SignedVerdictReveal]
    public let releases: [SignedShareRelease]
    /// The votes electing carol, in committee order: no block carries them but the decision's certificate.
    public let leaderVotes: [SignedLeaderVote]
    public let decisions: [SignedArbitrationDecision]

    init(chain: Hash256, requester: SigningKey, worker: SigningKey, arbiter: SigningKey) throws {
        func sign<Body: SignableBody>(_ body: Body, _ key: SigningKey) -> Signed<Body> { Signed.sign(body, with: key, chain: chain) }
        func fixed(_ byte: UInt8, _ count: Int) -> [UInt8] { [UInt8](repeating: byte, count: count) }
        let committee = try [arbiter] + (4...7).map { try SigningKey(seed: fixed(UInt8($0), 32)) }
        let term: UInt64 = 2
        self.committee = committee
        self.term = term
        posts = [
            sign(try TaskPost(requester: requester.publicKey, title: "Fix the parser",
                              description: "The CBOR reader accepts a map with a duplicate key; it must refuse it.",
                              spec: GitObjectId(bytes: fixed(0x5e, 20)), reward: 1000, acceptBy: 10, deliverBy: 30, nonce: 1), requester),
            sign(try TaskPost(requester: requester.publicKey, title: "Port the CLI to SHA-256 repositories",
                              spec: GitObjectId(bytes: fixed(0x5f, 32)), reward: 250_000, acceptBy: 12, deliverBy: 1_000, nonce: 2), requester),
        ]
        let tasks = posts.map { $0.id(chain: chain) }
        let dispute = tasks[1]
        self.dispute = dispute
        acceptances = tasks.map { sign(TaskAcceptance(task: $0, worker: worker.publicKey), worker) }
        deliveries = [
            sign(try TaskDelivery(task: tasks[0], worker: worker.publicKey, commit: GitObjectId(bytes: fixed(0xd1, 20))!,
                                  note: "Duplicate keys are refused, with tests."), worker),
            sign(try TaskDelivery(task: tasks[1], worker: worker.publicKey, commit: GitObjectId(bytes: fixed(0xd2, 32))!), worker),
        ]
        approvals = [sign(TaskApproval(task: tasks[0], requester: requester.publicKey), requester)]
        ratings = [
            sign(try TaskRating(task: tasks[0], rater: requester.publicKey, stars: 5, comment: "Quick and well tested."), requester),
            sign(try TaskRating(task: tasks[0], rater: worker.publicKey, stars: 4), worker),
        ]
        disputes = [sign(try TaskDispute(task: dispute, party: requester.publicKey, statement: "The delivery does not build on a SHA-256 repository.",
                                         evidence: GitObjectId(bytes: fixed(0xe1, 32))), requester)]
        let encryptionKeys = ["8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
                              "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"].map { Hex.decode($0)! }
        arbiterKeys = try zip(committee, encryptionKeys).map { sign(try ArbiterKey(member: $0.publicKey, encryptionKey: $1), $0) }
        let verdicts = [try Verdict(checking: 600_000), Verdict.payWorker]
        let salts = [fixed(0x5a, ContractsLimits.saltBytes), fixed(0x5b, ContractsLimits.saltBytes)]
        seals = try (0..<2).map { i in
            let key = committee[i].publicKey
            // One share per other member of the committee, each of the size ChaCha20-Poly1305 makes.
            let shares = (0..<committee.count - 1).map { j in
                (0..<ContractsLimits.sealedShareBytes).map { UInt8(truncatingIfNeeded: 37 * $0 + 11 * j + 101 * i) }
            }
            return sign(try VerdictSeal(dispute: dispute, arbiter: key,
                                        commitment: SealedVerdict.commitment(dispute: dispute, arbiter: key, verdict: verdicts[i], salt: salts[i], chain: chain),
                                        ephemeralKey: fixed(UInt8(0x70 + i), 32), shares: shares), committee[i])
        }
        reveals = try (0..<2).map {
            sign(try VerdictReveal(dispute: dispute, arbiter: committee[$0].publicKey, verdict: verdicts[$0], salt: salts[$0]), committee[$0])
        }
        releases = [sign(try ShareRelease(dispute: dispute, sealer: committee[0].publicKey, member: committee[2].publicKey, shareKey: fixed(0x6b, 32)),
                         committee[2])]
        leaderVotes = committee.prefix(3).map {
            sign(LeaderVote(dispute: dispute, term: term, candidate: committee[0].publicKey, voter: $0.publicKey), $0)
        }
        decisions = [sign(try ArbitrationDecision(dispute: dispute, leader: committee[0].publicKey, term: term, verdict: verdicts[0],
                                                  certificate: leaderVotes), committee[0])]
    }

    /// Every object a block may carry, as one payload section.
    public var section: ContractsSection {
        var section = ContractsSection()
        section.posts = posts; section.acceptances = acceptances; section.deliveries = deliveries; section.approvals = approvals
        section.ratings = ratings; section.disputes = disputes; section.arbiterKeys = arbiterKeys; section.seals = seals
        section.reveals = reveals; section.releases = releases; section.decisions = decisions
        return section
    }
}
