import PoTCore

/// How numbers, times and keys are shown on pages (the same forms `pot` prints).
package enum Display {
    /// Nats × 10^18 with six decimals, as the JSON documents carry them.
    package static func natsJSON(_ value: Int128, signed: Bool = true) -> String {
        TrustScoring.formatNats(value, digits: 6, signed: signed)
    }

    /// Unix seconds as "2023-11-14 22:13:21 UTC".
    package static func time<T: BinaryInteger>(_ seconds: T) -> String {
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
    package static func account(_ key: PublicKey, _ names: [PublicKey: String]) -> String { names[key] ?? key.short }
}
