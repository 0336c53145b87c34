import Testing
import PoTCore

/// The protocol's worked example: alpha = 1000, outcomes (A, B, none), winner A.
@Suite("Scoring: protocol worked example")
struct ScoringWorkedExampleTests {
    let alpha: UInt64 = 1000
    // (trust mT, ppm for A, B, none)
    let voters: [(name: String, trust: UInt64, q: [UInt64])] = [
        ("alice", 10_000, [900_000, 50_000, 50_000]),
        ("bob", 5_000, [500_000, 500_000, 0]),
        ("carol", 5_000, [100_000, 850_000, 50_000]),
    ]

    func weight(_ outcome: Int) -> UInt128 {
        voters.reduce(0) { $0 + UInt128($1.trust) * UInt128($1.q[outcome]) }
    }
    var totalTrust: UInt128 { voters.reduce(0) { $0 + UInt128($1.trust) } }

    @Test("FIN-WORKED-EXAMPLE: market weights W(A)=12000, W(B)=7250 (mT), p_m(A)=0.6")
    func marketWeights() {
        #expect(weight(0) == 12_000_000_000)
        #expect(weight(1) == 7_250_000_000)
        #expect(weight(2) == 750_000_000)
        #expect(totalTrust == 20_000)
        #expect(weight(0) * 10 == totalTrust * 1_000_000 * 6)   // p_m(A) = 0.6 exactly
    }

    @Test("FIN-WORKED-EXAMPLE: margins ln q − ln p_m format as +0.4055, -0.1823, -1.7918")
    func margins() {
        let formatted = voters.map {
            TrustScoring.formatNats(
                TrustScoring.margin(voterPpm: $0.q[0], winnerWeight: weight(0), totalTrust: totalTrust))
        }
        #expect(formatted == ["+0.4055", "-0.1823", "-1.7918"])
    }

    @Test("FIN-WORKED-EXAMPLE: winner A pays Δ = +405, −182, −1792 and balances become 10405, 4818, 3208")
    func deltasAndBalances() {
        let deltas = voters.map {
            TrustScoring.delta(alpha: alpha, voterPpm: $0.q[0], winnerWeight: weight(0), totalTrust: totalTrust)
        }
        #expect(deltas == [405, -182, -1792])
        let balances = zip(voters, deltas).map { TrustScoring.applyDelta($1, to: $0.trust) }
        #expect(balances == [10_405, 4_818, 3_208])
    }
}
