/// Finds NUL characters in a TOML document: written as such anywhere, or escaped as `\u0000` or
/// `\U00000000` in a basic string or quoted key. TOMLKit passes the document to the parser, and
/// keys and strings back to Swift, as C strings, which end at a NUL: the rest of the document
/// would be ignored, a `run` line would lose its tail, and a key could be read as another. The
/// loader refuses them instead. Comments and literal strings have no escapes and are skipped.
///
/// The same walk finds the first character beyond ASCII outside strings and comments: TOML
/// allows none there, and toml++ stops the process on an assertion for some (U+0085 in an array).
enum TOMLNulCharacters {
    /// The 1-based line of the first NUL, and of the first non-ASCII character outside strings
    /// and comments (after a leading byte order mark). The walk stops at the first NUL.
    static func scan(_ source: String) -> (nul: Int?, nonASCII: Int?) {
        let bytes = Array(source.utf8)
        if let nul = bytes.firstIndex(of: 0) {
            return (1 + bytes[..<nul].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }, nil)
        }
        let backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        let basic = UInt8(ascii: "\""), literal = UInt8(ascii: "'")
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, line = 1
        var nonASCII: Int?
        func at(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }
        while i < bytes.count {
            let c = bytes[i]
            if c == newline { line += 1; i += 1; continue }
            if c == UInt8(ascii: "#") {
                while i < bytes.count, bytes[i] != newline { i += 1 }
                continue
            }
            guard c == basic || c == literal else {
                if c >= 0x80, nonASCII == nil { nonASCII = line }
                i += 1
                continue
            }
            let multiline = at(i + 1) == c && at(i + 2) == c
            i += multiline ? 3 : 1
            while i < bytes.count {
                let d = bytes[i]
                if d == newline {
                    if !multiline { break } // an unclosed string: the newline is counted below
                    line += 1
                } else if c == basic && d == backslash {
                    if isNul(bytes, escapeAt: i) { return (line, nonASCII) }
                    if at(i + 1) == newline { line += 1 }
                    i += 2
                    continue
                } else if d == c {
                    if !multiline { i += 1; break }
                    if at(i + 1) == c && at(i + 2) == c {
                        i += 3
                        while i < bytes.count, bytes[i] == c { i += 1 }
                        break
                    }
                }
                i += 1
            }
        }
        return (nil, nonASCII)
    }

    /// Whether the escape starting with the backslash at `i` is `\u0000` or `\U00000000`.
    private static func isNul(_ bytes: [UInt8], escapeAt i: Int) -> Bool {
        guard i + 1 < bytes.count else { return false }
        let digits: Int
        switch bytes[i + 1] {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: return false
        }
        guard i + 1 + digits < bytes.count else { return false }
        return bytes[(i + 2)...(i + 1 + digits)].allSatisfy { $0 == UInt8(ascii: "0") }
    }
}
