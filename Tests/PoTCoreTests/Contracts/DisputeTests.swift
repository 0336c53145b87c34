import Testing
@testable import PoTCore
import PoTContracts
import PoTModules

/// A dispute on the seven-member chain: alice requested, bob delivered, alice disputes; the
/// committee is carol and keys 4 to 7, drawn at height 7; sealing until 10, revealing until 13,
/// recovering until 16.
@Suite("Contracts: disputes")
struct DisputeTests {
    /// The committee's signing keys, in committee order.
    static func committee(_ state: ChainState, _ task: Hash256) -> [SigningKey] {
        state.contracts.disputes[task]!.committee.map(Cx.signingKey)
    }

    /// Every member seals: the first four pay the worker except the fourth, who refunds; the
    /// fifth pays. Returns the salts.
    static func sealAll(_ state: inout ChainState, _ task: Hash256, verdicts: [Verdict]? = nil) throws -> [[UInt8]] {
        let members = committee(state, task)
        let chosen = verdicts ?? [.payWorker, .payWorker, .payWorker, .refundRequester, .payWorker]
        let sealed = members.indices.map { Cx.seal(members[$0], chosen[$0], on: task, state: state, salt: UInt8(10 + $0)) }
        try Fx.apply(&state, payload: Cx.section { $0.seals = sealed.map(\.seal) })
        return sealed.map(\.salt)
    }

    @Test("COMMITTEE-DRAW: the committee is drawn committee_delay heights after the dispute from the parent block's id, never a party")
    func draw() throws {
        var state = Cx.genesis()
        try Cx.announceAll(&state)
        let task = try Cx.delivered(&state)
        try Fx.apply(&state, payload: Cx.section { $0.disputes = [Cx.dispute(task, chain: state.chainId)] })
        try Fx.apply(&state)
        #expect(state.contracts.disputes[task]?.drawnAt == nil)
        let parent = state.tip
        let effects = try Fx.apply(&state)
        let dispute = state.contracts.disputes[task]!
        #expect(dispute.drawnAt == 7 && dispute.committee.count == 5 && dispute.threshold == 3)
        #expect(!dispute.committee.contains(Cx.requester.publicKey) && !dispute.committee.contains(Cx.worker.publicKey))
        #expect(effects.contracts.drawn.first?.committee == dispute.committee)
        let candidates = Eligibility.candidates(excluding: state.contracts.contracts[task]!, state: state.contracts, isMember: state.isMember,
                                                at: 7, params: state.params)
        let again = CommitteeDraw.draw(candidates, size: 5, seed: CommitteeDraw.seed(dispute: task, block: parent, chain: state.chainId))
        #expect(again == dispute.committee, "anyone recomputes the committee from the chain")
    }

