import Testing
@testable import PoTCore
import PoTModules

@Suite("Payload selection")
struct PayloadSelectionTests {
    @Test("PAYLOAD-SELECT: keeps only valid transfers and votes, in order, one vote per voter and height, plus evidence; the block applies")
    func select() throws {
        var state = Fx.genesis()
        try Fx.apply(&state)
        let chain = state.chainId
        let a = state.open[1]!.block
        let t1 = Fx.transfer(Fx.alice, to: Fx.bob, amount: 100, nonce: 1, chain: chain)
        let t2 = Fx.transfer(Fx.alice, to: Fx.carol, amount: 50, nonce: 2, chain: chain)
        let t3 = Fx.transfer(Fx.bob, to: Fx.carol, amount: 10, nonce: 5, chain: chain)          // bad nonce
        let t4 = Fx.transfer(Fx.carol, to: Fx.dave, amount: 6_000, nonce: 1, chain: chain)      // overspend
        let t5 = Fx.transfer(Fx.bob, to: Fx.dave, amount: 1, nonce: 1, chain: chain, signer: Fx.carol) // bad signature
        let t6 = Fx.transfer(Fx.bob, to: Fx.carol, amount: 10, nonce: 1, chain: chain)
        let t7 = Fx.transfer(Fx.carol, to: Fx.carol, amount: 1, nonce: 1, chain: chain)         // to self
        let t8 = Fx.transfer(Fx.carol, to: Fx.bob, amount: 0, nonce: 1, chain: chain)           // zero amount

        let aliceVote = Fx.vote(Fx.alice, height: 1, [a], [900_000, 100_000], chain: chain)
        let bob1 = Fx.vote(Fx.bob, height: 1, [a], [600_000, 400_000], chain: chain)
        let bob2 = Fx.vote(Fx.bob, height: 1, [a], [100_000, 900_000], chain: chain)
        let daveVote = Fx.vote(Fx.dave, height: 1, [a], [1_000_000, 0], chain: chain)              // non-member
        let carolEarly = Fx.vote(Fx.carol, height: 2, [Fx.hash(3)], [1_000_000, 0], chain: chain)  // out of window
        let carolForged = Fx.vote(Fx.carol, height: 1, [a], [1_000_000, 0], chain: chain, signer: Fx.alice)

        let payload = PayloadSelection.select(
            forBlockAt: 2, on: state,
            transfers: [t2, t3, t8, t1, t4, t5, t6, t7, t1],
            votes: [daveVote, bob2, aliceVote, carolEarly, aliceVote, bob1, carolForged])

        let expectedTransfers = [t1, t2, t6].sorted { ($0.transfer.from, $0.transfer.nonce) < ($1.transfer.from, $1.transfer.nonce) }
        #expect(payload.transfers == expectedTransfers)
        #expect(payload.transfers.firstIndex(of: t1)! < payload.transfers.firstIndex(of: t2)!)
        let (bobFirst, bobSecond) = bob1.id(chain: chain) < bob2.id(chain: chain) ? (bob1, bob2) : (bob2, bob1)
        let expectedVotes = Fx.alice.publicKey < Fx.bob.publicKey ? [aliceVote, bobFirst] : [bobFirst, aliceVote]
        #expect(payload.votes == expectedVotes)
        #expect(payload.evidence == [EquivocationEvidence(bobFirst, bobSecond)])

        // The selected block applies cleanly.
        let effects = try Fx.apply(&state, payload: payload)
        #expect(effects.penalties == [EquivocationPenalty(voter: Fx.bob.publicKey, height: 1, amount: 509)])
        #expect(Fx.balance(state, Fx.alice) == 9_850)
        #expect(Fx.balance(state, Fx.bob) == 5_100 - 10 - 509)
        #expect(Fx.balance(state, Fx.carol) == 5_060)
        #expect(state.open[1]?.votes.count == 2)
        #expect(state.open[1]?.votes[Fx.bob.publicKey] == bobFirst.vote)
    }

