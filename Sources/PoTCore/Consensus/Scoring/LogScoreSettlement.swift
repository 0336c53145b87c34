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

/// Scores a set of forecasts of one realized outcome against their trust-weighted market: the
/// rule shared by the finalization of a height and the resolution of a prediction market.
enum LogScoreSettlement {
    struct Forecast {
        let key: PublicKey
        let trust: UInt64
        let ppm: UInt64
    }

    /// Scores `forecasts`, in the given order. With no trust behind them there is no market and
    /// no score.
    static func score(_ forecasts: [Forecast], alpha: UInt64) -> (totalTrust: UInt128, weight: UInt128, scores: [ForecastScore]) {
        var totalTrust: UInt128 = 0
        var weight: UInt128 = 0
        for f in forecasts {
            totalTrust += UInt128(f.trust)
            weight += UInt128(f.trust) * UInt128(f.ppm)
        }
        guard totalTrust > 0 else { return (0, 0, []) }
        let scores = forecasts.map { f in
            let margin = TrustScoring.margin(voterPpm: f.ppm, winnerWeight: weight, totalTrust: totalTrust)
            return ForecastScore(key: f.key, trust: f.trust, ppm: f.ppm, margin: margin,
                                 delta: TrustScoring.scaleMargin(margin, by: alpha))
        }
        return (totalTrust, weight, scores)
    }

    /// Scores `forecasts` and applies each Δ to `accounts`: t := max(0, t + Δ).
    static func settle(_ forecasts: [Forecast], alpha: UInt64, accounts: inout [PublicKey: Account])
        -> (totalTrust: UInt128, weight: UInt128, scores: [VoterScore]) {
        let scored = score(forecasts, alpha: alpha)
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
