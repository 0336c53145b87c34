/// The log scoring rule that pays voters in trust (millitrust, mT).
///
/// Δ_v = round(alpha · (ln max(q_v(y), 1e-9) − ln max(p_m(y), 1e-9))), round half away from zero,
/// t_v := max(0, t_v + Δ_v). Integer-only and deterministic.
public enum TrustScoring {
    public static let ppmOne: UInt64 = 1_000_000
    /// Largest alpha (mT per nat) a chain may choose.
    public static let maxAlpha: UInt64 = 1_000_000

    /// ln(10^6) × 2^112 (denominator of a ppm probability).
    static let lnPpmOneBinary: Int128 = FixedPointLog.lnBinary(1_000_000)
    /// ln(10^9) × 2^112 (ln of the 1e-9 clamp, negated).
    static let lnClampBinary: Int128 = FixedPointLog.lnBinary(1_000_000_000)

    /// ln max(q,1e-9) − ln max(p_m,1e-9), in nats × 10^18, where q = voterPpm / 10^6 and
    /// p_m = winnerWeight / (totalTrust · 10^6); winnerWeight = Σ t_v·q_v(y) in mT·ppm,
    /// totalTrust = Σ t_v in mT (> 0).
    ///
    /// Computed in the internal binary fixed point and rounded once (half away from zero).
    /// voterPpm = 0 is the only q below 1e-9 (ppm resolution is 1e-6); p_m < 1e-9 exactly when
    /// winnerWeight · 1000 < totalTrust.
    public static func margin(voterPpm: UInt64, winnerWeight: UInt128, totalTrust: UInt128) -> Int128 {
        precondition(totalTrust > 0, "TrustScoring.margin: totalTrust must be > 0")
        // ln max(q, 1e-9)
        let lnQ: Int128 = voterPpm == 0
            ? -lnClampBinary
            : FixedPointLog.lnBinary(UInt128(voterPpm)) - lnPpmOneBinary
        // ln max(p_m, 1e-9)
        let lnP: Int128
        if marketBelowClamp(winnerWeight: winnerWeight, totalTrust: totalTrust) {
            lnP = -lnClampBinary
        } else {
            lnP = FixedPointLog.lnBinary(winnerWeight) - FixedPointLog.lnBinary(totalTrust) - lnPpmOneBinary
        }
        return FixedPointLog.toScale(lnQ - lnP)
    }

    /// True when p_m = winnerWeight / (totalTrust·10^6) < 1e-9, i.e. winnerWeight·1000 < totalTrust.
    @inline(__always)
    static func marketBelowClamp(winnerWeight: UInt128, totalTrust: UInt128) -> Bool {
        let w = winnerWeight.multipliedFullWidth(by: 1000)
        return w.high == 0 && w.low < totalTrust
    }

    /// Round half away from zero of alpha × margin / 10^18, saturated to the Int64 range.
    public static func delta(alpha: UInt64, voterPpm: UInt64, winnerWeight: UInt128, totalTrust: UInt128) -> Int64 {
        let m = margin(voterPpm: voterPpm, winnerWeight: winnerWeight, totalTrust: totalTrust)
        return scaleMargin(m, by: alpha)
    }

    /// Round half away from zero of alpha × m / 10^18, saturated to the Int64 range.
    static func scaleMargin(_ m: Int128, by alpha: UInt64) -> Int64 {
        let scale = UInt128(FixedPointLog.scale)
        // |m| < 2^127 and alpha < 2^64, so the product is < 2^191 and the quotient fits in UInt128.
        let p = m.magnitude.multipliedFullWidth(by: UInt128(alpha))
        let (q0, r) = scale.dividingFullWidth(p)
        let q = r >= scale - r ? q0 + 1 : q0   // r ≥ scale/2, without overflow
        if m < 0 {
            return q >= UInt128(Int64.max) + 1 ? Int64.min : -Int64(q)
        } else {
            return q >= UInt128(Int64.max) ? Int64.max : Int64(q)
        }
    }

    /// max(0, balance + delta), saturating at UInt64.max.
    public static func applyDelta(_ delta: Int64, to balance: UInt64) -> UInt64 {
        if delta >= 0 {
            let (sum, overflow) = balance.addingReportingOverflow(UInt64(delta))
            return overflow ? UInt64.max : sum
        }
        let loss = delta.magnitude
        return balance > loss ? balance - loss : 0
    }
}