    @Test("PAYLOAD-SELECT: nothing already on chain is selected again")
    func alreadyIncluded() throws {
        var state = Fx.genesis()
        try Fx.apply(&state)
        let chain = state.chainId
        let a = state.open[1]!.block
        let t1 = Fx.transfer(Fx.alice, to: Fx.bob, amount: 100, nonce: 1, chain: chain)
        let v = Fx.vote(Fx.alice, height: 1, [a], [900_000, 100_000], chain: chain)
        let v2 = Fx.vote(Fx.alice, height: 1, [a], [800_000, 200_000], chain: chain)
        try Fx.apply(&state, payload: Payload(transfers: [t1], votes: [v], evidence: [EquivocationEvidence(v, v2)]))
        let again = PayloadSelection.select(forBlockAt: 3, on: state, transfers: [t1], votes: [v, v2])
        #expect(again.transfers.isEmpty)
        #expect(again.votes.isEmpty)
        #expect(again.evidence.isEmpty)
        #expect(again == Payload())
        // A new vote for height 2 is still taken.
        let w = Fx.vote(Fx.alice, height: 2, [state.open[2]!.block], [1_000_000, 0], chain: chain)
        let next = PayloadSelection.select(forBlockAt: 3, on: state, transfers: [t1], votes: [v, w])
        #expect(next.votes == [w])
        #expect(try Fx.apply(&state, payload: next).finalized?.height == 1)
    }

    @Test("PAYLOAD-SELECT: a transfer that depends on an earlier one in the pool is taken in nonce order")
    func chainedTransfers() throws {
        var state = Fx.genesis()
        let chain = state.chainId
        let txs = (1 ... 5).map { Fx.transfer(Fx.carol, to: Fx.bob, amount: 1_000, nonce: UInt64($0), chain: chain) }
        let extra = Fx.transfer(Fx.carol, to: Fx.bob, amount: 1, nonce: 6, chain: chain)   // nothing left
        let payload = PayloadSelection.select(forBlockAt: 1, on: state, transfers: (txs + [extra]).reversed(), votes: [])
        #expect(payload.transfers == txs)
        try Fx.apply(&state, payload: payload)
        #expect(Fx.balance(state, Fx.carol) == 0)
        #expect(Fx.balance(state, Fx.bob) == 10_000)
    }
}

@Suite("Payload selection with forged copies")
struct PayloadSelectionForgeryTests {
    @Test("PAYLOAD-SELECT: a copy of a vote with a bad signature does not crowd out the valid vote")
    func forgedCopyOfVote() throws {
        var state = Fx.genesis()
        try Fx.apply(&state)
        let chain = state.chainId
        let a = state.open[1]!.block
        let valid = Fx.vote(Fx.alice, height: 1, [a], [900_000, 100_000], chain: chain)
        let forged = SignedVote(valid.vote, signature: [UInt8](repeating: 0, count: 64))
        for pool in [[valid, forged], [forged, valid]] {
            let payload = PayloadSelection.select(forBlockAt: 2, on: state, transfers: [], votes: pool)
            #expect(payload.votes == [valid])
            #expect(payload.evidence.isEmpty)
        }
    }

    @Test("PAYLOAD-SELECT: a forged different vote sorting first does not crowd out the voter's valid vote")
    func forgedDifferentVote() throws {
        var state = Fx.genesis()
        try Fx.apply(&state)
        let chain = state.chainId
        let a = state.open[1]!.block
        let valid = Fx.vote(Fx.bob, height: 1, [a], [600_000, 400_000], chain: chain)
        // A vote in bob's name, signed by carol, whose id sorts before the valid one.
        var forged: SignedVote?
        for none in UInt64(1) ... 1_000 where forged == nil {
            let f = Fx.vote(Fx.bob, height: 1, [a], [1_000_000 - none, none], chain: chain, signer: Fx.carol)
            if f.id(chain: chain) < valid.id(chain: chain) { forged = f }
        }
        let f = try #require(forged)
        let payload = PayloadSelection.select(forBlockAt: 2, on: state, transfers: [], votes: [f, valid])
        #expect(payload.votes == [valid])
        #expect(payload.evidence.isEmpty)
        #expect(throws: Never.self) { try Fx.apply(&state, payload: payload) }
    }
}
