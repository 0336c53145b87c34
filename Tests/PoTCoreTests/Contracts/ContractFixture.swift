import Crypto
import Testing
@testable import PoTCore
import PoTContracts
import PoTModules

/// Contracts on a genesis of seven members (keys 1 to 7, 10 000 mT each) with short windows:
/// acceptance and delivery heights given per task, review 3, rating 4; committees of 5 drawn 2
/// heights after a dispute, sealing 3, revealing 3, recovering 3, deciding 3; threshold 3; every
/// member eligible (eligibility 0, no contract needed).
enum Cx {
    static let members = (1...7).map { Fx.key(UInt8($0)) }
    static let requester = Fx.alice, worker = Fx.bob
    static let parameters: [String: UInt64] = [
        "contracts.review_window": 3, "contracts.rating_window": 4, "contracts.committee_delay": 2,
        "contracts.seal_window": 3, "contracts.reveal_window": 3, "contracts.recovery_window": 3, "contracts.decision_window": 3,
        "contracts.eligibility_ppm": 0, "contracts.min_arbiter_contracts": 0,
    ]

    static func genesis(_ overrides: [String: UInt64] = [:], balances: [(SigningKey, UInt64)]? = nil) -> ChainState {
        let base = Fx.params(balances: balances ?? members.map { ($0, 10_000) })
        let params = try! ChainParams(confirmations: base.confirmations, alpha: base.alpha, initialAccounts: base.initialAccounts,
                                      createdAt: base.createdAt, moduleParameters: parameters.merging(overrides) { $1 })
        return ChainState(genesis: params)
    }

    /// The X25519 key member `key` announces: derived from its signing seed byte.
    static func encryptionKey(_ key: SigningKey) -> Curve25519.KeyAgreement.PrivateKey {
        let index = members.firstIndex { $0.publicKey == key.publicKey } ?? 99
        return try! Curve25519.KeyAgreement.PrivateKey(rawRepresentation: [UInt8](repeating: UInt8(100 + index), count: 32))
    }

    static func signingKey(_ key: PublicKey) -> SigningKey { members.first { $0.publicKey == key }! }

    static func section(_ build: (inout ContractsSection) -> Void) -> Payload {
        var section = ContractsSection()
        build(&section)
        var payload = Payload()
        payload.contracts = section
        return payload
    }

    static func post(_ requester: SigningKey = requester, reward: UInt64 = 1_000, acceptBy: UInt64 = 5, deliverBy: UInt64 = 10,
                     nonce: UInt64 = 1, chain: Hash256) -> SignedTaskPost {
        let body = try! TaskPost(requester: requester.publicKey, title: "fix the parser", description: "the CBOR decoder loops on 0x9f",
                                 reward: reward, acceptBy: acceptBy, deliverBy: deliverBy, nonce: nonce)
        return .sign(body, with: requester, chain: chain)
    }

    static func accept(_ task: Hash256, by worker: SigningKey = worker, chain: Hash256) -> SignedTaskAcceptance {
        .sign(TaskAcceptance(task: task, worker: worker.publicKey), with: worker, chain: chain)
    }

    static func deliver(_ task: Hash256, by worker: SigningKey = worker, chain: Hash256) -> SignedTaskDelivery {
        .sign(try! TaskDelivery(task: task, worker: worker.publicKey, commit: GitObjectId(bytes: [UInt8](repeating: 0xab, count: 20))!),
              with: worker, chain: chain)
    }

    static func approve(_ task: Hash256, by requester: SigningKey = requester, chain: Hash256) -> SignedTaskApproval {
        .sign(TaskApproval(task: task, requester: requester.publicKey), with: requester, chain: chain)
    }

    static func rate(_ task: Hash256, by rater: SigningKey, _ stars: UInt64, chain: Hash256) -> SignedTaskRating {
        .sign(try! TaskRating(task: task, rater: rater.publicKey, stars: stars), with: rater, chain: chain)
    }

    static func dispute(_ task: Hash256, by party: SigningKey = requester, chain: Hash256) -> SignedTaskDispute {
        .sign(try! TaskDispute(task: task, party: party.publicKey, statement: "the fix breaks indefinite maps"), with: party, chain: chain)
    }

