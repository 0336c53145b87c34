import Testing
@testable import PoTCore

@Suite("Fork choice and information content")
struct ForkChoiceTests {
    static let a = Fx.hash(0x0A), b = Fx.hash(0x0B), c = Fx.hash(0x0C)
    static let trust: [PublicKey: UInt64] = [Fx.alice.publicKey: 10_000, Fx.bob.publicKey: 5_000, Fx.carol.publicKey: 5_000]

    static func v(_ key: SigningKey, height: UInt64 = 1, _ candidates: [Hash256], _ probs: [UInt64]) -> Vote {
        try! Vote(voter: key.publicKey, height: height, candidates: candidates, probsPpm: probs)
    }

    @Test("FC-WEIGHT: W(B) = Σ t_v·q_v(B), where a vote that does not list B gives it its none slot")
    func weight() {
        let votes = [
            Self.v(Fx.alice, [Self.a], [800_000, 200_000]),          // B and C get alice's none slot
            Self.v(Fx.bob, [Self.b, Self.a], [600_000, 100_000, 300_000]),
            Self.v(Fx.carol, [Self.c], [1_000_000, 0]),
        ]
        let t = ForkChoice.tally(height: 1, candidates: [Self.c, Self.a, Self.b], votes: votes, trust: Self.trust)
        #expect(t.candidates == [Self.a, Self.b, Self.c])
        #expect(t.weights[Self.a] == 8_500_000_000)   // 10 000·0.8 + 5 000·0.1 + 5 000·0 (none)
        #expect(t.weights[Self.b] == 5_000_000_000)   // 10 000·0.2 (none) + 5 000·0.6 + 5 000·0 (none)
        #expect(t.weights[Self.c] == 8_500_000_000)   // 10 000·0.2 (none) + 5 000·0.3 (none) + 5 000·1
        #expect(t.totalTrust == 20_000)
        #expect(t.winner == Self.a)   // 8.5e9 vs 5e9 vs 8.5e9: tie between A and C goes to A
        // A candidate no vote lists gets every voter's none slot.
        let t2 = ForkChoice.tally(height: 1, candidates: [Fx.hash(0xEE)], votes: votes, trust: Self.trust)
        #expect(t2.weights[Fx.hash(0xEE)] == 3_500_000_000)
        // Duplicate candidates are counted once.
        let t3 = ForkChoice.tally(height: 1, candidates: [Self.a, Self.a], votes: votes, trust: Self.trust)
        #expect(t3.candidates == [Self.a])
    }

    @Test("FC-TIE: equal weights go to the lexicographically smallest id")
    func tie() {
        let votes = [Self.v(Fx.bob, [Self.b, Self.a], [500_000, 500_000, 0])]
        for order in [[Self.a, Self.b], [Self.b, Self.a]] {
            let t = ForkChoice.tally(height: 1, candidates: order, votes: votes, trust: Self.trust)
            #expect(t.weights[Self.a] == t.weights[Self.b])
            #expect(t.winner == Self.a)
        }
        // No votes at all: everything weighs 0, the smallest id wins; no candidates: no winner.
        #expect(ForkChoice.tally(height: 1, candidates: [Self.c, Self.b], votes: [], trust: Self.trust).winner == Self.b)
        #expect(ForkChoice.tally(height: 1, candidates: [], votes: votes, trust: Self.trust).winner == nil)
        #expect(ForkChoice.heaviest([Self.c, Self.b, Self.a], weights: [Self.a: 1, Self.b: 2, Self.c: 2]) == Self.b)
        #expect(ForkChoice.heaviest([Self.c, Self.b, Self.a], weights: [Self.a: 1, Self.b: 2, Self.c: 3]) == Self.c)
        // Ordering is by bytes: 0x0A… < 0x0B…, and 0x00FF… < 0x0100….
        let lo = Hash256(bytes: [0x00] + [UInt8](repeating: 0xFF, count: 31))!
        let hi = Hash256(bytes: [0x01] + [UInt8](repeating: 0x00, count: 31))!
        #expect(ForkChoice.heaviest([hi, lo], weights: [:]) == lo)
    }

    @Test("FC-NONMEMBER: votes of keys absent from the trust map are not counted")
    func nonMember() {
        let votes = [
            Self.v(Fx.dave, [Self.b], [1_000_000, 0]),
            Self.v(Fx.alice, [Self.a], [600_000, 400_000]),
        ]
        let t = ForkChoice.tally(height: 1, candidates: [Self.a, Self.b], votes: votes, trust: Self.trust)
        #expect(t.countedVoters == [Fx.alice.publicKey])
        #expect(t.totalTrust == 10_000)
        #expect(t.weights[Self.a] == 6_000_000_000)
        #expect(t.weights[Self.b] == 4_000_000_000)
        #expect(t.winner == Self.a)
        // With dave in the trust map his vote decides.
        var withDave = Self.trust
        withDave[Fx.dave.publicKey] = 1_000_000
        #expect(ForkChoice.tally(height: 1, candidates: [Self.a, Self.b], votes: votes, trust: withDave).winner == Self.b)
    }

