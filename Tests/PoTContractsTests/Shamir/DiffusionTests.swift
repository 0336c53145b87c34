import Testing
import PoTContracts

@Suite("Diffusion layer")
struct DiffusionTests {
    @Test("decode undoes encode for every size from 64 to 1024 bits")
    func inverse() {
        var generator = SeededGenerator(seed: 64)
        for bits in stride(from: 64, through: 1024, by: 8) {
            let data = generator.bytes(bits / 8)
            let encoded = Diffusion.encode(data)
            #expect(encoded.count == data.count)
            #expect(encoded != data)
            #expect(Diffusion.decode(encoded) == data)
            #expect(Diffusion.encode(Diffusion.decode(data)) == data)
        }
    }

    @Test("One flipped input bit changes about half the output bits", arguments: [64, 72, 184, 1024])
    func avalanche(_ bits: Int) {
        var generator = SeededGenerator(seed: UInt64(bits))
        let data = generator.bytes(bits / 8)
        var flipped = data
        flipped[data.count - 1] ^= 1
        let a = Diffusion.encode(data), b = Diffusion.encode(flipped)
        let distance = zip(a, b).map { ($0 ^ $1).nonzeroBitCount }.reduce(0, +)
        #expect(distance > bits / 4 && distance < bits * 3 / 4)
    }

    @Test("Matches ssss: the constant term of real ssss polynomials is encode(secret)")
    func matchesSSSS() throws {
        for line in FrozenVectors.hexSplits.split(separator: "\n") where line.hasPrefix("x ") {
            let fields = line.split(separator: " ").map(String.init)
            let bits = Int(fields[1])!, threshold = Int(fields[2])!
            guard bits >= 64 else { continue }
            let secret = Hex.bytes(fields[3])
            let shares = try fields[4..<(4 + threshold)].map { try ShamirShare(parsing: $0) }
            let constant = try Interpolation.coefficients(of: shares, securityBits: bits)[0]
            #expect(constant.bigEndianBytes(count: bits / 8) == Diffusion.encode(secret), "d = \(bits)")
            #expect(Diffusion.decode(constant.bigEndianBytes(count: bits / 8)) == secret, "d = \(bits)")
        }
    }

    @Test("The documented secret encodes to the documented polynomial's constant term")
    func documentedConstant() throws {
        let shares = try DocExample.shares.suffix(3).map { try ShamirShare(parsing: $0) }
        let constant = try Interpolation.coefficients(of: shares, securityBits: 184)[0]
        #expect(Diffusion.decode(constant.bigEndianBytes(count: 23)) == Array(DocExample.secret.utf8))
    }

    @Test("Diffusion only applies from 64 bits on")
    func threshold() {
        #expect(!Shamir.diffusionApplies(securityBits: 56))
        #expect(Shamir.diffusionApplies(securityBits: 64))
    }
}
