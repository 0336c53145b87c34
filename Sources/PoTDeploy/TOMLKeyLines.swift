/// The line on which each key and table of a TOML document is defined, found by scanning the
/// source text (the parser keeps no positions for valid documents). Paths are dotted, with
/// elements of arrays of tables numbered from 1: `on_tip[2].env`. The document is expected to
/// have parsed already; the scan does not check syntax, except for `headerWithoutKey` and
/// `mismatchedBracket`, which are meant to be read before parsing.
struct TOMLKeyLines {
    private var lines: [String: Int] = [:]
    /// The line of the first table header whose first character is not a key's (`[[[a]]`, `[=]`):
    /// toml++, under TOMLKit, stops the process on an assertion there instead of reporting an error.
    private(set) var headerWithoutKey: Int?
    /// The line of the first value in which a `]` closes a `{` or a `}` closes a `[`: toml++
    /// asserts on `[1, }` too.
    private(set) var mismatchedBracket: Int?
    /// The first unquoted value that begins like a number but is not a plain one (a date such as
    /// `1979-05-27`, or `0;50-50`), and its line: no key of pot-deploy.toml takes a date, and
    /// toml++ stops the process on an assertion for some malformed ones.
    private(set) var unsupportedBareValue: (text: String, line: Int)?

    init(source: String) {
        var scanner = Scanner(bytes: Array(source.utf8))
        var found: [String: Int] = [:]
        scanner.run { path, line in
            if found[path] == nil { found[path] = line }
        }
        lines = found
        headerWithoutKey = scanner.headerWithoutKey
        mismatchedBracket = scanner.mismatchedBracket
        unsupportedBareValue = scanner.unsupportedBareValue
    }

