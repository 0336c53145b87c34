import Foundation

/// The limits a schema of the OpenAPI document puts on one value (pattern, lengths, integer
/// range), checked by the server itself: the document and the server read the same limits, so a
/// value the document admits is never refused as malformed, and one it excludes always is.
struct SchemaConstraints: @unchecked Sendable {
    let pattern: String?
    /// `pattern`, compiled once (an NSRegularExpression is immutable, so sharing it is safe).
    private let regex: NSRegularExpression?
    let minLength: Int?
    let maxLength: Int?
    let minimum: Int?
    let maximum: Int?
    let isInteger: Bool

    init(_ schema: JSONValue) {
        guard case .object(let fields) = schema else {
            self.init(pattern: nil, minLength: nil, maxLength: nil, minimum: nil, maximum: nil, isInteger: false)
            return
        }
        func int(_ key: String) -> Int? { if case .integer(let i)? = fields[key] { return i } else { return nil } }
        var pattern: String?
        if case .string(let p)? = fields["pattern"] { pattern = p }
        self.init(pattern: pattern, minLength: int("minLength"), maxLength: int("maxLength"), minimum: int("minimum"),
                  maximum: int("maximum"), isInteger: fields["type"] == "integer")
    }

    private init(pattern: String?, minLength: Int?, maxLength: Int?, minimum: Int?, maximum: Int?, isInteger: Bool) {
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.minimum = minimum
        self.maximum = maximum
        self.isInteger = isInteger
        regex = pattern.flatMap { try? NSRegularExpression(pattern: $0) }
    }

    /// Why `text` (a path or query value as sent) breaks these limits, or nil when it keeps them.
    func violation(_ text: String) -> String? {
        if isInteger {
            let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return "expected a whole number" }
            guard let value = Int(text) else { return "the number is out of range" }
            if let minimum, value < minimum { return "expected at least \(minimum)" }
            if let maximum, value > maximum { return "expected at most \(maximum)" }
            return nil
        }
        // JSON Schema counts lengths in code points.
        let length = text.unicodeScalars.count
        if let minLength, length < minLength { return "expected at least \(minLength) character(s)" }
        if let maxLength, length > maxLength { return "expected at most \(maxLength) characters, got \(length)" }
        // JSON Schema patterns are not anchored: a match anywhere will do.
        if let pattern, regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
            return "expected text matching \(pattern)"
        }
        return nil
    }
}
