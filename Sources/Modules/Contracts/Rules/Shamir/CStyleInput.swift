/// Helpers that read text the way ssss's C code does (fgets, atoi and GMP's
/// mpz_set_str), so edge cases are accepted or rejected identically.
enum CStyleInput {
    /// ssss's line buffer size; `fgets` stores at most one byte less.
    static let lineBufferSize = 128 + 1 + 10 + 1 + 1024 / 4 + 10

    /// `isspace` in the C locale.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// The C string a line buffer holds after ssss strips the line ending:
    /// everything before the first NUL, CR or LF.
    static func cString(_ line: some Collection<UInt8>) -> [UInt8] {
        Array(line.prefix { $0 != 0 && $0 != 0x0D && $0 != 0x0A })
    }

    /// glibc `atoi`: optional blanks and sign, then decimal digits up to the
    /// first non-digit; the value saturates like `strtol` and is then
    /// truncated to a 32-bit `int`.
    static func atoi(_ text: some Collection<UInt8>) -> Int {
        var bytes = text.makeIterator()
        var current = bytes.next()
        while let byte = current, isSpace(byte) { current = bytes.next() }
        var negative = false
        if let sign = current, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            current = bytes.next()
        }
        var magnitude: UInt64 = 0
        var overflow = false
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            if o1 || o2 || sum > UInt64(Int64.max) + 1 { overflow = true } else { magnitude = sum }
            current = bytes.next()
        }
        let long: Int64
        if negative {
            long = overflow || magnitude > UInt64(Int64.max) ? Int64.min : -Int64(magnitude)
        } else {
            long = overflow || magnitude > UInt64(Int64.max) ? Int64.max : Int64(magnitude)
        }
        return Int(Int32(truncatingIfNeeded: long))
    }

    /// GMP's `mpz_set_str(x, text, 16)` followed by ssss's "not negative" test.
    /// Blanks are skipped anywhere after the first digit, a leading `-` is
    /// only accepted for zero. Returns the hex digit values, most significant
    /// first, or nil for invalid syntax.
    static func parseHex(_ text: some Collection<UInt8>) -> [UInt8]? {
        var iterator = text.makeIterator()
        var current = iterator.next()
        while let byte = current, isSpace(byte) { current = iterator.next() }
        var negative = false
        if current == UInt8(ascii: "-") {
            negative = true
            current = iterator.next()
        }
        guard let first = current, hexValue(first) != nil else { return nil }
        var digits: [UInt8] = []
        while let byte = current {
            if !isSpace(byte) {
                guard let value = hexValue(byte) else { return nil }
                if !(digits.isEmpty && value == 0) { digits.append(value) }
            }
            current = iterator.next()
        }
        if negative && !digits.isEmpty { return nil }
        return digits
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Packs hex digit values (most significant first) into `count` big-endian bytes.
    ///
    /// - Precondition: the digits fit in `count` bytes.
    static func bytes(fromHexDigits digits: [UInt8], count: Int) -> [UInt8] {
        precondition(digits.count <= 2 * count)
        var bytes = [UInt8](repeating: 0, count: count)
        for (offset, digit) in digits.reversed().enumerated() {
            bytes[count - 1 - offset / 2] |= offset % 2 == 0 ? digit : digit << 4
        }
        return bytes
    }
}
