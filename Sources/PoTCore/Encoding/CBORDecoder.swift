extension CBOR {
    /// Decodes exactly one data item that must span all of `bytes`.
    ///
    /// Strict: accepts only the deterministic encoding that `encoded()` produces, so every
    /// accepted input re-encodes to itself. Iterative (no recursion), and every declared
    /// length is checked against `limits` and the remaining input before anything is allocated.
    public static func decode(_ bytes: [UInt8], limits: CBORLimits = .default) throws -> CBOR {
        var decoder = CBORDecoder(bytes: bytes, limits: limits)
        return try decoder.decodeTop()
    }
}

/// One open array or map while decoding.
private struct CBORFrame {
    var isMap: Bool
    /// Items (array) or entries (map) still to read.
    var remaining: Int
    var items: [CBOR] = []
    var entries: [UInt64: CBOR] = [:]
    /// Map only: the key whose value is being read, if any.
    var pendingKey: UInt64? = nil
    /// Map only: the last key read, to enforce strictly ascending order.
    var lastKey: UInt64? = nil
}

private struct CBORDecoder {
    let bytes: [UInt8]
    let limits: CBORLimits
    var pos = 0

    init(bytes: [UInt8], limits: CBORLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    private func fail(_ kind: CBORError.Kind, at offset: Int, _ detail: String) -> CBORError {
        CBORError(kind: kind, offset: offset, detail: detail)
    }

    mutating func decodeTop() throws -> CBOR {
        var stack: [CBORFrame] = []
        stack.reserveCapacity(min(max(limits.maxDepth, 0), 32))

        while true {
            // A map whose next entry starts here: read its key.
            let top = stack.count - 1
            if top >= 0 && stack[top].isMap && stack[top].pendingKey == nil {
                let start = pos
                let (major, key) = try readHead()
                guard major == 0 else {
                    throw fail(.mapKeyNotUnsigned, at: start, "map key is a \(Self.majorName(major)), not an unsigned integer")
                }
                if let last = stack[top].lastKey, key <= last {
                    throw fail(.mapKeysNotAscending, at: start,
                               key == last ? "duplicate map key \(key)" : "map key \(key) follows larger key \(last)")
                }
                stack[top].pendingKey = key
                stack[top].lastKey = key
            }

            let start = pos
            let (major, argument) = try readHead()
            var value: CBOR
            switch major {
            case 0:
                value = .unsigned(argument)
            case 1:
                value = .negative(argument)
            case 2:
                let n = try length(argument, at: start, minBytesPerItem: 1, what: "byte string")
                value = .bytes(Array(bytes[pos ..< pos + n]))
                pos += n
            case 3:
                let n = try length(argument, at: start, minBytesPerItem: 1, what: "text string")
                if let bad = Self.firstInvalidUTF8(bytes, from: pos, to: pos + n) {
                    throw fail(.invalidUTF8, at: bad, "text string is not valid UTF-8")
                }
                value = .text(String(decoding: bytes[pos ..< pos + n], as: UTF8.self))
                pos += n
            default: // 4 or 5: readHead rejects everything else
                let isMap = major == 5
                let n = try length(argument, at: start, minBytesPerItem: isMap ? 2 : 1, what: isMap ? "map" : "array")
                guard stack.count < limits.maxDepth else {
                    throw fail(.tooDeep, at: start, "arrays and maps nested deeper than \(limits.maxDepth)")
                }
                if n > 0 {
                    var frame = CBORFrame(isMap: isMap, remaining: n)
                    // n is bounded by the remaining input; still, let large containers grow as they fill.
                    if isMap { frame.entries.reserveCapacity(min(n, 1024)) } else { frame.items.reserveCapacity(min(n, 1024)) }
                    stack.append(frame)
                    continue
                }
                value = isMap ? .map([:]) : .array([])
            }

            // Attach the finished value to its parent, closing every container it completes.
            while true {
                let t = stack.count - 1
                if t < 0 {
                    guard pos == bytes.count else {
                        throw fail(.trailingBytes, at: pos, "\(bytes.count - pos) bytes after the end of the top-level item")
                    }
                    return value
                }
                if stack[t].isMap {
                    stack[t].entries[stack[t].pendingKey!] = value
                    stack[t].pendingKey = nil
                } else {
                    stack[t].items.append(value)
                }
                stack[t].remaining -= 1
                if stack[t].remaining > 0 { break }
                let done = stack.removeLast()
                value = done.isMap ? .map(done.entries) : .array(done.items)
            }
        }
    }

    /// Reads a head and returns (major type, argument). Rejects everything outside
    /// major types 0–5 with a definite, shortest-form argument.
    private mutating func readHead() throws -> (UInt8, UInt64) {
        let start = pos
        guard pos < bytes.count else {
            throw fail(.truncated, at: start, "unexpected end of input")
        }
        let initial = bytes[pos]
        let major = initial >> 5
        let info = initial & 0x1F
        pos += 1
        if major == 6 {
            throw fail(.unsupportedType, at: start, "tags (major type 6) are not supported")
        }
        if major == 7 {
            throw fail(.unsupportedType, at: start, "floats and simple values (major type 7, initial byte 0x\(Self.hex(initial))) are not supported")
        }
        if info < 24 {
            return (major, UInt64(info))
        }
        if info >= 28 && info <= 30 {
            throw fail(.unsupportedType, at: start, "reserved additional information \(info)")
        }
        if info == 31 {
            if major >= 2 {
                throw fail(.indefiniteLength, at: start, "indefinite-length \(Self.majorName(major)) is not allowed")
            }
            throw fail(.unsupportedType, at: start, "additional information 31 is not valid for an integer")
        }
        let size = 1 << Int(info - 24) // 1, 2, 4 or 8 bytes
        guard bytes.count - pos >= size else {
            throw fail(.truncated, at: start, "head needs \(size) more bytes, only \(bytes.count - pos) remain")
        }
        var v: UInt64 = 0
        for i in 0 ..< size {
            v = (v << 8) | UInt64(bytes[pos + i])
        }
        pos += size
        let minimum: UInt64 = size == 1 ? 24 : size == 2 ? 0x100 : size == 4 ? 0x1_0000 : 0x1_0000_0000
        guard v >= minimum else {
            let what = major <= 1 ? "integer" : "length"
            throw fail(.nonShortestForm, at: start, "\(what) \(v) not in shortest form (\(size)-byte argument)")
        }
        return (major, v)
    }

    /// Checks a declared length against the limits and the remaining input, before any allocation.
    private func length(_ declared: UInt64, at start: Int, minBytesPerItem: Int, what: String) throws -> Int {
        guard declared <= UInt64(clamping: limits.maxLength) else {
            throw fail(.tooLong, at: start, "\(what) declares length \(declared), limit is \(limits.maxLength)")
        }
        let remaining = bytes.count - pos
        guard declared <= UInt64(remaining / minBytesPerItem) else {
            throw fail(.truncated, at: start, "\(what) declares length \(declared), only \(remaining) bytes remain")
        }
        return Int(declared)
    }

    /// Offset of the first byte that breaks well-formed UTF-8 (RFC 3629) in bytes[from..<to], or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8], from: Int, to end: Int) -> Int? {
        var i = from
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let count: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF // allowed range of the second byte
            switch b0 {
            case 0xC2 ... 0xDF: count = 2
            case 0xE0: count = 3; lo = 0xA0          // no overlongs
            case 0xE1 ... 0xEC, 0xEE ... 0xEF: count = 3
            case 0xED: count = 3; hi = 0x9F          // no surrogates
            case 0xF0: count = 4; lo = 0x90          // no overlongs
            case 0xF1 ... 0xF3: count = 4
            case 0xF4: count = 4; hi = 0x8F          // nothing above U+10FFFF
            default: return i                        // 0x80...0xC1, 0xF5...0xFF
            }
            guard end - i >= count else { return i }
            let b1 = bytes[i + 1]
            guard b1 >= lo && b1 <= hi else { return i + 1 }
            for k in 2 ..< count where bytes[i + k] & 0xC0 != 0x80 {
                return i + k
            }
            i += count
        }
        return nil
    }

    static func majorName(_ major: UInt8) -> String {
        switch major {
        case 0: return "unsigned integer"
        case 1: return "negative integer"
        case 2: return "byte string"
        case 3: return "text string"
        case 4: return "array"
        case 5: return "map"
        case 6: return "tag"
        default: return "float or simple value"
        }
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }
}
