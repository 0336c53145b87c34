/// One share: the polynomial's value at x = `index`.
///
/// The text form is ssss's: `[token-]IDX-HEX`, where IDX is decimal (zero
/// padded to the width of the share count when ssss-split prints it) and HEX
/// is the value in lowercase, two digits per byte.
public struct ShamirShare: Hashable, Sendable, CustomStringConvertible {
    /// The x coordinate, 1 for the first share. ssss reads indices with C's
    /// `atoi`, so a parsed index is any 32-bit `int` except 0; a negative one
    /// stands for the field element 2^64 + index, as in ssss.
    public var index: Int
    /// The y coordinate: `securityBits / 8` bytes, big-endian.
    public var value: [UInt8]
    /// Optional name printed before the index (ssss-split's `-w`).
    public var token: String?

    /// A share with the given coordinates.
    public init(index: Int, value: [UInt8], token: String? = nil) {
        self.index = index
        self.value = value
        self.token = token
    }

    /// The security level implied by the value's length.
    public var securityBits: Int { value.count * 8 }

    /// The width ssss-split pads indices to: the number of decimal digits of `count`.
    public static func indexWidth(forCount count: Int) -> Int {
        var width = 1
        var rest = count
        while rest >= 10 {
            rest /= 10
            width += 1
        }
        return width
    }

    /// The share as ssss-split prints it (without the newline), with the index
    /// zero padded to `indexWidth` digits like C's `%0*d`.
    public func formatted(indexWidth: Int = 1) -> String {
        var text = ""
        if let token { text += token + "-" }
        let digits = String(index.magnitude)
        let signWidth = index < 0 ? 1 : 0
        if index < 0 { text += "-" }
        text += String(repeating: "0", count: max(0, indexWidth - signWidth - digits.count))
        text += digits + "-"
        text += HexText.lowercase(value)
        return text
    }

    /// The share in ssss's text form with an unpadded index.
    public var description: String { formatted() }

    /// The index as a field element, as ssss converts it (`mpz_set_ui` of an `int`).
    var fieldIndex: GF2Polynomial {
        GF2Polynomial(UInt64(truncatingIfNeeded: index))
    }
}
