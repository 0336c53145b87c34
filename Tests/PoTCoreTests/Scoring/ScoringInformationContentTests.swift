import Foundation
import Testing
import PoTCore
import PoTMarkets

@Suite("Scoring: information content I_h = ln n − H(p_m)")
struct ScoringInformationContentTests {
    @Test("INFO-IH: a unanimous market on one outcome gives exactly ln n")
    func unanimousGivesLnN() {
        var rng = ScoringSplitMix64(seed: 0x1417)
        for n in 1...8 {
            for j in 0..<n {
                var w = [UInt128](repeating: 0, count: n)
                w[j] = UInt128.random(in: 1...(UInt128(1) << 90), using: &rng)
                #expect(TrustScoring.informationContent(weights: w) == FixedPointLog.ln(UInt128(n)))
            }
        }
    }

    @Test("INFO-IH: a uniform market gives exactly 0")
    func uniformGivesZero() {
        var rng = ScoringSplitMix64(seed: 0x0417)
        for n in 1...12 {
            for _ in 0..<20 {
                let w = UInt128.random(in: 1...(UInt128(1) << 100), using: &rng)
                #expect(TrustScoring.informationContent(weights: Array(repeating: w, count: n)) == 0)
            }
        }
    }

    @Test("INFO-IH: zero total weight (or no outcomes) gives 0")
    func zeroWeightsGiveZero() {
        #expect(TrustScoring.informationContent(weights: []) == 0)
        #expect(TrustScoring.informationContent(weights: [0]) == 0)
        #expect(TrustScoring.informationContent(weights: [0, 0, 0]) == 0)
    }

    @Test("INFO-IH: the worked example's market (0.6, 0.3625, 0.0375) matches the Double formula")
    func workedExampleMarket() {
        let w: [UInt128] = [12_000_000_000, 7_250_000_000, 750_000_000]
        let got = ScoringDoubleReference.nats(TrustScoring.informationContent(weights: w))
        let ref = log(3.0) + 0.6 * log(0.6) + 0.3625 * log(0.3625) + 0.0375 * log(0.0375)
        #expect(abs(got - ref) < 1e-12)
        #expect(TrustScoring.formatNats(TrustScoring.informationContent(weights: w)) == "+0.3011")
    }

    @Test("INFO-IH: I_h matches ln n + Σ p ln p in Double within 1e-12 nats on random markets, and 0 ≤ I_h ≤ ln n")
    func matchesDoubleFormula() {
        var rng = ScoringSplitMix64(seed: 0x1C0)
        for _ in 0..<5000 {
            let n = Int.random(in: 1...12, using: &rng)
            let maxBits = UInt128.random(in: 1...100, using: &rng)
            let w: [UInt128] = (0..<n).map { _ in
                Int.random(in: 0..<4, using: &rng) == 0 ? 0 : UInt128.random(in: 0...(UInt128(1) << maxBits), using: &rng)
            }
            let got = TrustScoring.informationContent(weights: w)
            let ref = ScoringDoubleReference.informationContent(w)
            #expect(abs(ScoringDoubleReference.nats(got) - ref) < 1e-12, "weights \(w)")
            #expect(got >= 0 && got <= FixedPointLog.ln(UInt128(n)))
        }
    }
}
