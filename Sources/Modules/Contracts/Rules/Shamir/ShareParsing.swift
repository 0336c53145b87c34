extension ShamirShare {
    /// Parses one line the way `ssss-combine` reads a share.
    ///
    /// The line is cut at the first NUL, CR or LF. Up to the first `-` is the
    /// index, unless a second `-` follows: then the text before the first `-`
    /// is the token and the text between the two is the index. Everything after
    /// is the hex value; its digit count fixes the security level (4 bits per
    /// digit). Index and value are read as leniently as ssss reads them (C
    /// `atoi`; GMP hex syntax, which skips blanks). Errors come in ssss's order.
    ///
    /// - Parameters:
    ///   - line: the share text.
    ///   - expectedSecurityBits: the level of shares read before this one, if
    ///     any; a share of another size is rejected.
    /// - Throws: ``ShamirError/missingSeparator(line:)``,
    ///   ``ShamirError/illegalShareLength(hexDigits:)``,
    ///   ``ShamirError/inconsistentLengths(expectedBits:foundBits:)``,
    ///   ``ShamirError/invalidShareIndex(_:)``,
    ///   ``ShamirError/indexOutOfRange(index:securityBits:)`` or
    ///   ``ShamirError/invalidShareHex(_:)``.
    public init(parsing line: some StringProtocol, expectedSecurityBits: Int? = nil) throws(ShamirError) {
        try self.init(parsingBytes: Array(line.utf8), expectedSecurityBits: expectedSecurityBits)
    }

    /// Byte-level variant of ``init(parsing:expectedSecurityBits:)`` for input
    /// that need not be valid UTF-8.
    public init(parsingBytes line: [UInt8], expectedSecurityBits: Int? = nil) throws(ShamirError) {
        let text = CStyleInput.cString(line)
        let dash = UInt8(ascii: "-")
        guard let firstDash = text.firstIndex(of: dash) else {
            throw .missingSeparator(line: String(decoding: text, as: UTF8.self))
        }
        let afterFirst = text[(firstDash + 1)...]
        let token: ArraySlice<UInt8>?
        let indexText: ArraySlice<UInt8>
        let hexText: ArraySlice<UInt8>
        if let secondDash = afterFirst.firstIndex(of: dash) {
            token = text[..<firstDash]
            indexText = text[(firstDash + 1)..<secondDash]
            hexText = text[(secondDash + 1)...]
        } else {
            token = nil
            indexText = text[..<firstDash]
            hexText = afterFirst
        }

        let bits = 4 * hexText.count
        if let expected = expectedSecurityBits, bits != expected {
            throw .inconsistentLengths(expectedBits: expected, foundBits: bits)
        }
        guard BinaryField.isValidSize(bits) else {
            throw .illegalShareLength(hexDigits: hexText.count)
        }

        let index = CStyleInput.atoi(indexText)
        guard index != 0 else {
            throw .invalidShareIndex(String(decoding: indexText, as: UTF8.self))
        }
        if bits < 64 && UInt64(truncatingIfNeeded: index) >> UInt64(bits) != 0 {
            throw .indexOutOfRange(index: index, securityBits: bits)
        }

        guard let digits = CStyleInput.parseHex(hexText) else {
            throw .invalidShareHex(String(decoding: hexText, as: UTF8.self))
        }
        self.init(
            index: index,
            value: CStyleInput.bytes(fromHexDigits: digits, count: bits / 8),
            token: token.map { String(decoding: $0, as: UTF8.self) }
        )
    }
}
