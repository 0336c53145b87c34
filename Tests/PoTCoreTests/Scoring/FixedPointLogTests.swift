import Foundation
import Testing
import PoTCore

@Suite("Scoring: fixed-point natural logarithm")
struct FixedPointLogTests {
    /// round(ln 2 × 10^24)
    static let ln2At24: Int128 = 693_147_180_559_945_309_417_232

    @Test("SCORE-LN: ln is within 0.5 units of 10^-18 of a 100-digit reference (golden table)")
    func lnMatchesHighPrecisionReference() {
        var maxErr24: Int128 = 0   // in units of 10^-24
        var worst: UInt128 = 0
        for (x, ln24) in scoringGoldenLn24 {
            let err = (FixedPointLog.ln(x) * 1_000_000 - ln24).magnitude
            if Int128(err) > maxErr24 { maxErr24 = Int128(err); worst = x }
        }
        print("FixedPointLog max |error| over \(scoringGoldenLn24.count) golden values: \(maxErr24) × 10^-24 nats (at x = \(worst))")
        // The only error is the final rounding to 10^-18 (≤ 0.5 units), plus ~10^-14 units internally.
        #expect(maxErr24 <= 500_001)
        #expect(maxErr24 < 1000 * 1_000_000)   // the protocol's budget: 1000 units of 10^-18
    }

    @Test("SCORE-LN: ln agrees with Foundation.log for selected and random x")
    func lnMatchesDouble() {
        var xs: [UInt128] = [1, 2, 3, 10, 1_000_000, 1_000_000_000, UInt128(UInt64.max), 1 << 64, 1 << 100,
                             1 << 127, UInt128.max, UInt128.max - 1]
        var rng = ScoringSplitMix64(seed: 0x5C0_41)
        for _ in 0..<200 { xs.append((1 << 127) + UInt128.random(in: 0...(UInt128(1) << 127 - 1), using: &rng)) }
        for bits in 1...128 {
            for _ in 0..<20 {
                let lo: UInt128 = 1 << UInt128(bits - 1)
                xs.append(lo + UInt128.random(in: 0...(lo - 1), using: &rng))
            }
        }
        for x in xs {
            let got = ScoringDoubleReference.nats(FixedPointLog.ln(x))
            let ref = log(Double(x))
            // Double's own error: rounding of x, of the log and of the conversion (a few ulps).
            #expect(abs(got - ref) <= 8 * Double.ulpOfOne * max(1, abs(ref)), "x = \(x)")
        }
    }

    @Test("SCORE-LN: ln 1 = 0 exactly and ln(n/n) = 0 exactly")
    func lnOfOneIsZero() {
        #expect(FixedPointLog.ln(1) == 0)
        for n: UInt128 in [1, 2, 3, 1_000_000, UInt128.max] {
            #expect(FixedPointLog.ln(numerator: n, denominator: n) == 0)
        }
    }

    @Test("SCORE-LN: ln(2^k) = k·ln 2 within 0.5 units for every k in 0...127")
    func lnOfPowersOfTwo() {
        for k in 0...127 {
            let got = FixedPointLog.ln(UInt128(1) << UInt128(k)) * 1_000_000
            #expect((got - Int128(k) * Self.ln2At24).magnitude <= 500_001, "k = \(k)")
        }
    }

    @Test("SCORE-LN: ln(a·b) = ln a + ln b within 2 units for random a, b")
    func lnOfProductIsSumOfLns() {
        var rng = ScoringSplitMix64(seed: 0xAB)
        for _ in 0..<2000 {
            let bitsA = Int.random(in: 1...127, using: &rng)
            let bitsB = Int.random(in: 1...(128 - bitsA), using: &rng)
            let a = UInt128.random(in: 1...(UInt128.max >> UInt128(128 - bitsA)), using: &rng)
            let b = UInt128.random(in: 1...(UInt128.max >> UInt128(128 - bitsB)), using: &rng)
            let diff = FixedPointLog.ln(a * b) - FixedPointLog.ln(a) - FixedPointLog.ln(b)
            #expect(diff.magnitude <= 2, "a = \(a), b = \(b)")
        }
    }

    @Test("SCORE-LN: ln(n/d) = −ln(d/n), ln(n/1) = ln n, ln(1/2) = −ln 2, within 1 unit of ln n − ln d")
    func lnOfRatio() {
        #expect(FixedPointLog.ln(numerator: 1, denominator: 2) == -FixedPointLog.ln(2))
        var rng = ScoringSplitMix64(seed: 0xD1D)
        for _ in 0..<2000 {
            let n = UInt128.random(in: 1...UInt128.max, using: &rng) >> UInt128.random(in: 0...127, using: &rng)
            let d = UInt128.random(in: 1...UInt128.max, using: &rng) >> UInt128.random(in: 0...127, using: &rng)
            guard n > 0, d > 0 else { continue }
            let r = FixedPointLog.ln(numerator: n, denominator: d)
            #expect(r == -FixedPointLog.ln(numerator: d, denominator: n))
            #expect((r - (FixedPointLog.ln(n) - FixedPointLog.ln(d))).magnitude <= 1)
            #expect(FixedPointLog.ln(numerator: n, denominator: 1) == FixedPointLog.ln(n))
        }
    }

    @Test("SCORE-LN: ln is monotone non-decreasing on consecutive integers")
    func lnIsMonotone() {
        var rng = ScoringSplitMix64(seed: 0x40)
        for _ in 0..<2000 {
            let x = UInt128.random(in: 1...(UInt128.max - 1), using: &rng) >> UInt128.random(in: 0...127, using: &rng)
            guard x > 0 else { continue }
            #expect(FixedPointLog.ln(x) <= FixedPointLog.ln(x + 1))
        }
        for x: UInt128 in 1...5000 { #expect(FixedPointLog.ln(x) < FixedPointLog.ln(x + 1)) }
    }

    @Test("SCORE-LN: scale constant is 10^18")
    func scaleIsTenToTheEighteen() {
        #expect(FixedPointLog.scale == 1_000_000_000_000_000_000)
    }
}