    @Test("VERDICT-RECOVERY DECISION-SETTLE: a withheld verdict is recovered from t released shares; the decision counts it and pays; the withholder and the minority lose service trust")
    func recovery() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.disputed(&state)
        let members = Self.committee(state, task)
        let salts = try Self.sealAll(&state, task)
        #expect(DisputePhase(state.contracts.disputes[task]!, at: state.height + 1, params: state.params) == .revealing)
        let verdicts: [Verdict] = [.payWorker, .payWorker, .payWorker, .refundRequester]
        try Fx.apply(&state, payload: Cx.section { s in
            s.reveals = (0..<4).map { Cx.reveal(members[$0], verdicts[$0], salt: salts[$0], on: task, chain: chain) }
        })
        while state.height < 13 { try Fx.apply(&state) }
        let silent = members[4].publicKey
        let early = Cx.release(members[0], of: silent, on: task, state: state)
        #expect(state.contracts.disputes[task]?.verdicts[silent] == nil)
        try Fx.apply(&state, payload: Cx.section { s in s.releases = [early] + (1...2).map { Cx.release(members[$0], of: silent, on: task, state: state) } })
        #expect(state.contracts.disputes[task]?.verdicts[silent] == .recovered(.payWorker))
        #expect(state.contracts.disputes[task]?.talliedAt == 14)
        let decision = Cx.decision(members[1], .payWorker, voters: Array(members[0...2]), on: task, chain: chain)
        try Fx.apply(&state, payload: Cx.section { $0.decisions = [decision] })
        let settled = state.contracts.disputes[task]!.decision!
        #expect(settled.verdict == .payWorker && settled.leader == members[1].publicKey && settled.term == 1)
        #expect(Cx.balance(state, Cx.worker) == 11_000 && Cx.balance(state, Cx.requester) == 9_000)
        let trust = { (key: SigningKey) in ServiceTrust.ppm(state.contracts.record(key.publicKey)) }
        #expect(trust(members[0]) == 666_666, "agreed: one contract's worth for")
        #expect(trust(members[3]) == 333_333, "minority: one against")
        #expect(trust(members[4]) == 250_000, "withheld: two against")
    }

    @Test("VERDICT-RECOVERY: with fewer than t shares released the verdict stays sealed and does not count")
    func tooFewShares() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.disputed(&state)
        let members = Self.committee(state, task)
        let salts = try Self.sealAll(&state, task, verdicts: [.payWorker, .payWorker, .refundRequester, .refundRequester, .payWorker])
        let verdicts: [Verdict] = [.payWorker, .payWorker, .refundRequester, .refundRequester]
        try Fx.apply(&state, payload: Cx.section { s in
            s.reveals = (0..<4).map { Cx.reveal(members[$0], verdicts[$0], salt: salts[$0], on: task, chain: chain) }
        })
        while state.height < 13 { try Fx.apply(&state) }
        let silent = members[4].publicKey
        try Fx.apply(&state, payload: Cx.section { s in s.releases = (0...1).map { Cx.release(members[$0], of: silent, on: task, state: state) } })
        while state.contracts.disputes[task]?.talliedAt == nil { try Fx.apply(&state) }
        #expect(state.contracts.disputes[task]?.talliedAt == 16)
        #expect(state.contracts.disputes[task]?.counted.count == 4)
        let wrong = Cx.decision(members[0], .payWorker, voters: Array(members[0...2]), on: task, chain: chain)
        let refusal = Cx.refused(Cx.section { $0.decisions = [wrong] }, on: state)
        #expect(refusal?.rule == .decisionTally && refusal?.detail.contains("split: 50.0% to the worker") == true)
    }

    @Test("DECISION-CERTIFICATE: a decision without a majority's votes for its leader in its term, or with a forged or outside vote, is refused")
    func certificate() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.disputed(&state)
        let members = Self.committee(state, task)
        let salts = try Self.sealAll(&state, task)
        #expect(Cx.refused(Cx.section { $0.decisions = [Cx.decision(members[0], .payWorker, voters: Array(members[0...2]), on: task, chain: chain)] },
                           on: state)?.rule == .decisionEarly)
        try Fx.apply(&state, payload: Cx.section { s in
            s.reveals = (0..<5).map { Cx.reveal(members[$0], $0 == 3 ? .refundRequester : .payWorker, salt: salts[$0], on: task, chain: chain) }
        })
        #expect(state.contracts.disputes[task]?.talliedAt == 9)
        func refused(_ decision: SignedArbitrationDecision) -> BlockRejection.Rule? { Cx.refused(Cx.section { $0.decisions = [decision] }, on: state)?.rule }
        #expect(refused(Cx.decision(members[0], .payWorker, voters: Array(members[0...1]), on: task, chain: chain)) == .decisionCertificate)
        #expect(refused(Cx.decision(Cx.requester, .payWorker, voters: Array(members[0...2]), on: task, chain: chain)) == .decisionCertificate)
        #expect(refused(Cx.decision(members[0], .payWorker, voters: [members[0], members[1], Cx.worker], on: task, chain: chain)) == .decisionCertificate)
        var forged = Cx.decision(members[0], .payWorker, voters: Array(members[0...2]), on: task, chain: chain)
        forged.body.certificate[1].signature = forged.body.certificate[0].signature
        #expect(refused(.sign(forged.body, with: members[0], chain: chain)) == .decisionCertificate)
        let mixed = ArbitrationDecision.unchecked(task, leader: members[0], term: 2,
                                        votes: [(members[0], 2), (members[1], 2), (members[2], 1)], chain: chain)
        #expect(refused(mixed) == .decisionCertificate)
        #expect(refused(Cx.decision(members[0], .refundRequester, voters: Array(members[0...2]), on: task, chain: chain)) == .decisionTally)
        #expect(refused(Cx.decision(members[0], .payWorker, voters: Array(members[0...2]), on: task, chain: chain)) == nil)
    }

    @Test("VERDICT-SEAL and VERDICT-REVEAL: a verdict from outside the committee, a reveal before the reveals open or that does not match its commitment are refused")
    func sealsAndReveals() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.disputed(&state)
        let members = Self.committee(state, task)
        let outsider = Cx.seal(members[0], .payWorker, on: task, state: state)
        var body = outsider.seal.seal
        body.arbiter = Cx.worker.publicKey
        #expect(Cx.refused(Cx.section { $0.seals = [.sign(body, with: Cx.worker, chain: chain)] }, on: state)?.rule == .verdictNotArbiter)
        var short = outsider.seal.seal
        short.shares.removeLast()
        #expect(Cx.refused(Cx.section { $0.seals = [.sign(short, with: members[0], chain: chain)] }, on: state)?.rule == .sealMalformed)
        try Fx.apply(&state, payload: Cx.section { $0.seals = [outsider.seal] })
        let early = Cx.refused(Cx.section { $0.reveals = [Cx.reveal(members[0], .payWorker, salt: outsider.salt, on: task, chain: chain)] }, on: state)
        #expect(early?.rule == .verdictEarly)
        #expect(Cx.refused(Cx.section { $0.seals = [outsider.seal] }, on: state)?.rule == .verdictDuplicate)
        while state.height < 10 { try Fx.apply(&state) }
        let lie = Cx.refused(Cx.section { $0.reveals = [Cx.reveal(members[0], .refundRequester, salt: outsider.salt, on: task, chain: chain)] }, on: state)
        #expect(lie?.rule == .verdictMismatch)
        let unsealed = Cx.refused(Cx.section { $0.reveals = [Cx.reveal(members[1], .payWorker, salt: outsider.salt, on: task, chain: chain)] }, on: state)
        #expect(unsealed?.rule == .verdictUnsealed)
        #expect(Cx.refused(Cx.section { $0.reveals = [Cx.reveal(members[0], .payWorker, salt: outsider.salt, on: task, chain: chain)] }, on: state) == nil)
    }

    @Test("SHARE-RELEASE: a share before the reveal window ends, of a revealed verdict, with a key that does not open it, or twice is refused")
    func releases() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.disputed(&state)
        let members = Self.committee(state, task)
        let salts = try Self.sealAll(&state, task)
        try Fx.apply(&state, payload: Cx.section { $0.reveals = [Cx.reveal(members[0], .payWorker, salt: salts[0], on: task, chain: chain)] })
        let silent = members[4].publicKey
        #expect(Cx.refused(Cx.section { $0.releases = [Cx.release(members[1], of: silent, on: task, state: state)] }, on: state)?.rule == .shareEarly)
        while state.height < 13 { try Fx.apply(&state) }
        #expect(Cx.refused(Cx.section { $0.releases = [Cx.release(members[1], of: members[0].publicKey, on: task, state: state)] }, on: state)?.rule == .shareNotNeeded)
        let good = Cx.release(members[1], of: silent, on: task, state: state)
        let wrongKey = SignedShareRelease.sign(try ShareRelease(dispute: task, sealer: silent, member: members[1].publicKey,
                                                                shareKey: [UInt8](repeating: 1, count: 32)), with: members[1], chain: chain)
        #expect(Cx.refused(Cx.section { $0.releases = [wrongKey] }, on: state)?.rule == .shareKey)
        let stolen = SignedShareRelease.sign(try ShareRelease(dispute: task, sealer: silent, member: members[2].publicKey,
                                                              shareKey: good.release.shareKey), with: members[2], chain: chain)
        #expect(Cx.refused(Cx.section { $0.releases = [stolen] }, on: state)?.rule == .shareKey, "another member's key opens nothing of its own")
        let outside = SignedShareRelease.sign(try ShareRelease(dispute: task, sealer: silent, member: Cx.worker.publicKey,
                                                               shareKey: good.release.shareKey), with: Cx.worker, chain: chain)
        #expect(Cx.refused(Cx.section { $0.releases = [outside] }, on: state)?.rule == .verdictNotArbiter)
        try Fx.apply(&state, payload: Cx.section { $0.releases = [good] })
        #expect(Cx.refused(Cx.section { $0.releases = [good] }, on: state)?.rule == .shareDuplicate)
    }

    @Test("VERDICT-RECOVERY: shares that combine to something the commitment does not match mark the seal corrupt; nothing is counted for it")
    func corruptSeal() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.disputed(&state)
        let members = Self.committee(state, task)
        var seals = members.indices.map { Cx.seal(members[$0], .payWorker, on: task, state: state, salt: UInt8(10 + $0)) }
        var cheat = seals[4].seal.seal
        cheat.commitment = SealedVerdict.commitment(dispute: task, arbiter: members[4].publicKey, verdict: .refundRequester, salt: seals[4].salt, chain: chain)
        seals[4].seal = .sign(cheat, with: members[4], chain: chain)
        try Fx.apply(&state, payload: Cx.section { $0.seals = seals.map(\.seal) })
        try Fx.apply(&state, payload: Cx.section { s in
            s.reveals = (0..<4).map { Cx.reveal(members[$0], .payWorker, salt: seals[$0].salt, on: task, chain: chain) }
        })
        while state.height < 13 { try Fx.apply(&state) }
        let effects = try Fx.apply(&state, payload: Cx.section { s in
            s.releases = (1...3).map { Cx.release(members[$0], of: members[4].publicKey, on: task, state: state) }
        })
        #expect(state.contracts.disputes[task]?.verdicts[members[4].publicKey] == .corrupt)
        #expect(effects.contracts.recovered.first?.state == .corrupt)
        #expect(state.contracts.disputes[task]?.counted.count == 4)
    }

    @Test("DECISION-FALLBACK: a leader silent through the decision window leaves the chain to settle with its own tally")
    func silentLeader() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.disputed(&state)
        let members = Self.committee(state, task)
        let salts = try Self.sealAll(&state, task, verdicts: Array(repeating: .refundRequester, count: 5))
        try Fx.apply(&state, payload: Cx.section { s in
            s.reveals = (0..<5).map { Cx.reveal(members[$0], .refundRequester, salt: salts[$0], on: task, chain: chain) }
        })
        #expect(state.contracts.disputes[task]?.talliedAt == 9)
        while state.contracts.disputes[task]?.decision == nil { try Fx.apply(&state) }
        #expect(state.height == 12)
        #expect(state.contracts.disputes[task]?.decision?.leader == nil)
        #expect(Cx.balance(state, Cx.requester) == 10_000 && Cx.balance(state, Cx.worker) == 10_000)
    }

    @Test("DECISION-FALLBACK: with fewer eligible members than the committee size the dispute is settled at the draw with the fallback split")
    func noCommittee() throws {
        var state = Cx.genesis(["contracts.fallback_share_ppm": 250_000])
        let task = try Cx.delivered(&state)
        try Fx.apply(&state, payload: Cx.section { $0.disputes = [Cx.dispute(task, chain: state.chainId)] })
        try Fx.apply(&state)
        try Fx.apply(&state)
        let dispute = state.contracts.disputes[task]!
        #expect(dispute.committee.isEmpty && dispute.decision?.verdict.workerShare == 250_000)
        #expect(DisputePhase(dispute, at: state.height, params: state.params) == .noCommittee)
        #expect(Cx.balance(state, Cx.worker) == 10_250 && Cx.balance(state, Cx.requester) == 9_750)
    }
}

extension ArbitrationDecision {
    /// A decision whose votes may be for different terms (which the initializer cannot tell).
    static func unchecked(_ task: Hash256, leader: SigningKey, term: UInt64, votes: [(SigningKey, UInt64)], chain: Hash256) -> SignedArbitrationDecision {
        let certificate = votes.map { SignedLeaderVote.sign(LeaderVote(dispute: task, term: $0.1, candidate: leader.publicKey, voter: $0.0.publicKey),
                                                             with: $0.0, chain: chain) }
        return .sign(try! ArbitrationDecision(dispute: task, leader: leader.publicKey, term: term, verdict: .payWorker, certificate: certificate),
                     with: leader, chain: chain)
    }
}
