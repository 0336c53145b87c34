/// One forecaster's score against the trust-weighted market of a realized outcome.
public struct ForecastScore: Equatable, Sendable {
    public var key: PublicKey
    /// The forecaster's weight in the market, in mT.
    public var trust: UInt64
    /// The probability the forecast gave the realized outcome, in ppm.
    public var ppm: UInt64
    /// ln max(q,1e-9) − ln max(p_m,1e-9) in nats × 10^18.
    public var margin: Int128
    public var delta: Int64
}

/// Which market a forecaster is scored against (a chain parameter, field 7 of `ChainParams`).
public enum ScoringRule: String, Equatable, Sendable, CaseIterable {
    /// Against p_m of every scored forecast, the forecaster's own included: the seed's rule,
    /// which reproduces its worked example, but rewards a large forecaster for shading its report.
    case inclusive
    /// Against p_m of the other forecasts only, so the forecaster's own report cannot move the
    /// market it is scored against and its honest belief maximises its expected Δ at any share.
    case leaveOneOut = "leave-one-out"
}

/// Scores a set of forecasts of one realized outcome against their trust-weighted market: the
/// rule shared by the finalization of a height and the resolution of a prediction market.
public enum LogScoreSettlement {
    /// One forecaster: its key, its weight in mT and the probability it gave the realized outcome in ppm.
    public struct Forecast: Sendable {
        public let key: PublicKey
        public let trust: UInt64
        public let ppm: UInt64

        public init(key: PublicKey, trust: UInt64, ppm: UInt64) {
            self.key = key; self.trust = trust; self.ppm = ppm
        }
    }

    /// Scores `forecasts`, in the given order. With no trust behind them there is no market and
    /// no score. Leaving one out, a forecaster with no other trust beside it has no market to
    /// beat and scores 0.
    public static func score(_ forecasts: [Forecast], alpha: UInt64, rule: ScoringRule) -> (totalTrust: UInt128, weight: UInt128, scores: [ForecastScore]) {
        var totalTrust: UInt128 = 0
        var weight: UInt128 = 0
        for f in forecasts {
            totalTrust += UInt128(f.trust)
            weight += UInt128(f.trust) * UInt128(f.ppm)
        }
        guard totalTrust > 0 else { return (0, 0, []) }
        let scores = forecasts.map { f in
            let margin: Int128
            switch rule {
            case .inclusive:
                margin = TrustScoring.margin(voterPpm: f.ppm, winnerWeight: weight, totalTrust: totalTrust)
            case .leaveOneOut:
                let others = totalTrust - UInt128(f.trust)
                margin = others == 0 ? 0 : TrustScoring.margin(voterPpm: f.ppm, winnerWeight: weight - UInt128(f.trust) * UInt128(f.ppm),
                                                                 totalTrust: others)
            }
            return ForecastScore(key: f.key, trust: f.trust, ppm: f.ppm, margin: margin,
                                 delta: TrustScoring.scaleMargin(margin, by: alpha))
        }
        return (totalTrust, weight, scores)
    }

    /// Scores `forecasts` and applies each Δ to `accounts`: t := max(0, t + Δ).
    static func settle(_ forecasts: [Forecast], alpha: UInt64, rule: ScoringRule, accounts: inout [PublicKey: Account])
        -> (totalTrust: UInt128, weight: UInt128, scores: [VoterScore]) {
        let scored = score(forecasts, alpha: alpha, rule: rule)
        let paid = scored.scores.map { s in
            var account = accounts[s.key] ?? Account(balance: 0, member: true)
            account.balance = TrustScoring.applyDelta(s.delta, to: account.balance)
            accounts[s.key] = account
            return VoterScore(voter: s.key, trust: s.trust, winnerPpm: s.ppm, margin: s.margin, delta: s.delta,
                              balanceAfter: account.balance)
        }
        return (scored.totalTrust, scored.weight, paid)
    }
}
