import Foundation
import PoTTestSupport
import Testing
@testable import PoTCore

/// What report maximises a voter's expected Δ, measured with the settlement code itself.
@Suite("Honest reporting under each scoring rule")
struct ReportIncentiveTests {
    static let alpha: UInt64 = 1000
    static let totalTrust: UInt64 = 100_000
    /// The others' forecast of the outcome: an undecided market.
    static let othersPpm: UInt64 = 500_000
    static let shares: [UInt64] = [100_000, 300_000, 500_000, 800_000]
    static let beliefs: [UInt64] = [600_000, 750_000, 900_000]
    static let voter = try! SigningKey(seed: [UInt8](repeating: 1, count: 32)).publicKey
    static let others = try! SigningKey(seed: [UInt8](repeating: 2, count: 32)).publicKey

    /// The voter's expected margin in nats when it reports `report` for the outcome it believes
    /// has probability `belief`, holding `share` of the trust (all in ppm).
    static func expectedMargin(report: UInt64, belief: UInt64, share: UInt64, rule: ScoringRule) -> Double {
        let voterTrust = totalTrust * share / 1_000_000
        func margin(_ voterPpm: UInt64, _ othersPpm: UInt64) -> Double {
            let scored = LogScoreSettlement.score([
                .init(key: voter, trust: voterTrust, ppm: voterPpm),
                .init(key: others, trust: totalTrust - voterTrust, ppm: othersPpm),
            ], alpha: alpha, rule: rule)
            return Double(scored.scores[0].margin) / 1e18
        }
        let happens = margin(report, othersPpm), fails = margin(1_000_000 - report, 1_000_000 - othersPpm)
        return (Double(belief) * happens + Double(1_000_000 - belief) * fails) / 1e6
    }

    /// The best report on a grid of 0.1 % (searched at 1 %, then at 0.1 % around the best) and
    /// its expected gain over the honest report, in mT.
    static func best(belief: UInt64, share: UInt64, rule: ScoringRule) -> (report: UInt64, gain: Double) {
        let honest = expectedMargin(report: belief, belief: belief, share: share, rule: rule)
        var best = (report: belief, value: honest)
        func consider(_ report: UInt64) {
            let value = expectedMargin(report: report, belief: belief, share: share, rule: rule)
            if value > best.value { best = (report, value) }
        }
        for report in stride(from: UInt64(10_000), through: 990_000, by: 10_000) { consider(report) }
        let centre = best.report
        for report in stride(from: max(1_000, centre - 10_000), through: min(999_000, centre + 10_000), by: 1_000) { consider(report) }
        return (best.report, (best.value - honest) * Double(alpha))
    }

    struct Row { let share, belief: UInt64; let inclusive, leaveOneOut: (report: UInt64, gain: Double) }

    static let rows: [Row] = shares.flatMap { share in
        beliefs.map { belief in
            Row(share: share, belief: belief, inclusive: best(belief: belief, share: share, rule: .inclusive),
                leaveOneOut: best(belief: belief, share: share, rule: .leaveOneOut))
        }
    }

    static func table() -> String {
        func p(_ ppm: UInt64) -> String { String(format: "%.3f", Double(ppm) / 1e6) }
        func mT(_ gain: Double) -> String { String(format: "%.1f mT", gain) }
        return (["| share s | belief b | inclusive: best report | its gain over honest | leave-one-out: best report | its gain over honest |",
                 "|---|---|---|---|---|---|"] + rows.map { r in
            "| \(p(r.share)) | \(p(r.belief)) | \(p(r.inclusive.report)) | \(mT(r.inclusive.gain)) | \(p(r.leaveOneOut.report)) | \(mT(r.leaveOneOut.gain)) |"
        }).joined(separator: "\n")
    }

    @Test("SCORE-LOO: with its own weight in the market a voter gains by shading its report; leaving it out, the honest report is best at every share")
    func honestyTable() throws {
        for row in Self.rows {
            #expect(row.inclusive.report < row.belief && row.inclusive.gain > 0, "s=\(row.share) b=\(row.belief)")
            #expect(row.leaveOneOut.report == row.belief && row.leaveOneOut.gain == 0, "s=\(row.share) b=\(row.belief)")
        }
        // docs/spec.md shows this very table.
        let table = Self.table()
        #expect(try TestEnvironment.read("docs/spec.md").contains(table), "the table in docs/spec.md differs from:\n\(table)")
    }

    @Test("SCORE-LOO: leaving one out, each voter is scored against the others' market, and a lone voter scores 0")
    func leaveOneOutArithmetic() {
        // The seed's worked example, scored leave-one-out: alice against bob and carol's 0.5·5000 + 0.1·5000.
        let alice = LogScoreSettlement.Forecast(key: Self.voter, trust: 10_000, ppm: 900_000)
        let rest = LogScoreSettlement.Forecast(key: Self.others, trust: 10_000, ppm: 300_000)
        let scored = LogScoreSettlement.score([alice, rest], alpha: 1000, rule: .leaveOneOut).scores
        #expect(scored[0].delta == TrustScoring.delta(alpha: 1000, voterPpm: 900_000, winnerWeight: 10_000 * 300_000, totalTrust: 10_000))
        #expect(scored[0].delta == 1099)   // round(1000 · ln(0.9 / 0.3))
        #expect(scored[1].delta == -1099)
        let alone = LogScoreSettlement.score([alice], alpha: 1000, rule: .leaveOneOut).scores
        #expect(alone.map(\.delta) == [0])
        #expect(LogScoreSettlement.score([alice], alpha: 1000, rule: .inclusive).scores.map(\.delta) == [0])
    }

    @Test("SCORE-LOO: the rule is chain parameter 7, absent for the seed's rule, so existing chains keep their id")
    func scoringParameter() throws {
        let key = Self.voter
        let seed = try ChainParams(confirmations: 2, alpha: 1000, initialAccounts: [.init(key: key, balance: 1)], createdAt: 1)
        let loo = try ChainParams(confirmations: 2, alpha: 1000, initialAccounts: [.init(key: key, balance: 1)], createdAt: 1, scoring: .leaveOneOut)
        guard case .map(let plain) = seed.cbor(), case .map(let fields) = loo.cbor() else { Issue.record("not maps"); return }
        #expect(plain[7] == nil && fields[7] == .unsigned(1))
        #expect(try ChainParams(bytes: loo.cbor().encoded()).scoring == .leaveOneOut)
        var bad = fields
        bad[7] = .unsigned(2)
        #expect(throws: ObjectError.self) { try ChainParams(cbor: .map(bad)) }
        bad[7] = .unsigned(0)
        #expect(throws: ObjectError.self) { try ChainParams(cbor: .map(bad)) }
    }
}
