import Foundation
import PoTCore

/// How commands print documents.
public enum Format {
    /// Pretty, key-sorted JSON: what every `--json` prints.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension String {
    /// The text filled with spaces to `width` characters, on the right or on the left (tables).
    package func padded(_ width: Int, left: Bool = false) -> String {
        guard count < width else { return self }
        let fill = String(repeating: " ", count: width - count)
        return left ? fill + self : self + fill
    }
}
