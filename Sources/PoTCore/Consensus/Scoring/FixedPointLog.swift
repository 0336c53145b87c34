/// Natural logarithm in fixed point: values are nats × 10^18.
///
/// Integer-only and deterministic. Internally the logarithm is computed in binary
/// fixed point with `binaryFractionBits` fractional bits (error ≈ 10^-32 nats), and
/// rounded once (half away from zero) to the public 10^18 scale, so every public
/// result is within 0.5 (+ ~10^-14) units of the exact value.
public enum FixedPointLog {
    public static let scale: Int128 = 1_000_000_000_000_000_000

    /// ln(x) in nats × 10^18. Precondition: x > 0.
    public static func ln(_ x: UInt128) -> Int128 {
        precondition(x > 0, "FixedPointLog.ln: x must be > 0")
        return toScale(lnBinary(x))
    }

    /// ln(numerator / denominator) in nats × 10^18. Preconditions: both > 0.
    public static func ln(numerator: UInt128, denominator: UInt128) -> Int128 {
        precondition(numerator > 0 && denominator > 0, "FixedPointLog.ln: arguments must be > 0")
        return toScale(lnBinary(numerator) - lnBinary(denominator))
    }

    // MARK: - Internal binary fixed point (nats × 2^binaryFractionBits)

    /// Fractional bits of the internal representation. ln of any UInt128 is < 88.8 < 2^6.5,
    /// so internal values stay below 2^119 and sums of a few of them fit Int128 comfortably.
    static let binaryFractionBits = 112

    /// 1.0 in the internal representation.
    static let binaryOne: UInt128 = 1 << 112

    /// round(ln 2 × 2^112).
    static let ln2Binary: Int128 = 3_599_025_928_123_676_973_540_407_451_845_619

    /// floor(√2 × 2^112).
    static let sqrt2Binary: UInt128 = 7_343_016_637_207_168_931_428_032_607_349_397

    /// ln(x) × 2^112 for x ≥ 1 (result ≥ 0). Precondition: x > 0.
    ///
    /// x = m·2^k with m ∈ [1, 2) (112 fractional bits); if m ≥ √2 it is replaced by m/2 and k by k+1,
    /// so m ∈ [1/√2, √2). Then ln m = 2·atanh(z) = 2·Σ z^(2i+1)/(2i+1), z = (m−1)/(m+1), |z| ≤ 0.1716.
    static func lnBinary(_ x: UInt128) -> Int128 {
        precondition(x > 0, "FixedPointLog.ln: x must be > 0")
        let f = binaryFractionBits
        let one = binaryOne
        var k = 127 - x.leadingZeroBitCount
        let m: UInt128 = k <= f ? x << UInt128(f - k) : x >> UInt128(k - f)
        // |z| numerator and denominator, both in 2^-112 units; den < 2^115.
        let zNum: UInt128
        let zDen: UInt128
        let negative: Bool
        if m >= sqrt2Binary {
            k += 1
            zNum = 2 * one - m      // (2 - m) > 0 since m < 2
            zDen = 2 * one + m
            negative = true
        } else {
            zNum = m - one
            zDen = m + one
            negative = false
        }
        var series: UInt128 = 0
        if zNum != 0 {
            // z = zNum·2^112 / zDen, computed full width (zNum < 2^112 < zDen so it cannot overflow).
            let z = zDen.dividingFullWidth((high: zNum >> UInt128(128 - f), low: zNum << UInt128(f))).quotient
            let z2 = mulShift(z, z)
            var term = z
            var divisor: UInt128 = 1
            while term != 0 {
                series += term / divisor
                term = mulShift(term, z2)
                divisor += 2
            }
        }
        let lnM = Int128(series) * 2
        return Int128(k) * ln2Binary + (negative ? -lnM : lnM)
    }

    /// (a·b) >> 112, truncating, without intermediate overflow.
    @inline(__always)
    static func mulShift(_ a: UInt128, _ b: UInt128) -> UInt128 {
        let p = a.multipliedFullWidth(by: b)
        return (p.high << UInt128(128 - binaryFractionBits)) | (p.low >> UInt128(binaryFractionBits))
    }

    /// Converts an internal binary value (|v| < 2^127) to nats × 10^18, rounding half away from zero.
    static func toScale(_ v: Int128) -> Int128 {
        let f = binaryFractionBits
        let p = v.magnitude.multipliedFullWidth(by: UInt128(scale))
        var q = (p.high << UInt128(128 - f)) | (p.low >> UInt128(f))
        if (p.low >> UInt128(f - 1)) & 1 == 1 { q += 1 }
        return v < 0 ? -Int128(q) : Int128(q)
    }
}
