import Testing
import PoTContracts

@Suite("GF(2^d) arithmetic")
struct FieldTests {
    static let sizes = [8, 16, 24, 64, 72, 136, 512, 1024]

    private func randomElement(_ bits: Int, _ generator: inout SeededGenerator) -> GF2Polynomial {
        GF2Polynomial(bigEndianBytes: generator.bytes(bits / 8))
    }

    @Test("Only multiples of 8 in 8...1024 are fields", arguments: [0, 4, 7, 12, 1001, 1032, -8])
    func invalidSizes(_ bits: Int) {
        #expect(throws: ShamirError.invalidSecurityLevel(bits)) { try BinaryField(bits: bits) }
    }

    @Test("Every modulus is a pentanomial of degree d")
    func moduli() throws {
        for bits in stride(from: 8, through: 1024, by: 8) {
            let modulus = try BinaryField(bits: bits).modulus
            #expect(modulus.bitLength == bits + 1)
            #expect(modulus[bit: 0])
            let weight = (0...bits).filter { modulus[bit: $0] }.count
            #expect(weight == 5, "d = \(bits)")
        }
    }

    @Test("Ring laws and inverses", arguments: sizes)
    func ringLaws(_ bits: Int) throws {
        let field = try BinaryField(bits: bits)
        var generator = SeededGenerator(seed: UInt64(bits) &* 31)
        let one = GF2Polynomial(1)
        for _ in 0..<(bits >= 512 ? 3 : 12) {
            let a = randomElement(bits, &generator)
            let b = randomElement(bits, &generator)
            let c = randomElement(bits, &generator)
            #expect(field.multiply(a, b) == field.multiply(b, a))
            #expect(field.multiply(field.multiply(a, b), c) == field.multiply(a, field.multiply(b, c)))
            #expect(field.multiply(a, b ^ c) == field.multiply(a, b) ^ field.multiply(a, c))
            #expect(field.multiply(a, one) == a)
            #expect(field.multiply(a, GF2Polynomial()).isZero)
            #expect(field.contains(field.multiply(a, b)))
            if !a.isZero {
                #expect(field.multiply(a, field.inverse(a)) == one)
                #expect(field.divide(field.multiply(a, b), by: a) == b)
            }
        }
    }

    @Test("Small-field multiplication agrees with schoolbook carry-less product mod P")
    func smallFieldTable() throws {
        let field = try BinaryField(bits: 8)
        #expect(field.modulus == GF2Polynomial(0b1_0001_1011))
        for a in UInt64(0)..<256 {
            for b in stride(from: UInt64(0), to: 256, by: 7) {
                var product: UInt64 = 0
                for i in 0..<8 where b >> UInt64(i) & 1 == 1 { product ^= a << UInt64(i) }
                for bit in stride(from: 14, through: 8, by: -1) where product >> UInt64(bit) & 1 == 1 {
                    product ^= 0b1_0001_1011 << UInt64(bit - 8)
                }
                #expect(field.multiply(GF2Polynomial(a), GF2Polynomial(b)) == GF2Polynomial(product))
            }
        }
    }

    @Test("Fermat: a^(2^d - 1) = 1 in small fields", arguments: [8, 16])
    func fermat(_ bits: Int) throws {
        let field = try BinaryField(bits: bits)
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<20 {
            let a = randomElement(bits, &generator)
            guard !a.isZero else { continue }
            #expect(field.power(a, (1 << bits) - 1) == GF2Polynomial(1))
        }
    }

    @Test("ssss's polynomials up to 256 bits are irreducible (Rabin's test)")
    func irreducibleModuli() throws {
        for bits in stride(from: 8, through: 256, by: 8) {
            let field = try BinaryField(bits: bits)
            var frobenius = [GF2Polynomial(2)]
            for _ in 0..<bits { frobenius.append(field.multiply(frobenius.last!, frobenius.last!)) }
            #expect(frobenius[bits] == GF2Polynomial(2), "x^(2^d) != x for d = \(bits)")
            for prime in primeFactors(bits) {
                let g = gcd(frobenius[bits / prime] ^ GF2Polynomial(2), field.modulus)
                #expect(g == GF2Polynomial(1), "d = \(bits), p = \(prime)")
            }
        }
    }

    @Test("Byte and hex conversions")
    func conversions() {
        let value = GF2Polynomial(bigEndianBytes: [0x00, 0x01, 0xab, 0xcd])
        #expect(value == GF2Polynomial(0x01abcd))
        #expect(value.bigEndianBytes(count: 5) == [0, 0, 0x01, 0xab, 0xcd])
        #expect(value.bitLength == 17)
        #expect(value.description == "1abcd")
        #expect(value.hexDigits(count: 8) == "0001abcd")
        #expect(GF2Polynomial().description == "0")
        #expect(GF2Polynomial(1).shiftedLeft(by: 1024).bitLength == 1025)
        let wide = GF2Polynomial(bigEndianBytes: [UInt8](repeating: 0xff, count: 128))
        #expect(wide.bitLength == 1024)
        #expect(wide.bigEndianBytes(count: 128) == [UInt8](repeating: 0xff, count: 128))
    }

    private func primeFactors(_ n: Int) -> [Int] {
        var factors: [Int] = []
        var rest = n
        var p = 2
        while rest > 1 {
            if rest % p == 0 {
                factors.append(p)
                while rest % p == 0 { rest /= p }
            }
            p += 1
        }
        return factors
    }

    private func gcd(_ a: GF2Polynomial, _ b: GF2Polynomial) -> GF2Polynomial {
        var u = a, v = b
        while !v.isZero {
            while u.bitLength >= v.bitLength && !u.isZero {
                u ^= v.shiftedLeft(by: u.bitLength - v.bitLength)
            }
            swap(&u, &v)
        }
        return u
    }
}
