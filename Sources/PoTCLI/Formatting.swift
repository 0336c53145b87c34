import Foundation
import PoTCore

enum Format {
    /// 12000 → "12 000"
    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(" ") }
            out.append(d)
        }
        return out
    }

    static func signedGrouped(_ value: Int64) -> String {
        value < 0 ? "-" + grouped(value.magnitude) : "+" + grouped(UInt64(value))
    }

    /// A weight in mT·ppm shown in mT: 12000000000 → "12 000", 7250500000 → "7 250.5"
    static func weight(_ w: UInt128) -> String {
        let whole = UInt64(w / 1_000_000), frac = UInt64(w % 1_000_000)
        guard frac > 0 else { return grouped(whole) }
        var f = String(frac)
        f = String(repeating: "0", count: 6 - f.count) + f
        while f.hasSuffix("0") { f.removeLast() }
        return grouped(whole) + "." + f
    }

    /// 900000 ppm → "0.90", 123456 → "0.123456", 1000000 → "1.00"
    static func probability(_ ppm: UInt64) -> String {
        var f = String(ppm % 1_000_000)
        f = String(repeating: "0", count: 6 - f.count) + f
        while f.count > 2, f.hasSuffix("0") { f.removeLast() }
        return "\(ppm / 1_000_000).\(f)"
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
