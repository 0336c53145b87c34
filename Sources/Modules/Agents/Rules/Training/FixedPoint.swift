/// The number format of training: Q16.16 fixed point in an `Int64` (1.0 is 65 536).
///
/// Every operation is total and the same on every machine: products and sums wrap in two's
/// complement (`&*`, `&+`) instead of trapping, shifts round toward minus infinity, and what a
/// checkpoint stores is clamped to the `Int32` range (±32 768.0). Garbage in a forged checkpoint
/// therefore gives garbage out, never a crash, and the same garbage everywhere.
public enum FixedPoint {
    public static let fractionBits: Int64 = 16
    public static let one: Int64 = 1 << 16
    /// ln 2 in Q16.
    static let ln2: Int64 = 45_426
    /// The largest loss a sample may contribute, 16.0 nats: what −ln of a probability that
    /// rounds to 0 counts as.
    public static let maxLoss: Int64 = 16 << 16

    /// a × b in Q16, rounded down.
    @inline(__always)
    public static func mul(_ a: Int64, _ b: Int64) -> Int64 { (a &* b) >> fractionBits }

    /// `value` clamped to what a checkpoint can store.
    @inline(__always)
    public static func clamp32(_ value: Int64) -> Int32 {
        value > Int64(Int32.max) ? Int32.max : value < Int64(Int32.min) ? Int32.min : Int32(truncatingIfNeeded: value)
    }

    /// e^x for x ≤ 0 in Q16 (x > 0 counts as 0): 2^k · e^r with r in [0, ln 2), e^r by a
    /// degree-6 Taylor polynomial evaluated by Horner's rule.
    public static func exp(_ x: Int64) -> Int64 {
        if x >= 0 { return one }
        if x < -(20 << 16) { return 0 }
        var k = x / ln2
        if k * ln2 > x { k -= 1 }
        let r = x - k * ln2
        var poly = one
        for n in stride(from: Int64(6), through: 1, by: -1) { poly = one + mul(poly, r) / n }
        let shift = -k
        return shift >= 63 ? 0 : poly >> shift
    }

    /// ln(p) for a probability 0 < p ≤ 1 in Q16 (a result ≤ 0); p ≤ 0 gives −`maxLoss`.
    /// p = m · 2^e with m in [1, 2); ln m = 2·atanh(z) with z = (m − 1)/(m + 1), four terms.
    public static func ln(_ p: Int64) -> Int64 {
        if p <= 0 { return -maxLoss }
        // p = m · 2^e with m in [1, 2): e is the position of p's top bit relative to 2^16.
        let e = Int64(63 - p.leadingZeroBitCount) - fractionBits
        let m = e >= 0 ? p >> e : p << -e
        let z = ((m - one) << fractionBits) / (m + one)
        let z2 = mul(z, z)
        var series: Int64 = 0
        for n in stride(from: Int64(7), through: 1, by: -2) { series = one / n + mul(series, z2) }
        return max(-maxLoss, e * ln2 + 2 * mul(z, series))
    }

    /// ⌊√n⌋ for n ≥ 0, by Newton's method on integers.
    public static func isqrt(_ n: UInt64) -> UInt64 {
        if n < 2 { return n }
        var x = n
        var y = (n >> 1) + (n & 1)
        while y < x { x = y; y = (x + n / x) >> 1 }
        return x
    }
}
