import Crypto
import PoTContracts
import PoTCore
import PoTModules

/// A chain kept in memory for simulations: seven members with keys drawn from a seed (a
/// requester, a worker and five arbiters), blocks made and applied with the real state
/// transition, every member with an announced arbiter key.
struct SimulatedChain {
    static let parameters: [String: UInt64] = [
        "contracts.eligibility_ppm": 0, "contracts.min_arbiter_contracts": 0, "contracts.seal_window": 3,
        "contracts.reveal_window": 3, "contracts.recovery_window": 3, "contracts.decision_window": 3,
    ]

    private(set) var state: ChainState
    let requester: SigningKey
    let worker: SigningKey
    private let keys: [PublicKey: SigningKey]
    private let encryption: [PublicKey: Curve25519.KeyAgreement.PrivateKey]
    var random: SplitMix64

    init(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        func bytes() -> [UInt8] { (0..<4).flatMap { _ in withUnsafeBytes(of: random.next()) { Array($0) } } }
        let members = try (0..<7).map { _ in try SigningKey(seed: bytes()) }
        let encryption = try members.map { _ in try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes()) }
        let params = try ChainParams(confirmations: 2, alpha: 1000, initialAccounts: members.map { .init(key: $0.publicKey, balance: 10_000) },
                                     createdAt: 1_700_000_000, moduleParameters: Self.parameters)
        state = ChainState(genesis: params)
        requester = members[0]
        worker = members[1]
        keys = Dictionary(uniqueKeysWithValues: members.map { ($0.publicKey, $0) })
        self.encryption = Dictionary(uniqueKeysWithValues: zip(members.map(\.publicKey), encryption))
        self.random = random
        let chain = state.chainId
        try block { s in
            s.arbiterKeys = members.indices.map {
                .sign(try! ArbiterKey(member: members[$0].publicKey, encryptionKey: Array(encryption[$0].publicKey.rawRepresentation)),
                      with: members[$0], chain: chain)
            }
        }
    }

    var chain: Hash256 { state.chainId }
    func key(_ member: PublicKey) -> SigningKey { keys[member]! }

    mutating func bytes(_ count: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < count { out += withUnsafeBytes(of: random.next()) { Array($0) } }
        return Array(out.prefix(count))
    }

    /// Applies a block carrying the contracts section `build` makes (empty: a block with nothing).
    mutating func block(_ build: (inout ContractsSection) -> Void = { _ in }) throws {
        var section = ContractsSection()
        build(&section)
        var payload = Payload()
        payload.contracts = section
        let header = try BlockHeader(height: state.height + 1, parent: state.tip, proposer: requester.publicKey, timestamp: state.tipTimestamp + 1,
                                     tree: [UInt8](repeating: 0, count: 20), codeCommits: [], payloadRoot: payload.root(chain: chain))
        state = try StateTransition.apply(.sign(header, with: requester, chain: chain), payload: payload, to: state).0
    }

    /// Posts, accepts, delivers and disputes a task, and waits for its committee.
    mutating func dispute() throws -> Hash256 {
        let chain = self.chain
        let post = SignedTaskPost.sign(try TaskPost(requester: requester.publicKey, title: "simulated task", reward: 1_000,
                                                    acceptBy: state.height + 5, deliverBy: state.height + 10, nonce: random.next()),
                                       with: requester, chain: chain)
        let task = post.post.taskId(chain: chain)
        let worker = self.worker
        try block { $0.posts = [post] }
        try block { $0.acceptances = [.sign(TaskAcceptance(task: task, worker: worker.publicKey), with: worker, chain: chain)] }
        let commit = GitObjectId(bytes: bytes(20))!
        try block { $0.deliveries = [.sign(try! TaskDelivery(task: task, worker: worker.publicKey, commit: commit), with: worker, chain: chain)] }
        let requester = self.requester
        try block { $0.disputes = [.sign(try! TaskDispute(task: task, party: requester.publicKey, statement: "simulated"), with: requester, chain: chain)] }
        while state.contracts.disputes[task]?.drawnAt == nil { try block() }
        return task
    }

    /// `arbiter`'s seal of `verdict` and its salt; with `lie`, the commitment is to `lie` instead.
    mutating func seal(_ arbiter: PublicKey, _ verdict: Verdict, on task: Hash256, lie: Verdict? = nil) throws -> (SignedVerdictSeal, [UInt8]) {
        let dispute = state.contracts.disputes[task]!
        let committee = dispute.committee.map { ($0, state.contracts.arbiterKeys[$0]!) }
        let ephemeral = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes(32))
        let pool = bytes(1_024)
        var used = 0
        var made = try SealedVerdict.seal(dispute: task, arbiter: arbiter, verdict: verdict, committee: committee, threshold: dispute.threshold,
                                          chain: chain, random: { count in
                                              defer { used += count }
                                              return Array(pool[used..<used + count])
                                          }, ephemeral: ephemeral)
        if let lie {
            made.seal.commitment = SealedVerdict.commitment(dispute: task, arbiter: arbiter, verdict: lie, salt: made.salt, chain: chain)
        }
        return (.sign(made.seal, with: key(arbiter), chain: chain), made.salt)
    }

    func reveal(_ arbiter: PublicKey, _ verdict: Verdict, salt: [UInt8], on task: Hash256) throws -> SignedVerdictReveal {
        .sign(try VerdictReveal(dispute: task, arbiter: arbiter, verdict: verdict, salt: salt), with: key(arbiter), chain: chain)
    }

    /// `member`'s release of its share of `sealer`'s seal.
    func release(_ member: PublicKey, of sealer: PublicKey, on task: Hash256) throws -> SignedShareRelease {
        let seal = state.contracts.disputes[task]!.seals[sealer]!
        let shareKey = try SealedVerdict.shareKey(for: seal, member: member, privateKey: encryption[member]!, chain: chain)
        return .sign(try ShareRelease(dispute: task, sealer: sealer, member: member, shareKey: shareKey), with: key(member), chain: chain)
    }

    /// A decision by `leader` with the votes of `voters` in term 1, for the chain's tally.
    func decision(_ leader: PublicKey, voters: [PublicKey], on task: Hash256) throws -> SignedArbitrationDecision {
        let votes = voters.map { SignedLeaderVote.sign(LeaderVote(dispute: task, term: 1, candidate: leader, voter: $0), with: key($0), chain: chain) }
        let verdict = VerdictTally.tally(of: state.contracts.disputes[task]!, params: state.params)
        return .sign(try ArbitrationDecision(dispute: task, leader: leader, term: 1, verdict: verdict, certificate: votes), with: key(leader), chain: chain)
    }
}