    /// Every member announces its arbiter key.
    static func announceAll(_ state: inout ChainState) throws {
        let chain = state.chainId
        try Fx.apply(&state, payload: section { s in
            s.arbiterKeys = members.map { key in
                .sign(try! ArbiterKey(member: key.publicKey, encryptionKey: Array(encryptionKey(key).publicKey.rawRepresentation)),
                      with: key, chain: chain)
            }
        })
    }

    /// Posts, accepts and delivers a task in three blocks; returns its id.
    static func delivered(_ state: inout ChainState, reward: UInt64 = 1_000) throws -> Hash256 {
        let chain = state.chainId
        let post = post(reward: reward, acceptBy: state.height + 5, deliverBy: state.height + 10, chain: chain)
        let task = post.post.taskId(chain: chain)
        try Fx.apply(&state, payload: section { $0.posts = [post] })
        try Fx.apply(&state, payload: section { $0.acceptances = [accept(task, chain: chain)] })
        try Fx.apply(&state, payload: section { $0.deliveries = [deliver(task, chain: chain)] })
        return task
    }

    /// A delivered task disputed by the requester, with its committee drawn.
    static func disputed(_ state: inout ChainState) throws -> Hash256 {
        try announceAll(&state)
        let task = try delivered(&state)
        try Fx.apply(&state, payload: section { $0.disputes = [dispute(task, chain: state.chainId)] })
        while state.contracts.disputes[task]?.drawnAt == nil { try Fx.apply(&state) }
        return task
    }

    /// Seals `verdict` for `arbiter` on dispute `task`, with a salt of one repeated byte.
    static func seal(_ arbiter: SigningKey, _ verdict: Verdict, on task: Hash256, state: ChainState, salt: UInt8 = 7)
        -> (seal: SignedVerdictSeal, salt: [UInt8]) {
        let dispute = state.contracts.disputes[task]!
        let committee = dispute.committee.map { ($0, state.contracts.arbiterKeys[$0]!) }
        var counter: UInt8 = 0
        let made = try! SealedVerdict.seal(dispute: task, arbiter: arbiter.publicKey, verdict: verdict, committee: committee,
                                           threshold: dispute.threshold, chain: state.chainId) { count in
            counter &+= 1
            return [UInt8](repeating: counter == 1 ? salt : counter, count: count)
        }
        return (.sign(made.seal, with: arbiter, chain: state.chainId), made.salt)
    }

    static func reveal(_ arbiter: SigningKey, _ verdict: Verdict, salt: [UInt8], on task: Hash256, chain: Hash256) -> SignedVerdictReveal {
        .sign(try! VerdictReveal(dispute: task, arbiter: arbiter.publicKey, verdict: verdict, salt: salt), with: arbiter, chain: chain)
    }

    /// `member` releases its share of `sealer`'s seal.
    static func release(_ member: SigningKey, of sealer: PublicKey, on task: Hash256, state: ChainState) -> SignedShareRelease {
        let seal = state.contracts.disputes[task]!.seals[sealer]!
        let key = try! SealedVerdict.shareKey(for: seal, member: member.publicKey, privateKey: encryptionKey(member), chain: state.chainId)
        return .sign(try! ShareRelease(dispute: task, sealer: sealer, member: member.publicKey, shareKey: key), with: member, chain: state.chainId)
    }

    /// A decision by `leader` with the votes of `voters` in `term`.
    static func decision(_ leader: SigningKey, _ verdict: Verdict, voters: [SigningKey], term: UInt64 = 1, on task: Hash256,
                         chain: Hash256) -> SignedArbitrationDecision {
        let votes = voters.map { SignedLeaderVote.sign(LeaderVote(dispute: task, term: term, candidate: leader.publicKey, voter: $0.publicKey),
                                                        with: $0, chain: chain) }
        return .sign(try! ArbitrationDecision(dispute: task, leader: leader.publicKey, term: term, verdict: verdict, certificate: votes),
                     with: leader, chain: chain)
    }

    /// The rule and message with which the next block refuses `payload`, or nil.
    static func refused(_ payload: Payload, on state: ChainState) -> BlockRejection? { Gx.refusal(payload, on: state) }

    static func balance(_ state: ChainState, _ key: SigningKey) -> UInt64 { state.accounts[key.publicKey]?.balance ?? 0 }
}
