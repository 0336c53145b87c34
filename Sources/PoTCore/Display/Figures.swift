/// How amounts, weights and probabilities are written for people, the same in `pot`, its
/// clients and the explorer.
public enum Figures {
    /// A change of balance, as pot and pot-web both print it: 1200 → "+1 200", -36 → "-36", 0 → "0".
    public static func signedGrouped<T: BinaryInteger>(_ value: T) -> String {
        value > 0 ? "+" + grouped(value) : grouped(value)
    }

    /// A change of balance in a machine-like line (no grouping), with the same sign rule:
    /// 405 → "+405", -1792 → "-1792", 0 → "0".
    public static func signed<T: BinaryInteger>(_ value: T) -> String { value > 0 ? "+\(value)" : "\(value)" }

    /// 12000 → "12 000", -1792 → "-1 792"
    public static func grouped<T: BinaryInteger>(_ value: T) -> String {
        let digits = Array(String(value.magnitude))
        var out = value < 0 ? "-" : ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(" ") }
            out.append(d)
        }
        return out
    }

    /// A weight in mT·ppm shown in mT: 12000000000 → "12 000", 7250500000 → "7 250.5"
    public static func weight(_ w: UInt128) -> String {
        let whole = w / 1_000_000, fraction = UInt64(w % 1_000_000)
        guard fraction > 0 else { return grouped(whole) }
        var f = String(fraction)
        f = String(repeating: "0", count: 6 - f.count) + f
        while f.hasSuffix("0") { f.removeLast() }
        return grouped(whole) + "." + f
    }

    /// 900000 ppm → "0.90", 123456 → "0.123456", 1000000 → "1.00"
    public static func probability(_ ppm: UInt64) -> String {
        var f = String(ppm % 1_000_000)
        f = String(repeating: "0", count: 6 - f.count) + f
        while f.count > 2, f.hasSuffix("0") { f.removeLast() }
        return "\(ppm / 1_000_000).\(f)"
    }

    /// Why a list of probabilities in ppm is not a distribution, or nil when it is.
    public static func distributionProblem(_ ppm: [UInt64]) -> String? {
        if let high = ppm.first(where: { $0 > TrustScoring.ppmOne }) { return "a probability of \(high) ppm is above 1000000" }
        let sum = ppm.reduce(UInt64(0), +)
        guard sum != TrustScoring.ppmOne else { return nil }
        return "probabilities sum to \(probability(sum)), not 1 (in ppm: \(sum) instead of 1000000)"
    }
}
