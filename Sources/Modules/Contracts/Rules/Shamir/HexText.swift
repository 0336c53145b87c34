/// Lowercase hexadecimal rendering of byte strings, as ssss prints them.
enum HexText {
    private static let alphabet = Array("0123456789abcdef".utf8)

    /// Two lowercase digits per byte, most significant nibble first.
    static func lowercase(_ bytes: [UInt8]) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            digits.append(alphabet[Int(byte >> 4)])
            digits.append(alphabet[Int(byte & 0xF)])
        }
        return String(decoding: digits, as: UTF8.self)
    }
}
