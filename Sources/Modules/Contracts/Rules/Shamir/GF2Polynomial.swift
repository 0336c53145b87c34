/// A polynomial over GF(2) with at most ``GF2Polynomial/capacity`` coefficients,
/// stored as a fixed-width bit vector (bit `i` is the coefficient of `x^i`).
///
/// The width covers every field element of GF(2^1024) plus the degree-1024
/// reduction polynomial, which is all the arithmetic of this package needs.
/// Values live inline (no heap allocation), so copies are cheap.
public struct GF2Polynomial: Sendable {
    /// Number of 64-bit limbs in the fixed-width storage.
    public static let limbCount = 17
    /// Number of coefficients (bits) a value can hold.
    public static let capacity = limbCount * 64

    var limbs: InlineArray<17, UInt64>

    /// The zero polynomial.
    public init() {
        limbs = InlineArray(repeating: 0)
    }

    /// A polynomial whose coefficients are the bits of `value`.
    public init(_ value: UInt64) {
        self.init()
        limbs[0] = value
    }

    /// Interprets `bytes` as a big-endian number (first byte most significant).
    ///
    /// - Precondition: the value fits in ``capacity`` bits.
    public init(bigEndianBytes bytes: some Collection<UInt8>) {
        self.init()
        var bitOffset = 0
        for byte in bytes.reversed() {
            if byte != 0 {
                precondition(bitOffset + 8 <= Self.capacity, "value wider than GF2Polynomial.capacity")
                limbs[bitOffset >> 6] |= UInt64(byte) << UInt64(bitOffset & 63)
            }
            bitOffset += 8
        }
    }

    /// The low `count` bytes of the value, big-endian (most significant first).
    public func bigEndianBytes(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        for position in 0..<min(count, Self.capacity / 8) {
            let bitOffset = position * 8
            bytes[count - 1 - position] = UInt8(truncatingIfNeeded: limbs[bitOffset >> 6] >> UInt64(bitOffset & 63))
        }
        return bytes
    }

    /// True when every coefficient is zero.
    public var isZero: Bool {
        for i in 0..<Self.limbCount where limbs[i] != 0 { return false }
        return true
    }

    /// Number of bits needed to write the value: degree + 1, or 0 for the zero polynomial.
    public var bitLength: Int {
        var i = Self.limbCount - 1
        while i >= 0 {
            if limbs[i] != 0 { return i * 64 + 64 - limbs[i].leadingZeroBitCount }
            i -= 1
        }
        return 0
    }

    /// The coefficient of `x^index`.
    public subscript(bit index: Int) -> Bool {
        get { limbs[index >> 6] >> UInt64(index & 63) & 1 == 1 }
        set {
            let mask: UInt64 = 1 << UInt64(index & 63)
            if newValue { limbs[index >> 6] |= mask } else { limbs[index >> 6] &= ~mask }
        }
    }

    /// Coefficient-wise sum (exclusive or).
    public static func ^ (lhs: GF2Polynomial, rhs: GF2Polynomial) -> GF2Polynomial {
        var result = lhs
        result ^= rhs
        return result
    }

    /// Adds `rhs` in place (exclusive or).
    public static func ^= (lhs: inout GF2Polynomial, rhs: GF2Polynomial) {
        for i in 0..<limbCount { lhs.limbs[i] ^= rhs.limbs[i] }
    }

    /// The product with `x^count`; coefficients pushed past ``capacity`` are dropped.
    public func shiftedLeft(by count: Int) -> GF2Polynomial {
        precondition(count >= 0)
        var result = GF2Polynomial()
        let limbShift = count >> 6
        let bitShift = UInt64(count & 63)
        var i = Self.limbCount - 1
        while i >= limbShift {
            var limb = limbs[i - limbShift] << bitShift
            if bitShift != 0 && i - limbShift > 0 {
                limb |= limbs[i - limbShift - 1] >> (64 - bitShift)
            }
            result.limbs[i] = limb
            i -= 1
        }
        return result
    }

    /// Multiplies by `x` in place, looking only at the lowest `activeLimbs` limbs.
    mutating func shiftLeftOne(activeLimbs: Int) {
        var carry: UInt64 = 0
        for i in 0..<activeLimbs {
            let limb = limbs[i]
            limbs[i] = limb << 1 | carry
            carry = limb >> 63
        }
    }

    /// Adds `other` in place, looking only at the lowest `activeLimbs` limbs.
    mutating func formXor(_ other: GF2Polynomial, activeLimbs: Int) {
        for i in 0..<activeLimbs { limbs[i] ^= other.limbs[i] }
    }
}

extension GF2Polynomial: Equatable, Hashable {
    public static func == (lhs: GF2Polynomial, rhs: GF2Polynomial) -> Bool {
        for i in 0..<limbCount where lhs.limbs[i] != rhs.limbs[i] { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        for i in 0..<Self.limbCount { hasher.combine(limbs[i]) }
    }
}

extension GF2Polynomial: CustomStringConvertible {
    /// Lowercase hexadecimal without leading zeros ("0" for zero).
    public var description: String {
        let digitCount = max(1, (bitLength + 3) / 4)
        return hexDigits(count: digitCount)
    }

    /// The low `count` hex digits, zero padded on the left, lowercase.
    public func hexDigits(count: Int) -> String {
        let alphabet = Array("0123456789abcdef".utf8)
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: count)
        for position in 0..<min(count, Self.capacity / 4) {
            let bitOffset = position * 4
            let nibble = Int(limbs[bitOffset >> 6] >> UInt64(bitOffset & 63) & 0xF)
            digits[count - 1 - position] = alphabet[nibble]
        }
        return String(decoding: digits, as: UTF8.self)
    }
}
