import Testing
@testable import PoTCore

@Suite("Vote and equivocation rules")
struct VoteRuleTests {
    /// A genesis (K = 2 unless told) with `blocks` empty blocks applied.
    static func chain(blocks: Int, k: UInt64 = 2) throws -> ChainState {
        var state = Fx.genesis(k: k)
        for _ in 0 ..< blocks { try Fx.apply(&state) }
        return state
    }

    static func vote(_ state: ChainState, _ key: SigningKey = Fx.alice, height: UInt64 = 1, none: UInt64 = 0,
                     signer: SigningKey? = nil) -> SignedVote {
        let block = state.open[height]?.block ?? Fx.hash(0x42)
        return Fx.vote(key, height: height, [block], [1_000_000 - none, none], chain: state.chainId, signer: signer)
    }

    @Test("VOTE-SIG: a vote carries the voter's valid signature for this chain")
    func signature() throws {
        let state = try Self.chain(blocks: 1)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(state, signer: Fx.bob)]), on: state) == .voteSignature)
        let foreign = Fx.vote(Fx.alice, height: 1, [state.open[1]!.block], [1_000_000, 0], chain: Fx.params(k: 3).chainId)
        #expect(Fx.rejection(of: Payload(votes: [foreign]), on: state) == .voteSignature)
        var tampered = Self.vote(state)
        tampered.vote.probsPpm = [0, 1_000_000]
        #expect(Fx.rejection(of: Payload(votes: [tampered]), on: state) == .voteSignature)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(state)]), on: state) == nil)
    }

    @Test("VOTE-MEMBER: a vote by a non-member makes the block invalid")
    func nonMember() throws {
        var state = try Self.chain(blocks: 1)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(state, Fx.dave)]), on: state) == .voteNonMember)
        // Even with a balance, and even next to valid votes.
        let tx = Fx.transfer(Fx.alice, to: Fx.dave, amount: 1_000, nonce: 1, chain: state.chainId)
        #expect(Fx.rejection(of: Payload(transfers: [tx], votes: [Self.vote(state), Self.vote(state, Fx.dave)]), on: state) == .voteNonMember)
        try Fx.apply(&state, payload: Payload(transfers: [tx]))
        #expect(Fx.balance(state, Fx.dave) == 1_000)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(state, Fx.dave, height: 2)]), on: state) == .voteNonMember)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(state, Fx.bob, height: 2)]), on: state) == nil)
    }

    @Test("VOTE-WINDOW: the votable heights of a block at b are b−K … b−1, never 0")
    func window() throws {
        let k2 = Fx.genesis(k: 2)
        #expect(k2.votableHeights(forBlockAt: 1) == nil)
        #expect(k2.votableHeights(forBlockAt: 2) == 1 ... 1)
        #expect(k2.votableHeights(forBlockAt: 3) == 1 ... 2)
        #expect(k2.votableHeights(forBlockAt: 4) == 2 ... 3)
        #expect(k2.votableHeights(forBlockAt: 100) == 98 ... 99)
        let k1 = Fx.genesis(k: 1)
        #expect(k1.votableHeights(forBlockAt: 1) == nil)
        #expect(k1.votableHeights(forBlockAt: 2) == 1 ... 1)
        #expect(k1.votableHeights(forBlockAt: 5) == 4 ... 4)
        let k64 = Fx.genesis(k: 64)
        #expect(k64.votableHeights(forBlockAt: 10) == 1 ... 9)
        #expect(k64.votableHeights(forBlockAt: 65) == 1 ... 64)
        #expect(k64.votableHeights(forBlockAt: 66) == 2 ... 65)
    }

    @Test("VOTE-WINDOW: a block at height b may include votes for heights b−K … b−1 only, never ≥ b")
    func windowInBlocks() throws {
        // Block 1 can carry no vote at all.
        let g = Fx.genesis()
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(g, height: 1)]), on: g) == .voteHeight)
        // Block 2: height 1 only.
        let s1 = try Self.chain(blocks: 1)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(s1, height: 1)]), on: s1) == nil)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(s1, height: 2)]), on: s1) == .voteHeight)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(s1, height: 3)]), on: s1) == .voteHeight)
        // Block 4 with K = 2: heights 2 and 3; height 1 is final already.
        let s3 = try Self.chain(blocks: 3)
        #expect(s3.finalizedHeight == 1)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(s3, height: 1)]), on: s3) == .voteHeight)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(s3, height: 2), Self.vote(s3, height: 3)]), on: s3) == nil)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(s3, height: 4)]), on: s3) == .voteHeight)
        // K = 1: block 3 takes votes for height 2 only.
        let k1 = try Self.chain(blocks: 2, k: 1)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(k1, height: 1)]), on: k1) == .voteHeight)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(k1, height: 2)]), on: k1) == nil)
        // Height 0 cannot even be expressed.
        #expect(isObjectError { _ = try Vote(voter: Fx.alice.publicKey, height: 0, candidates: [Fx.hash(1)], probsPpm: [1_000_000, 0]) })
    }

    @Test("VOTE-ONCE: a second vote for the same voter and height is rejected in the same block")
    func onceSameBlock() throws {
        let state = try Self.chain(blocks: 1)
        let v = Self.vote(state)
        #expect(Fx.rejection(of: Payload(votes: [v, v]), on: state) == .voteDuplicate)
        #expect(Fx.rejection(of: Payload(votes: [v, Self.vote(state, none: 300_000)]), on: state) == .voteDuplicate)
        #expect(Fx.rejection(of: Payload(votes: [v, Self.vote(state, Fx.bob)]), on: state) == nil)
    }

    @Test("VOTE-ONCE: a second vote for the same voter and height is rejected in a later block")
    func onceLaterBlock() throws {
        var state = try Self.chain(blocks: 1)
        let v = Self.vote(state)
        try Fx.apply(&state, payload: Payload(votes: [v]))
        #expect(state.open[1]?.votes[Fx.alice.publicKey] == v.vote)
        #expect(Fx.rejection(of: Payload(votes: [v]), on: state) == .voteDuplicate)
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(state, none: 300_000)]), on: state) == .voteDuplicate)
        // Other voters for height 1, and alice for height 2, are still fine.
        #expect(Fx.rejection(of: Payload(votes: [Self.vote(state, Fx.bob), Self.vote(state, height: 2)]), on: state) == nil)
    }

    // MARK: EQV-EVIDENCE

    @Test("EQV-EVIDENCE: two different signed votes by one member for one open height take 10% of the balance")
    func penalty() throws {
        #expect(equivocationPenaltyPpm == 100_000)
        var state = try Self.chain(blocks: 1)
        let e = EquivocationEvidence(Self.vote(state), Self.vote(state, none: 500_000))
        let effects = try Fx.apply(&state, payload: Payload(evidence: [e]))
        #expect(effects.penalties == [EquivocationPenalty(voter: Fx.alice.publicKey, height: 1, amount: 1_000)])
        #expect(Fx.balance(state, Fx.alice) == 9_000)
        #expect(Fx.balance(state, Fx.bob) == 5_000)
        #expect(state.open[1]?.penalized == [Fx.alice.publicKey])
        // Another height is another offence: 10% of what is left.
        let e2 = EquivocationEvidence(Self.vote(state, height: 2), Self.vote(state, height: 2, none: 1))
        let effects2 = try Fx.apply(&state, payload: Payload(evidence: [e2]))
        #expect(effects2.penalties == [EquivocationPenalty(voter: Fx.alice.publicKey, height: 2, amount: 900)])
        #expect(Fx.balance(state, Fx.alice) == 8_100)
    }

    @Test("EQV-EVIDENCE: a penalty is taken once per voter and height")
    func oncePerVoterAndHeight() throws {
        var state = try Self.chain(blocks: 1)
        let a = Self.vote(state), b = Self.vote(state, none: 500_000), c = Self.vote(state, none: 1)
        #expect(Fx.rejection(of: Payload(evidence: [EquivocationEvidence(a, b), EquivocationEvidence(a, c)]), on: state) == .evidenceDuplicate)
        #expect(Fx.rejection(of: Payload(evidence: [EquivocationEvidence(a, b), EquivocationEvidence(b, a)]), on: state) == .evidenceDuplicate)
        try Fx.apply(&state, payload: Payload(evidence: [EquivocationEvidence(a, b)]))
        #expect(Fx.rejection(of: Payload(evidence: [EquivocationEvidence(b, c)]), on: state) == .evidenceDuplicate)
        // Bob equivocating at the same height is his own offence.
        let bobs = EquivocationEvidence(Self.vote(state, Fx.bob), Self.vote(state, Fx.bob, none: 2))
        let effects = try Fx.apply(&state, payload: Payload(evidence: [bobs]))
        #expect(effects.penalties.map(\.amount) == [500])
        #expect(Fx.balance(state, Fx.bob) == 4_500)
        #expect(Fx.balance(state, Fx.alice) == 9_000)
    }

    @Test("EQV-EVIDENCE: mismatched pairs are rejected (other voter, other height, identical votes)")
    func mismatched() throws {
        let state = try Self.chain(blocks: 2)
        let a1 = Self.vote(state)
        #expect(Fx.rejection(of: Payload(evidence: [EquivocationEvidence(a1, a1)]), on: state) == .evidenceMismatch)
        #expect(Fx.rejection(of: Payload(evidence: [EquivocationEvidence(a1, Self.vote(state, Fx.bob, none: 5))]), on: state) == .evidenceMismatch)
        #expect(Fx.rejection(of: Payload(evidence: [EquivocationEvidence(a1, Self.vote(state, height: 2))]), on: state) == .evidenceMismatch)
    }

    @Test("EQV-EVIDENCE: evidence with a bad signature, about a non-member, or outside the window is rejected")
    func badEvidence() throws {
        var state = try Self.chain(blocks: 1)
        let good = Self.vote(state)
        let forged = Self.vote(state, none: 500_000, signer: Fx.bob)
        #expect(Fx.rejection(of: Payload(evidence: [EquivocationEvidence(good, forged)]), on: state) == .evidenceSignature)
        #expect(Fx.rejection(of: Payload(evidence: [EquivocationEvidence(forged, good)]), on: state) == .evidenceSignature)
        let daves = EquivocationEvidence(Self.vote(state, Fx.dave), Self.vote(state, Fx.dave, none: 1))
        #expect(Fx.rejection(of: Payload(evidence: [daves]), on: state) == .evidenceNonMember)
        // Height 2 is not votable by block 2.
        let early = EquivocationEvidence(Self.vote(state, height: 2), Self.vote(state, height: 2, none: 1))
        #expect(Fx.rejection(of: Payload(evidence: [early]), on: state) == .evidenceHeight)
        // Block 1 can carry no evidence.
        let g = Fx.genesis()
        let atGenesis = EquivocationEvidence(Self.vote(g, height: 1), Self.vote(g, height: 1, none: 1))
        #expect(Fx.rejection(of: Payload(evidence: [atGenesis]), on: g) == .evidenceHeight)
        // Height 1 after it became final (K = 2, block 4).
        let old = EquivocationEvidence(good, Self.vote(state, none: 500_000))
        try Fx.apply(&state); try Fx.apply(&state)
        #expect(state.height == 3)
        #expect(Fx.rejection(of: Payload(evidence: [old]), on: state) == .evidenceHeight)
        #expect(Fx.balance(state, Fx.alice) == 10_000)
    }

    @Test("EQV-EVIDENCE: evidence for b−K is still accepted in block b")
    func evidenceAtWindowEdge() throws {
        var state = try Self.chain(blocks: 2)
        let e = EquivocationEvidence(Self.vote(state, height: 1), Self.vote(state, height: 1, none: 1))
        let effects = try Fx.apply(&state, payload: Payload(evidence: [e]))
        #expect(effects.penalties.count == 1)
        #expect(effects.finalized?.height == 1)
        #expect(Fx.balance(state, Fx.alice) == 9_000)
    }
}
