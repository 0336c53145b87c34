import Testing
@testable import PoTCore
@testable import PoTContracts
import PoTModules

@Suite("Contracts: arbiter keys, tallies and parameters")
struct ArbitrationRuleTests {
    @Test("ARBITER-KEY: a member announces its encryption key once; a non-member cannot; a member without one is never drawn")
    func keys() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let key = { (member: SigningKey) in
            SignedArbiterKey.sign(try! ArbiterKey(member: member.publicKey, encryptionKey: [UInt8](repeating: 9, count: 32)), with: member, chain: chain)
        }
        #expect(Cx.refused(Cx.section { $0.arbiterKeys = [key(Fx.key(9))] }, on: state)?.rule == .arbiterKeyNotMember)
        try Fx.apply(&state, payload: Cx.section { $0.arbiterKeys = [key(Fx.carol)] })
        #expect(state.contracts.arbiterKeys[Fx.carol.publicKey] == [UInt8](repeating: 9, count: 32))
        #expect(Cx.refused(Cx.section { $0.arbiterKeys = [key(Fx.carol)] }, on: state)?.rule == .arbiterKeyDuplicate)
        #expect(throws: ObjectError.self) { try ArbiterKey(member: Fx.carol.publicKey, encryptionKey: [1, 2]) }
        let contract = Contract(id: Fx.hash(1), post: Cx.post(chain: chain), postedAt: 1)
        let seats = Eligibility.candidates(excluding: contract, state: state.contracts, isMember: state.isMember, at: 2, params: state.params)
        #expect(seats.map(\.key) == [Fx.carol.publicKey])
    }

    @Test("DECISION-TALLY: the decision is the median of the counted verdicts, the mean of the middle two for an even count, the fallback for none")
    func tally() {
        let v = { (ppm: UInt64) in try! Verdict(checking: ppm) }
        let fallback = v(500_000)
        #expect(VerdictTally.decide([], fallback: fallback) == fallback)
        #expect(VerdictTally.decide([.payWorker, .payWorker, .refundRequester], fallback: fallback) == .payWorker)
        #expect(VerdictTally.decide([.payWorker, .refundRequester], fallback: fallback) == v(500_000))
        #expect(VerdictTally.decide([v(300_000), v(900_000), v(100_000), v(700_000)], fallback: fallback) == v(500_000))
        #expect(VerdictTally.decide([v(1), v(2)], fallback: fallback) == v(1), "the mean rounds down")
        // Two colluders at the far end never move the median past the honest verdicts.
        for honest in [v(600_000), v(700_000), v(800_000)].permutations() {
            let decided = VerdictTally.decide(honest + [.refundRequester, .refundRequester], fallback: fallback)
            #expect(decided == v(600_000))
        }
        #expect(VerdictTally.agrees(v(550_000), with: v(500_000), tolerance: 50_000))
        #expect(!VerdictTally.agrees(v(550_001), with: v(500_000), tolerance: 50_000))
    }

    @Test("CONTRACTS-PARAMS: the defaults are as documented, out-of-range values are refused at genesis, and the threshold is capped at the committee size minus one")
    func parameters() throws {
        let params = Fx.params()
        #expect(params.value(of: ContractsModule.committeeSize) == 5 && params.value(of: ContractsModule.shareThreshold) == 3)
        #expect(params.value(of: ContractsModule.eligibility) == 600_000 && params.value(of: ContractsModule.trustDecayPPM) == 950_000)
        for (name, value) in [("contracts.committee_size", UInt64(2)), ("contracts.committee_size", 16), ("contracts.committee_delay", 1),
                              ("contracts.eligibility_ppm", 1_000_001), ("contracts.share_threshold", 1)] {
            #expect(throws: ObjectError.self, "\(name) = \(value)") { try ChainModules.standard.checkParameters([name: value]) }
        }
        try ChainModules.standard.checkParameters(["contracts.committee_size": 15, "contracts.share_threshold": 14, "contracts.committee_delay": 2])
        var state = Cx.genesis(["contracts.committee_size": 3, "contracts.share_threshold": 14])
        let task = try Cx.disputed(&state)
        #expect(state.contracts.disputes[task]?.committee.count == 3 && state.contracts.disputes[task]?.threshold == 2)
    }
}

extension Array {
    /// Every ordering of the elements.
    func permutations() -> [[Element]] {
        guard count > 1 else { return [self] }
        return indices.flatMap { i -> [[Element]] in
            var rest = self
            let first = rest.remove(at: i)
            return rest.permutations().map { [first] + $0 }
        }
    }
}
