import Foundation
import Testing
import PoTCore

@Suite("Scoring: integer Δ equals the Double formula")
struct ScoringDeltaRandomTests {
    struct Input { let alpha: UInt64; let ppm: UInt64; let weight: UInt128; let total: UInt128 }

    static func randomInput(_ rng: inout ScoringSplitMix64) -> Input {
        let alpha: UInt64 = Bool.random(using: &rng)
            ? UInt64.random(in: 1...TrustScoring.maxAlpha, using: &rng)
            : UInt64.random(in: 1...(UInt64(1) << UInt64.random(in: 1...20, using: &rng)), using: &rng)
                .clamped(TrustScoring.maxAlpha)
        let ppm: UInt64
        switch Int.random(in: 0..<20, using: &rng) {
        case 0, 1: ppm = 0                                                   // q < 1e-9 (clamped)
        case 2: ppm = TrustScoring.ppmOne
        case 3, 4: ppm = UInt64.random(in: 1...100, using: &rng)
        default: ppm = UInt64.random(in: 0...TrustScoring.ppmOne, using: &rng)
        }
        // Total trust: log-uniform over 1 mT ... 2^80 mT.
        let bits = Int.random(in: 1...80, using: &rng)
        let lo: UInt128 = 1 << UInt128(bits - 1)
        let total = lo + UInt128.random(in: 0...(lo - 1), using: &rng)
        let maxWeight = total * UInt128(TrustScoring.ppmOne)   // p_m = 1
        let weight: UInt128
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: weight = 0                                                    // p_m = 0 (clamped)
        case 1, 2: weight = UInt128.random(in: 0...(total / 1000 * 2 + 2), using: &rng)   // around the 1e-9 clamp
        case 3, 4, 5:                                                         // log-uniform p_m
            let shift = UInt128.random(in: 0...45, using: &rng)
            weight = UInt128.random(in: 0...(maxWeight >> shift), using: &rng)
        case 6: weight = maxWeight
        default: weight = UInt128.random(in: 0...maxWeight, using: &rng)
        }
        return Input(alpha: alpha, ppm: ppm, weight: weight, total: total)
    }

    @Test("SCORE-DELTA: Δ = round half away from zero of alpha·(ln max(q,1e-9) − ln max(p_m,1e-9)) on 100 000 seeded random inputs")
    func deltaMatchesDoubleFormula() {
        var rng = ScoringSplitMix64(seed: 0x0050_7D17)
        let count = 100_000
        var skipped = 0
        var clampedQ = 0
        var clampedP = 0
        for i in 0..<count {
            let x = Self.randomInput(&rng)
            if x.ppm == 0 { clampedQ += 1 }
            if x.weight * 1000 < x.total { clampedP += 1 }
            let raw = ScoringDoubleReference.rawDelta(
                alpha: x.alpha, voterPpm: x.ppm, winnerWeight: x.weight, totalTrust: x.total)
            let frac = abs(raw) - abs(raw).rounded(.down)
            if abs(frac - 0.5) < 1e-6 { skipped += 1; continue }   // within Double's own error of a tie
            let expected = Int64(raw.rounded(.toNearestOrAwayFromZero))
            let got = TrustScoring.delta(alpha: x.alpha, voterPpm: x.ppm, winnerWeight: x.weight, totalTrust: x.total)
            if got != expected {
                Issue.record("case \(i): alpha=\(x.alpha) ppm=\(x.ppm) W=\(x.weight) T=\(x.total): got \(got), Double \(raw)")
            }
        }
        #expect(skipped * 100 < count, "skipped \(skipped) near-tie inputs")
        #expect(clampedQ > 1000 && clampedP > 1000, "clamp coverage q=\(clampedQ) p=\(clampedP)")
    }

    @Test("SCORE-DELTA: Δ for margins 0 and ±ln 2: ln(q/p_m) computed from ppm and weights, rounded half away from zero")
    func deltaForSimpleMargins() {
        // margin(q = 1, p_m = 1/2) = ln 2 and margin(q = 1/2, p_m = 1) = −ln 2, exactly the rounded ln 2.
        #expect(TrustScoring.margin(voterPpm: 1_000_000, winnerWeight: 500_000, totalTrust: 1) == FixedPointLog.ln(2))
        #expect(TrustScoring.margin(voterPpm: 500_000, winnerWeight: 1_000_000, totalTrust: 1) == -FixedPointLog.ln(2))
        #expect(TrustScoring.delta(alpha: 1, voterPpm: 1_000_000, winnerWeight: 500_000, totalTrust: 1) == 1)   // +0.693
        #expect(TrustScoring.delta(alpha: 1, voterPpm: 500_000, winnerWeight: 1_000_000, totalTrust: 1) == -1)  // −0.693
        #expect(TrustScoring.delta(alpha: 1000, voterPpm: 1_000_000, winnerWeight: 500_000, totalTrust: 1) == 693)
        #expect(TrustScoring.delta(alpha: 1000, voterPpm: 500_000, winnerWeight: 1_000_000, totalTrust: 1) == -693)
        // q = p_m gives exactly 0, whatever the trust total.
        #expect(TrustScoring.margin(voterPpm: 7, winnerWeight: 7 * 123_456_789, totalTrust: 123_456_789) == 0)
        #expect(TrustScoring.delta(alpha: 1_000_000, voterPpm: 7, winnerWeight: 7, totalTrust: 1) == 0)
    }

    @Test("SCORE-DELTA: clamps: q = 0 uses ln 1e-9; p_m < 1e-9 exactly when W·1000 < T")
    func clampBoundaries() {
        let ln1e9 = FixedPointLog.ln(1_000_000_000)
        // q = 0 with p_m = 1: margin = −ln 10^9.
        #expect(TrustScoring.margin(voterPpm: 0, winnerWeight: 1_000_000, totalTrust: 1) == -ln1e9)
        // q = 1 with p_m = 0: margin = +ln 10^9; both clamped: margin 0.
        #expect(TrustScoring.margin(voterPpm: 1_000_000, winnerWeight: 0, totalTrust: 5) == ln1e9)
        #expect(TrustScoring.margin(voterPpm: 0, winnerWeight: 0, totalTrust: 5) == 0)
        // p_m exactly 1e-9 (W·1000 == T) and just below/above: all within a unit of ln 10^9 for q = 1.
        let t: UInt128 = 1_000_000_000_000
        let atClamp = TrustScoring.margin(voterPpm: 1_000_000, winnerWeight: t / 1000, totalTrust: t)
        let below = TrustScoring.margin(voterPpm: 1_000_000, winnerWeight: t / 1000 - 1, totalTrust: t)
        let above = TrustScoring.margin(voterPpm: 1_000_000, winnerWeight: t / 1000 + 1, totalTrust: t)
        #expect(below == ln1e9)
        #expect((atClamp - ln1e9).magnitude <= 1)
        #expect(above < atClamp)
        // Huge totals do not overflow the clamp check.
        let huge = UInt128.max / 2
        #expect(TrustScoring.margin(voterPpm: 1_000_000, winnerWeight: huge, totalTrust: 1) < 0)
    }

    @Test("SCORE-DELTA: Δ saturates at Int64 bounds for out-of-protocol alpha")
    func deltaSaturates() {
        #expect(TrustScoring.delta(alpha: UInt64.max, voterPpm: 1_000_000, winnerWeight: 0, totalTrust: 1) == Int64.max)
        #expect(TrustScoring.delta(alpha: UInt64.max, voterPpm: 0, winnerWeight: 1_000_000, totalTrust: 1) == Int64.min)
    }
}

extension UInt64 {
    fileprivate func clamped(_ upper: UInt64) -> UInt64 { Swift.min(self, upper) }
}
