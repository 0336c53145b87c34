import PropertyBased
import Testing
import PoTCore

/// The log scoring rule is proper: against a fixed market, reporting one's true belief
/// maximises the expected trust change.
@Suite("Scoring: properness of the log scoring rule")
struct ScoringPropernessTests {
    /// Normalise the first `n` raw non-negative numbers to ppm summing to exactly 10^6.
    static func toPpm(_ raw: [Int], _ n: Int) -> [UInt64] {
        var r = raw.prefix(n).map { UInt64($0) }
        if r.allSatisfy({ $0 == 0 }) { r[0] = 1 }
        let s = r.reduce(0, +)
        var ppm = r.map { $0 * TrustScoring.ppmOne / s }
        let big = ppm.indices.max { ppm[$0] < ppm[$1] }!
        ppm[big] += TrustScoring.ppmOne - ppm.reduce(0, +)
        return ppm
    }

    static let totalTrust: UInt128 = 1_000_000

    /// E_{y~belief}[Δ(report)] × 10^6 (belief weights in ppm), against a fixed market.
    static func expectedDelta(alpha: UInt64, belief: [UInt64], report: [UInt64], market: [UInt64]) -> Int64 {
        var e: Int64 = 0
        for y in belief.indices where belief[y] > 0 {
            let d = TrustScoring.delta(alpha: alpha, voterPpm: report[y],
                                       winnerWeight: UInt128(market[y]) * totalTrust, totalTrust: totalTrust)
            e += Int64(belief[y]) * d
        }
        return e
    }

    static func totalVariation(_ a: [UInt64], _ b: [UInt64]) -> Double {
        zip(a, b).reduce(0.0) { $0 + Double(Int64($1.0) - Int64($1.1)).magnitude } / 2e6
    }

    @Test("SCORE-PROPER: honest report maximises expected Δ (≥ any other report up to 1 mT; > when TV > 0.1, alpha ≥ 1000)")
    func honestReportMaximisesExpectedDelta() async {
        let raw = Gen.int(in: 0...1000).array(of: 6)
        await propertyCheck(count: 1500, input: Gen.int(in: 2...6), raw, raw, raw, Gen.int(in: 1...1_000_000)) {
            n, beliefRaw, marketRaw, reportRaw, alphaInt in
            let alpha = UInt64(alphaInt)
            let belief = Self.toPpm(beliefRaw, n)
            let market = Self.toPpm(marketRaw, n)
            let honest = Self.expectedDelta(alpha: alpha, belief: belief, report: belief, market: market)
            // A random other report, and a small perturbation of the belief.
            var nearby = belief
            let from = nearby.indices.max { nearby[$0] < nearby[$1] }!
            let to = (from + 1) % n
            let shift = nearby[from] / 50
            nearby[from] -= shift
            nearby[to] += shift
            for report in [Self.toPpm(reportRaw, n), nearby] {
                let other = Self.expectedDelta(alpha: alpha, belief: belief, report: report, market: market)
                // Rounding: each Δ is off by ≤ 0.5 mT, so the two expectations differ by ≤ 1 mT (× 10^6 ppm).
                #expect(honest >= other - 1_000_000, "belief \(belief) report \(report) market \(market) alpha \(alpha)")
                if alpha >= 1000 && Self.totalVariation(belief, report) > 0.1 {
                    #expect(honest > other, "belief \(belief) report \(report) market \(market) alpha \(alpha)")
                }
            }
        }
    }
}
