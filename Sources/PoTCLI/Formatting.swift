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
