/// The finite field GF(2^bits) exactly as ssss defines it: polynomials over
/// GF(2) of degree below `bits`, reduced modulo ssss's pentanomial for that size.
///
/// Elements are ``GF2Polynomial`` values whose ``GF2Polynomial/bitLength``
/// does not exceed ``bits``.
public struct BinaryField: Sendable, Equatable {
    /// Smallest field size ssss accepts.
    public static let minimumBits = 8
    /// Largest field size ssss accepts.
    public static let maximumBits = 1024

    /// The field size d (the security level in bits).
    public let bits: Int
    /// The reduction polynomial, of degree ``bits``.
    public let modulus: GF2Polynomial

    private let middleExponents: (Int, Int, Int)
    private let activeLimbs: Int

    /// Whether ssss accepts `bits` as a security level: a multiple of 8 in 8...1024.
    public static func isValidSize(_ bits: Int) -> Bool {
        bits >= minimumBits && bits <= maximumBits && bits % 8 == 0
    }

    /// The field GF(2^bits).
    ///
    /// - Throws: ``ShamirError/invalidSecurityLevel(_:)`` unless `bits` is a multiple of 8 in 8...1024.
    public init(bits: Int) throws(ShamirError) {
        guard Self.isValidSize(bits) else { throw .invalidSecurityLevel(bits) }
        self.bits = bits
        self.modulus = IrreduciblePolynomials.modulus(bits: bits)
        self.middleExponents = IrreduciblePolynomials.middleExponents[bits / 8 - 1]
        self.activeLimbs = bits / 64 + 1
    }

    /// Fields are equal when their sizes are (the modulus follows from the size).
    public static func == (lhs: BinaryField, rhs: BinaryField) -> Bool {
        lhs.bits == rhs.bits
    }

    /// Whether `value` is a reduced element of this field.
    public func contains(_ value: GF2Polynomial) -> Bool {
        value.bitLength <= bits
    }

    /// Field addition (exclusive or); it is also subtraction.
    public func add(_ lhs: GF2Polynomial, _ rhs: GF2Polynomial) -> GF2Polynomial {
        lhs ^ rhs
    }

    /// Field multiplication: the carry-less product reduced modulo ``modulus``.
    ///
    /// - Precondition: both operands are elements of the field.
    public func multiply(_ lhs: GF2Polynomial, _ rhs: GF2Polynomial) -> GF2Polynomial {
        precondition(contains(lhs) && contains(rhs), "operand outside GF(2^\(bits))")
        var product = GF2Polynomial()
        var power = lhs
        let (a, b, c) = middleExponents
        for i in 0..<bits {
            if rhs[bit: i] { product.formXor(power, activeLimbs: activeLimbs) }
            power.shiftLeftOne(activeLimbs: activeLimbs)
            if power[bit: bits] {
                power[bit: bits] = false
                power[bit: a].toggle()
                power[bit: b].toggle()
                power[bit: c].toggle()
                power[bit: 0].toggle()
            }
        }
        return product
    }

    /// The multiplicative inverse, found with the extended Euclidean algorithm
    /// over GF(2)[x] against the modulus.
    ///
    /// - Precondition: `value` is a nonzero element of the field.
    public func inverse(_ value: GF2Polynomial) -> GF2Polynomial {
        precondition(contains(value) && !value.isZero, "zero has no inverse")
        let one = GF2Polynomial(1)
        var u = value, v = modulus
        var inverse = one, other = GF2Polynomial()
        while u != one {
            var shift = u.bitLength - v.bitLength
            if shift < 0 {
                swap(&u, &v)
                swap(&inverse, &other)
                shift = -shift
            }
            u ^= v.shiftedLeft(by: shift)
            inverse ^= other.shiftedLeft(by: shift)
        }
        return inverse
    }

    /// `lhs` divided by `rhs`.
    public func divide(_ lhs: GF2Polynomial, by rhs: GF2Polynomial) -> GF2Polynomial {
        multiply(lhs, inverse(rhs))
    }

    /// `base` raised to a non-negative integer power.
    public func power(_ base: GF2Polynomial, _ exponent: Int) -> GF2Polynomial {
        precondition(exponent >= 0)
        var result = GF2Polynomial(1)
        var square = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = multiply(result, square) }
            remaining >>= 1
            if remaining > 0 { square = multiply(square, square) }
        }
        return result
    }
}
