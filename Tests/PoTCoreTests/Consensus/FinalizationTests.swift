import Testing
@testable import PoTCore

@Suite("Finalization and scoring")
struct FinalizationTests {
    /// Genesis plus block A at height 1 (proposed by alice) and the id of a competing block B at height 1.
    static func afterBlockA(k: UInt64 = 2, alpha: UInt64 = 1000) throws -> (state: ChainState, a: Hash256, b: Hash256) {
        var state = Fx.genesis(k: k, alpha: alpha)
        let blockA = Fx.header(on: state, proposer: Fx.alice)
        let blockB = Fx.header(on: state, proposer: Fx.bob, timestamp: state.tipTimestamp + 2)
        let a = blockA.id(chain: state.chainId), b = blockB.id(chain: state.chainId)
        state = try StateTransition.apply(blockA, payload: Payload(), to: state).0
        return (state, a, b)
    }

    static func seedVotes(_ chain: Hash256, a: Hash256, b: Hash256) -> [SignedVote] {
        [
            Fx.vote(Fx.alice, height: 1, [a, b], [900_000, 50_000, 50_000], chain: chain),
            Fx.vote(Fx.bob, height: 1, [a, b], [500_000, 500_000, 0], chain: chain),
            Fx.vote(Fx.carol, height: 1, [a, b], [100_000, 850_000, 50_000], chain: chain),
        ]
    }

    @Test("FIN-WORKED-EXAMPLE: the seed example through the pure core")
    func workedExample() throws {
        var state = Fx.genesis(k: 2, alpha: 1000)
        let chain = state.chainId
        let genesisTrust = state.memberTrust
        #expect(genesisTrust == [Fx.alice.publicKey: 10_000, Fx.bob.publicKey: 5_000, Fx.carol.publicKey: 5_000])
        // Two blocks at height 1 on the same parent.
        let blockA = Fx.header(on: state, proposer: Fx.alice)
        let blockB = Fx.header(on: state, proposer: Fx.bob, timestamp: state.tipTimestamp + 2)
        #expect(blockA.header.parent == blockB.header.parent)
        let a = blockA.id(chain: chain), b = blockB.id(chain: chain)
        #expect(a != b)
        let votes = Self.seedVotes(chain, a: a, b: b)

        let tally = ForkChoice.tally(height: 1, candidates: [a, b], votes: votes.map(\.vote), trust: genesisTrust)
        #expect(tally.weights[a] == 12_000_000_000)
        #expect(tally.weights[b] == 7_250_000_000)
        #expect(tally.totalTrust == 20_000)
        #expect(tally.winner == a)
        #expect(tally.equivocators.isEmpty)
        #expect(tally.countedVoters == [Fx.alice.publicKey, Fx.bob.publicKey, Fx.carol.publicKey].sorted())

        // Apply A, then block 2 with the votes, then block 3.
        var effects = try Fx.apply(&state, proposer: Fx.alice)
        #expect(state.tip == a)
        #expect(effects.finalized == nil)
        effects = try Fx.apply(&state, payload: Payload(votes: votes))
        #expect(effects.finalized == nil)
        #expect(state.open[1]?.votes.count == 3)
        effects = try Fx.apply(&state)
        let fin = try #require(effects.finalized)
        #expect(fin.height == 1)
        #expect(fin.winner == a)
        #expect(fin.totalTrust == 20_000)
        #expect(fin.winnerWeight == 12_000_000_000)
        let byVoter = Dictionary(uniqueKeysWithValues: fin.scores.map { ($0.voter, $0) })
        #expect(byVoter[Fx.alice.publicKey]?.delta == 405)
        #expect(byVoter[Fx.bob.publicKey]?.delta == -182)
        #expect(byVoter[Fx.carol.publicKey]?.delta == -1_792)
        #expect(byVoter[Fx.alice.publicKey]?.winnerPpm == 900_000)
        #expect(byVoter[Fx.alice.publicKey]?.balanceAfter == 10_405)
        #expect(byVoter[Fx.bob.publicKey]?.balanceAfter == 4_818)
        #expect(byVoter[Fx.carol.publicKey]?.balanceAfter == 3_208)
        #expect(fin.scores.map(\.delta).reduce(0, +) == -1_569)
        #expect(fin.scores.map(\.voter) == [Fx.alice.publicKey, Fx.bob.publicKey, Fx.carol.publicKey].sorted())
        // ln(0.9 / 0.6) = 0.405465108108164381978013115464349137 nats.
        let m = try #require(byVoter[Fx.alice.publicKey]?.margin)
        #expect(abs(m - 405_465_108_108_164_382) <= 1)
        #expect(Fx.balance(state, Fx.alice) == 10_405)
        #expect(Fx.balance(state, Fx.bob) == 4_818)
        #expect(Fx.balance(state, Fx.carol) == 3_208)
        #expect(state.finalizedHeight == 1)
        #expect(state.open[1] == nil)
    }

