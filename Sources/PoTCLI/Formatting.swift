import Foundation
import PoTCore

enum Format {
    /// A change in mT with its sign, "+0" included: "+405", "-1 792".
    static func signedGrouped(_ value: Int64) -> String { value < 0 ? Figures.grouped(value) : "+" + Figures.grouped(value) }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
