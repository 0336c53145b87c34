import PoTCore

/// How numbers, times and keys are shown on pages (the same forms `pot` prints).
enum Display {
    /// 12000 → "12 000"
    static func grouped<T: BinaryInteger>(_ value: T) -> String {
        let digits = Array(String(value.magnitude))
        var out = value < 0 ? "-" : ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(" ") }
            out.append(d)
        }
        return out
    }

    /// A change in mT with its sign: "+405", "-1 792", "0".
    static func signed(_ value: Int64) -> String { value > 0 ? "+" + grouped(value) : grouped(value) }

    /// A weight in mT·ppm shown in mT: 12000000000 → "12 000", 7250500000 → "7 250.5".
    static func weight(_ w: UInt128) -> String {
        let whole = UInt64(w / 1_000_000), fraction = UInt64(w % 1_000_000)
        guard fraction > 0 else { return grouped(whole) }
        var f = String(fraction)
        f = String(repeating: "0", count: 6 - f.count) + f
        while f.hasSuffix("0") { f.removeLast() }
        return grouped(whole) + "." + f
    }

    /// 900000 ppm → "0.90", 123456 → "0.123456", 1000000 → "1.00".
    static func probability(_ ppm: UInt64) -> String {
        var f = String(ppm % 1_000_000)
        f = String(repeating: "0", count: 6 - f.count) + f
        while f.count > 2, f.hasSuffix("0") { f.removeLast() }
        return "\(ppm / 1_000_000).\(f)"
    }

    /// Nats × 10^18 with six decimals, as the JSON documents carry them.
    static func natsJSON(_ value: Int128, signed: Bool = true) -> String {
        TrustScoring.formatNats(value, digits: 6, signed: signed)
    }

    /// Unix seconds as "2023-11-14 22:13:21 UTC".
    static func time<T: BinaryInteger>(_ seconds: T) -> String {
        let s = Int64(seconds)
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let rest = s - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60)) UTC"
    }

    /// A public key by its label, else its first 8 hex digits.
    static func account(_ key: PublicKey, _ names: [PublicKey: String]) -> String { names[key] ?? key.short }
}