    @Test("FC-HEIGHT: votes for another height are ignored")
    func otherHeight() {
        let votes = [
            Self.v(Fx.alice, height: 2, [Self.b], [1_000_000, 0]),
            Self.v(Fx.bob, height: 1, [Self.a], [700_000, 300_000]),
        ]
        let t = ForkChoice.tally(height: 1, candidates: [Self.a, Self.b], votes: votes, trust: Self.trust)
        #expect(t.height == 1)
        #expect(t.countedVoters == [Fx.bob.publicKey])
        #expect(t.totalTrust == 5_000)
        #expect(t.weights[Self.a] == 3_500_000_000)
        #expect(t.weights[Self.b] == 1_500_000_000)
        #expect(t.winner == Self.a)
        // Alice's height-2 vote and a height-1 vote by her are not an equivocation.
        let t2 = ForkChoice.tally(height: 1, candidates: [Self.a, Self.b],
                                  votes: votes + [Self.v(Fx.alice, height: 1, [Self.a], [1_000_000, 0])], trust: Self.trust)
        #expect(t2.equivocators.isEmpty)
        #expect(t2.totalTrust == 15_000)
    }

    @Test("EQV-FORKCHOICE: voters with two different votes at the height are not counted and are listed as equivocators")
    func equivocators() {
        let votes = [
            Self.v(Fx.alice, [Self.b], [1_000_000, 0]),
            Self.v(Fx.bob, [Self.a], [1_000_000, 0]),
            Self.v(Fx.alice, [Self.b], [900_000, 100_000]),
            Self.v(Fx.carol, [Self.a], [500_000, 500_000]),
            Self.v(Fx.carol, [Self.a], [500_000, 500_000]),  // an identical repeat is not equivocation
        ]
        let t = ForkChoice.tally(height: 1, candidates: [Self.a, Self.b], votes: votes, trust: Self.trust)
        #expect(t.equivocators == [Fx.alice.publicKey])
        #expect(t.countedVoters == [Fx.bob.publicKey, Fx.carol.publicKey].sorted())
        #expect(t.totalTrust == 10_000)
        #expect(t.weights[Self.a] == 7_500_000_000)
        #expect(t.weights[Self.b] == 2_500_000_000)
        #expect(t.winner == Self.a)
        // Without alice's second vote, alice's 10 000 mT on B wins.
        let honest = ForkChoice.tally(height: 1, candidates: [Self.a, Self.b], votes: [votes[0], votes[1], votes[3]], trust: Self.trust)
        #expect(honest.winner == Self.b)
        #expect(honest.equivocators.isEmpty)
    }

    @Test("INFO-IH: unanimous certainty on one of n outcomes gives ln n")
    func unanimous() {
        // Outcomes A, B, none: n = 3.
        let votes = [Fx.alice, Fx.bob, Fx.carol].map { Self.v($0, [Self.a, Self.b], [1_000_000, 0, 0]) }
        let i3 = ForkChoice.information(votes: votes, trust: Self.trust)
        #expect(i3 == FixedPointLog.ln(3))
        #expect(abs(i3 - 1_098_612_288_668_109_691) <= 1)
        // Certainty on "none" over A: n = 2.
        let i2 = ForkChoice.information(votes: [Self.v(Fx.alice, [Self.a], [0, 1_000_000])], trust: Self.trust)
        #expect(abs(i2 - 693_147_180_559_945_309) <= 1)
        // Outcomes A, B, C, none: n = 4.
        let i4 = ForkChoice.information(votes: [Self.v(Fx.bob, [Self.a, Self.b, Self.c], [0, 0, 1_000_000, 0])], trust: Self.trust)
        #expect(abs(i4 - 1_386_294_361_119_890_618) <= 1)
    }

    @Test("INFO-IH: an even split gives 0")
    func evenSplit() {
        let two = [Self.v(Fx.alice, [Self.a], [500_000, 500_000]), Self.v(Fx.bob, [Self.a], [500_000, 500_000])]
        #expect(ForkChoice.information(votes: two, trust: Self.trust) == 0)
        let four = [Self.v(Fx.carol, [Self.a, Self.b, Self.c], [250_000, 250_000, 250_000, 250_000])]
        #expect(ForkChoice.information(votes: four, trust: Self.trust) == 0)
        // Opposite certainties of equal trust also split evenly (bob and carol both 5 000 mT).
        let opposed = [Self.v(Fx.bob, [Self.a], [1_000_000, 0]), Self.v(Fx.carol, [Self.a], [0, 1_000_000])]
        #expect(ForkChoice.information(votes: opposed, trust: Self.trust) == 0)
        // Unequal trust does not: 2/3 vs 1/3 gives ln 2 − H(2/3, 1/3) = 0.0566 nats.
        let skewed = [Self.v(Fx.alice, [Self.a], [1_000_000, 0]), Self.v(Fx.bob, [Self.a], [0, 1_000_000])]
        let i = ForkChoice.information(votes: skewed, trust: Self.trust)
        #expect(abs(i - 56_633_012_265_132_491) <= 1)
        // No votes, or votes of no trust: 0.
        #expect(ForkChoice.information(votes: [], trust: Self.trust) == 0)
        #expect(ForkChoice.information(votes: [Self.v(Fx.dave, [Self.a], [1_000_000, 0])], trust: Self.trust) == 0)
    }
}
