import Foundation
import PoTTestSupport

/// Deterministic seeded generator, so that random scoring tests reproduce.
typealias ScoringSplitMix64 = SplitMix64

enum ScoringDoubleReference {
    /// nats × 10^18 as Double nats.
    static func nats(_ v: Int128) -> Double { Double(v) / 1e18 }

    /// The protocol's Δ formula evaluated in Double, before rounding.
    static func rawDelta(alpha: UInt64, voterPpm: UInt64, winnerWeight: UInt128, totalTrust: UInt128) -> Double {
        let q = Double(voterPpm) / 1e6
        let pm = Double(winnerWeight) / (Double(totalTrust) * 1e6)
        return Double(alpha) * (log(max(q, 1e-9)) - log(max(pm, 1e-9)))
    }

    /// I = ln n − H(p) in Double nats.
    static func informationContent(_ weights: [UInt128]) -> Double {
        let total = weights.reduce(0.0) { $0 + Double($1) }
        if total == 0 { return 0 }
        var negH = 0.0
        for w in weights where w != 0 {
            let p = Double(w) / total
            negH += p * log(p)
        }
        return log(Double(weights.count)) + negH
    }
}