    /// The line of `path`, or of the nearest enclosing key or table that has one.
    func line(of path: String) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            path = String(path[..<cut])
        }
        return nil
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        var arrayCounts: [String: Int] = [:]
        var headerWithoutKey: Int?
        var mismatchedBracket: Int?
        var unsupportedBareValue: (text: String, line: Int)?

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        }

        var atEnd: Bool { i >= bytes.count }
        var current: UInt8 { bytes[i] }
        func peek(_ offset: Int) -> UInt8? { i + offset < bytes.count ? bytes[i + offset] : nil }

        mutating func run(_ record: (String, Int) -> Void) {
            var table = ""
            while !atEnd {
                skipBlanks()
                guard !atEnd else { break }
                switch current {
                case UInt8(ascii: "\n"):
                    line += 1
                    i += 1
                case UInt8(ascii: "#"):
                    skipComment()
                case UInt8(ascii: "["):
                    let isArray = peek(1) == UInt8(ascii: "[")
                    i += isArray ? 2 : 1
                    // The parser skips spaces and tabs only (a carriage return is not one).
                    var k = i
                    while k < bytes.count, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") { k += 1 }
                    if headerWithoutKey == nil, k < bytes.count, !Self.isBare(bytes[k]),
                       ![UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]")].contains(bytes[k]) {
                        headerWithoutKey = line
                    }
                    let keys = readKey()
                    table = resolve(keys, arrayElement: isArray)
                    record(table, line)
                    skipRestOfLine()
                default:
                    let keyLine = line
                    let keys = readKey()
                    guard !keys.isEmpty else { skipRestOfLine(); continue }
                    var path = table
                    for key in keys {
                        path = path.isEmpty ? key : path + "." + key
                        record(path, keyLine)
                    }
                    skipBlanks()
                    if !atEnd, current == UInt8(ascii: "=") { i += 1 }
                    skipValue()
                }
            }
        }

        /// The path of a table header: names of arrays of tables get the index of their last element.
        mutating func resolve(_ keys: [String], arrayElement: Bool) -> String {
            var path = ""
            for (n, key) in keys.enumerated() {
                path = path.isEmpty ? key : path + "." + key
                if n == keys.count - 1 && arrayElement {
                    let count = (arrayCounts[path] ?? 0) + 1
                    arrayCounts[path] = count
                    path += "[\(count)]"
                } else if let count = arrayCounts[path] {
                    path += "[\(count)]"
                }
            }
            return path
        }

        mutating func skipBlanks() {
            while !atEnd, current == UInt8(ascii: " ") || current == UInt8(ascii: "\t") || current == UInt8(ascii: "\r") { i += 1 }
        }

        mutating func skipComment() {
            while !atEnd, current != UInt8(ascii: "\n") { i += 1 }
        }

        /// Skips to the end of the line, leaving the newline for the caller. Quotes in a comment
        /// are the comment's text, not the start of a string.
        mutating func skipRestOfLine() {
            while !atEnd, current != UInt8(ascii: "\n") {
                if current == UInt8(ascii: "#") {
                    skipComment()
                } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                    skipString()
                } else {
                    i += 1
                }
            }
        }

        /// A dotted key: bare and quoted parts separated by dots.
        mutating func readKey() -> [String] {
            var parts: [String] = []
            while true {
                skipBlanks()
                guard !atEnd else { return parts }
                let start = i
                if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                    let quote = current
                    i += 1
                    var text: [UInt8] = []
                    while !atEnd, current != quote, current != UInt8(ascii: "\n") {
                        if quote == UInt8(ascii: "\""), current == UInt8(ascii: "\\"), let next = peek(1) {
                            text.append(next)
                            i += 2
                        } else {
                            text.append(current)
                            i += 1
                        }
                    }
                    if !atEnd, current == quote { i += 1 }
                    parts.append(String(decoding: text, as: UTF8.self))
                } else {
                    while !atEnd, Self.isBare(current) { i += 1 }
                    guard i > start else { return parts }
                    parts.append(String(decoding: bytes[start..<i], as: UTF8.self))
                }
                skipBlanks()
                guard !atEnd, current == UInt8(ascii: ".") else { return parts }
                i += 1
            }
        }

        static func isBare(_ c: UInt8) -> Bool {
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
        }

        /// Skips a value, which may span lines inside arrays and multi-line strings.
        mutating func skipValue() {
            var depth = 0
            var open: [UInt8] = []
            // Whether a value may begin here: at the start, after `=`, and after `[` or `,` in an
            // array, with blanks, newlines and comments in between.
            var valueStart = true
            while !atEnd {
                let c = current
                switch c {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString()
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    open.append(current)
                    i += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if let last = open.popLast(), (last == UInt8(ascii: "[")) != (current == UInt8(ascii: "]")), mismatchedBracket == nil {
                        mismatchedBracket = line
                    }
                    depth -= 1
                    i += 1
                case UInt8(ascii: "#"):
                    skipComment()
                case UInt8(ascii: "\n"):
                    if depth <= 0 { return }
                    line += 1
                    i += 1
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                    if valueStart { checkBareNumber() } else { i += 1 }
                default:
                    i += 1
                }
                // In an inline table a key follows `,` and `{`; in an array, a value.
                valueStart = c == UInt8(ascii: "=") || ((c == UInt8(ascii: "[") || c == UInt8(ascii: ",")) && open.last == UInt8(ascii: "["))
                    || ((c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n")
                         || c == UInt8(ascii: "#")) && valueStart)
            }
        }

        /// Reads an unquoted value that begins like a number and notes it unless it is a plain
        /// integer or float (digits with `_`, a fraction, an exponent; or hex, octal, binary).
        mutating func checkBareNumber() {
            let start = i
            let terminators: Set<UInt8> = Set(" \t\r\n,]}#".utf8)
            while !atEnd, !terminators.contains(current) { i += 1 }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            if unsupportedBareValue == nil, !Self.isPlainNumber(text) { unsupportedBareValue = (text, line) }
        }

        static func isPlainNumber(_ text: String) -> Bool {
            var body = Substring(text)
            if body.first == "+" || body.first == "-" { body = body.dropFirst() }
            if body == "inf" || body == "nan" { return true }
            func all(_ s: Substring, _ allowed: String) -> Bool { !s.isEmpty && s.allSatisfy { allowed.contains($0) } }
            for (prefix, digits) in [("0x", "0123456789abcdefABCDEF_"), ("0o", "01234567_"), ("0b", "01_")] where body.hasPrefix(prefix) {
                return text.first != "+" && text.first != "-" && all(body.dropFirst(2), digits)
            }
            let decimal = "0123456789_"
            var mantissa = body
            if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                var exponent = body[body.index(after: e)...]
                if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
                guard all(exponent, decimal) else { return false }
                mantissa = body[..<e]
            }
            let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count <= 2 && parts.allSatisfy { all($0, decimal) }
        }

        /// Skips a basic, literal or multi-line string, counting the lines inside it.
        mutating func skipString() {
            let quote = current
            let escapes = quote == UInt8(ascii: "\"")
            let multiline = peek(1) == quote && peek(2) == quote
            i += multiline ? 3 : 1
            while !atEnd {
                let c = current
                if escapes && c == UInt8(ascii: "\\") {
                    if peek(1) == UInt8(ascii: "\n") { line += 1 }
                    i += 2
                    continue
                }
                if c == UInt8(ascii: "\n") {
                    if !multiline { return }
                    line += 1
                }
                if c == quote {
                    if !multiline { i += 1; return }
                    if peek(1) == quote && peek(2) == quote {
                        i += 3
                        // Up to two more quotes may end a multi-line string ("""a"""" is a + ").
                        while !atEnd, current == quote { i += 1 }
                        return
                    }
                }
                i += 1
            }
        }
    }
}
