extension TrustScoring {
    /// I_h = ln n − H(p_m) in nats × 10^18; `weights` has one entry per outcome (candidates then
    /// none), each Σ t·q in mT·ppm; n = weights.count; returns 0 if the total weight is 0.
    ///
    /// Computed as I = Σ_i p_i · ln(n · p_i) with p_i = w_i / W (0·ln 0 = 0), in the internal
    /// binary fixed point, rounded once; clamped at 0 (I ≥ 0 mathematically), so a uniform
    /// market gives exactly 0 and a unanimous one exactly `FixedPointLog.ln(n)`.
    /// Precondition: the total weight fits in UInt128.
    public static func informationContent(weights: [UInt128]) -> Int128 {
        var total: UInt128 = 0
        for w in weights { total += w }
        if total == 0 { return 0 }
        let lnN = FixedPointLog.lnBinary(UInt128(weights.count))
        let lnTotal = FixedPointLog.lnBinary(total)
        var sum: Int128 = 0
        for w in weights where w != 0 {
            // e = ln(n · w / W), |e| < 2^120
            let e = lnN + FixedPointLog.lnBinary(w) - lnTotal
            // (w / W) · e, with w ≤ W so the quotient is ≤ |e| and fits.
            let q = total.dividingFullWidth(w.multipliedFullWidth(by: e.magnitude)).quotient
            sum += e < 0 ? -Int128(q) : Int128(q)
        }
        let result = FixedPointLog.toScale(sum)
        return result < 0 ? 0 : result
    }
}
