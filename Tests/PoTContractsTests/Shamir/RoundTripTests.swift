import Testing
import PoTContracts

@Suite("Split/combine round trips")
struct RoundTripTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let bits: Int
        let threshold: Int
        let count: Int
        let diffusion: Bool
        var testDescription: String { "d=\(bits) t=\(threshold) n=\(count)\(diffusion ? "" : " -D")" }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        for bits in [8, 16, 24, 56, 64, 72, 128, 136, 520, 1024] {
            let shapes = bits >= 512 ? [(1, 1), (2, 3), (4, 4)] : [(1, 1), (1, 3), (2, 2), (2, 5), (3, 7), (5, 5), (6, 9)]
            for (t, n) in shapes {
                for diffusion in [true, false] {
                    cases.append(Case(bits: bits, threshold: t, count: n, diffusion: diffusion))
                }
            }
        }
        return cases
    }()

    @Test("Any t of the n shares, in any order, give the secret back", arguments: cases)
    func roundTrip(_ c: Case) throws {
        var generator = SeededGenerator(seed: UInt64(c.bits * 1000 + c.threshold * 10 + c.count))
        let width = c.bits / 8
        let secret = generator.bytes(Int.random(in: 1...width, using: &generator))
        let shares = try Shamir.split(
            secret: secret, threshold: c.threshold, count: c.count, securityBits: c.bits,
            diffusion: c.diffusion, random: { generator.bytes($0) }
        )
        #expect(shares.count == c.count)
        #expect(shares.map(\.index) == Array(1...c.count))
        #expect(shares.allSatisfy { $0.value.count == width })
        let expected = [UInt8](repeating: 0, count: width - secret.count) + secret
        for _ in 0..<3 {
            let subset = shares.randomSubset(c.threshold, using: &generator)
            #expect(try Shamir.combine(subset, securityBits: c.bits, diffusion: c.diffusion) == expected)
        }
    }

    @Test("Seeded property loop over random parameters")
    func property() throws {
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<150 {
            let bits = 8 * Int.random(in: 1...40, using: &generator)
            let threshold = Int.random(in: 1...6, using: &generator)
            let count = Int.random(in: threshold...(threshold + 6), using: &generator)
            let diffusion = Bool.random(using: &generator)
            let secret = generator.bytes(Int.random(in: 0...(bits / 8), using: &generator))
            let shares = try Shamir.split(
                secret: secret, threshold: threshold, count: count, securityBits: bits,
                diffusion: diffusion, random: { generator.bytes($0) }
            )
            let subset = shares.randomSubset(threshold, using: &generator)
            let recovered = try Shamir.combine(subset, securityBits: bits, diffusion: diffusion)
            #expect(recovered == [UInt8](repeating: 0, count: bits / 8 - secret.count) + secret)

            let text = shares.map { $0.formatted(indexWidth: ShamirShare.indexWidth(forCount: count)) }
            #expect(try text.map { try ShamirShare(parsing: $0) } == shares)
        }
    }

    @Test("The largest field and the most shares an 8-bit field allows")
    func extremes() throws {
        var generator = SeededGenerator(seed: 1)
        let big = generator.bytes(128)
        let shares = try Shamir.split(secret: big, threshold: 3, count: 3, securityBits: 1024, diffusion: true) { generator.bytes($0) }
        #expect(try Shamir.combine(shares.reversed(), securityBits: 1024, diffusion: true) == big)

        let small = try Shamir.split(secret: [0x42], threshold: 2, count: 255, securityBits: 8, diffusion: false) { generator.bytes($0) }
        #expect(try Shamir.combine([small[254], small[0]], securityBits: 8, diffusion: false) == [0x42])
    }

    @Test("With a threshold, extra shares are ignored; t-1 shares do not reveal the secret")
    func thresholdOverload() throws {
        var generator = SeededGenerator(seed: 3)
        let secret = Array("threshold".utf8)
        let shares = try Shamir.split(secret: secret, threshold: 3, count: 6, securityBits: 72, diffusion: true) { generator.bytes($0) }
        #expect(try Shamir.combine(shares, threshold: 3, securityBits: 72, diffusion: true) == secret)
        #expect(try Shamir.combine(Array(shares.prefix(2)), securityBits: 72, diffusion: true) != secret)
    }

    @Test("Diffusion on and off give different shares for the same randomness")
    func diffusionMatters() throws {
        let fixed: (Int) -> [UInt8] = { [UInt8](repeating: 7, count: $0) }
        let with = try Shamir.split(secret: Array("abcdefgh".utf8), threshold: 2, count: 2, securityBits: 64, diffusion: true, random: fixed)
        let without = try Shamir.split(secret: Array("abcdefgh".utf8), threshold: 2, count: 2, securityBits: 64, diffusion: false, random: fixed)
        #expect(with != without)
        #expect(try Shamir.combine(with, securityBits: 64, diffusion: false) != Array("abcdefgh".utf8))
    }
}