    @Test("FIN-WHEN: height h becomes final exactly when block h+K is applied", arguments: [UInt64(1), 2, 3])
    func when(k: UInt64) throws {
        var state = Fx.genesis(k: k)
        var finalizedAt: [UInt64: UInt64] = [:]
        for height in UInt64(1) ... 8 {
            let effects = try Fx.apply(&state)
            if let f = effects.finalized { finalizedAt[f.height] = height }
            #expect(state.finalizedHeight == (height > k ? height - k : 0))
            #expect(Set(state.open.keys) == Set((height > k ? height - k + 1 : 1) ... height))
        }
        for h in UInt64(1) ... 8 - k { #expect(finalizedAt[h] == h + k) }
        #expect(finalizedAt.count == Int(8 - k))
    }

    @Test("FIN-WHEN: votes change balances only when block h+K is applied")
    func balancesChangeAtFinality() throws {
        var (state, a, b) = try Self.afterBlockA(k: 3)
        try Fx.apply(&state, payload: Payload(votes: Self.seedVotes(state.chainId, a: a, b: b)))
        try Fx.apply(&state)   // height 3
        #expect(Fx.balance(state, Fx.alice) == 10_000)
        #expect(state.finalizedHeight == 0)
        let effects = try Fx.apply(&state)   // height 4 = 1 + K
        #expect(effects.finalized?.height == 1)
        #expect(Fx.balance(state, Fx.alice) == 10_405)
    }

    @Test("FIN-SNAPSHOT: weights are balances before block h; Δ applies to the current balance")
    func snapshot() throws {
        var (state, a, b) = try Self.afterBlockA()
        let chain = state.chainId
        // Block 2 (h+1) moves 5 000 from alice to bob and carries the seed votes.
        let tx = Fx.transfer(Fx.alice, to: Fx.bob, amount: 5_000, nonce: 1, chain: chain)
        try Fx.apply(&state, payload: Payload(transfers: [tx], votes: Self.seedVotes(chain, a: a, b: b)))
        #expect(state.open[1]?.trustSnapshot[Fx.alice.publicKey] == 10_000)
        #expect(state.open[2]?.trustSnapshot[Fx.alice.publicKey] == 10_000)
        let effects = try Fx.apply(&state)
        #expect(state.open[3]?.trustSnapshot[Fx.alice.publicKey] == 5_000)
        let fin = try #require(effects.finalized)
        #expect(fin.winnerWeight == 12_000_000_000)
        #expect(fin.totalTrust == 20_000)
        #expect(fin.scores.map(\.trust).reduce(0, +) == 20_000)
        let byVoter = Dictionary(uniqueKeysWithValues: fin.scores.map { ($0.voter, $0) })
        #expect(byVoter[Fx.alice.publicKey]?.trust == 10_000)
        #expect(byVoter[Fx.bob.publicKey]?.trust == 5_000)
        #expect(byVoter[Fx.alice.publicKey]?.delta == 405)
        #expect(byVoter[Fx.bob.publicKey]?.delta == -182)
        #expect(Fx.balance(state, Fx.alice) == 5_405)
        #expect(Fx.balance(state, Fx.bob) == 9_818)
        #expect(Fx.balance(state, Fx.carol) == 3_208)
    }

    @Test("FIN-NONE: a vote that does not list the winner scores with its none slot")
    func noneSlot() throws {
        var (state, a, _) = try Self.afterBlockA()
        let chain = state.chainId
        let other = Fx.hash(0x77)
        let votes = [
            Fx.vote(Fx.alice, height: 1, [other], [500_000, 500_000], chain: chain),
            Fx.vote(Fx.bob, height: 1, [a], [1_000_000, 0], chain: chain),
        ]
        try Fx.apply(&state, payload: Payload(votes: votes))
        let fin = try #require(try Fx.apply(&state).finalized)
        // W(A) = 10 000·500 000 + 5 000·1 000 000; p_m = 2/3.
        #expect(fin.winnerWeight == 10_000_000_000)
        #expect(fin.totalTrust == 15_000)
        let byVoter = Dictionary(uniqueKeysWithValues: fin.scores.map { ($0.voter, $0) })
        #expect(byVoter[Fx.alice.publicKey]?.winnerPpm == 500_000)
        #expect(byVoter[Fx.alice.publicKey]?.delta == -288)   // 1000·ln(0.75)
        #expect(byVoter[Fx.bob.publicKey]?.delta == 405)      // 1000·ln(1.5)
        #expect(Fx.balance(state, Fx.alice) == 9_712)
        #expect(Fx.balance(state, Fx.bob) == 5_405)
        #expect(Fx.balance(state, Fx.carol) == 5_000)
    }

    /// alice gives all her probability to a block that loses, bob all of his to the winner A;
    /// height 1 is finalized (K = 2). Returns the state and the finalization report.
    static func aliceCertainOfAnotherBlock(alpha: UInt64) throws -> (ChainState, FinalizedHeight) {
        var (state, a, _) = try afterBlockA(alpha: alpha)
        let votes = [
            Fx.vote(Fx.alice, height: 1, [Fx.hash(0x77)], [1_000_000, 0], chain: state.chainId),
            Fx.vote(Fx.bob, height: 1, [a], [1_000_000, 0], chain: state.chainId),
        ]
        try Fx.apply(&state, payload: Payload(votes: votes))
        let fin = try #require(try Fx.apply(&state).finalized)
        return (state, fin)
    }

    @Test("FIN-NONE: a none slot of 0 for the winner clamps q to 1e-9")
    func noneZeroClamps() throws {
        let (state, fin) = try Self.aliceCertainOfAnotherBlock(alpha: 100)
        let byVoter = Dictionary(uniqueKeysWithValues: fin.scores.map { ($0.voter, $0) })
        // ln(1e-9) − ln(1/3) = −19.62465354827830 nats.
        let m = try #require(byVoter[Fx.alice.publicKey]?.margin)
        #expect(abs(m - (-19_624_653_548_278_301_465)) <= 1)
        #expect(byVoter[Fx.alice.publicKey]?.winnerPpm == 0)
        #expect(byVoter[Fx.alice.publicKey]?.delta == -1_962)
        #expect(byVoter[Fx.bob.publicKey]?.delta == 110)   // 100·ln 3 = 109.86
        #expect(Fx.balance(state, Fx.alice) == 8_038)
        #expect(Fx.balance(state, Fx.bob) == 5_110)
    }

    @Test("FIN-CLAMP: a balance never goes below 0")
    func clamp() throws {
        let (state, fin) = try Self.aliceCertainOfAnotherBlock(alpha: 1000)
        let alice = try #require(fin.scores.first { $0.voter == Fx.alice.publicKey })
        #expect(alice.delta == -19_625)
        #expect(alice.balanceAfter == 0)
        #expect(Fx.balance(state, Fx.alice) == 0)
        #expect(state.isMember(Fx.alice.publicKey))
        #expect(TrustScoring.applyDelta(-19_625, to: 10_000) == 0)
        #expect(TrustScoring.applyDelta(-10_000, to: 10_000) == 0)
        #expect(TrustScoring.applyDelta(-9_999, to: 10_000) == 1)
        #expect(TrustScoring.applyDelta(.min, to: .max) == UInt64.max - (UInt64(Int64.max) + 1))
    }

    @Test("FIN-ABSENT: members who did not vote are unchanged; a height with no votes changes nothing")
    func absent() throws {
        var (state, a, b) = try Self.afterBlockA()
        let chain = state.chainId
        let votes = Self.seedVotes(chain, a: a, b: b)
        // Only alice and bob vote for height 1; nobody votes for height 2.
        try Fx.apply(&state, payload: Payload(votes: Array(votes.prefix(2))))
        let fin1 = try #require(try Fx.apply(&state).finalized)
        #expect(fin1.scores.map(\.voter).contains(Fx.carol.publicKey) == false)
        #expect(fin1.scores.count == 2)
        #expect(Fx.balance(state, Fx.carol) == 5_000)
        // W(A) = 10 000·900 000 + 5 000·500 000 over 15 000 mT: p_m = 23/30.
        #expect(fin1.winnerWeight == 11_500_000_000)
        let aliceAfter = Fx.balance(state, Fx.alice)!, bobAfter = Fx.balance(state, Fx.bob)!
        #expect(aliceAfter == 10_160)   // 1000·ln(0.9 / (23/30)) = +160.3
        #expect(bobAfter == 4_573)      // 1000·ln(0.5 / (23/30)) = −427.4
        let fin2 = try #require(try Fx.apply(&state).finalized)
        #expect(fin2.height == 2)
        #expect(fin2.scores.isEmpty)
        #expect(fin2.totalTrust == 0)
        #expect(Fx.balance(state, Fx.alice) == aliceAfter)
        #expect(Fx.balance(state, Fx.bob) == bobAfter)
        #expect(Fx.balance(state, Fx.carol) == 5_000)
    }
}
