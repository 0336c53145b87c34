import Testing
import PoTContracts

@Suite("Library rejects bad input")
struct BadInputTests {
    private func shares(threshold: Int = 3, count: Int = 5, bits: Int = 64) throws -> [ShamirShare] {
        var generator = SeededGenerator(seed: 9)
        return try Shamir.split(
            secret: Array("secret".utf8), threshold: threshold, count: count,
            securityBits: bits, diffusion: true, random: { generator.bytes($0) }
        )
    }

    @Test("Split parameter errors")
    func splitErrors() {
        let random: (Int) -> [UInt8] = { [UInt8](repeating: 1, count: $0) }
        #expect(throws: ShamirError.invalidThreshold(0)) {
            try Shamir.split(secret: [1], threshold: 0, count: 3, securityBits: 8, diffusion: false, random: random)
        }
        #expect(throws: ShamirError.countBelowThreshold(count: 2, threshold: 3)) {
            try Shamir.split(secret: [1], threshold: 3, count: 2, securityBits: 8, diffusion: false, random: random)
        }
        #expect(throws: ShamirError.tooManyShares(count: 256, securityBits: 8)) {
            try Shamir.split(secret: [1], threshold: 2, count: 256, securityBits: 8, diffusion: false, random: random)
        }
        #expect(throws: ShamirError.invalidSecurityLevel(12)) {
            try Shamir.split(secret: [1], threshold: 2, count: 3, securityBits: 12, diffusion: false, random: random)
        }
        #expect(throws: ShamirError.secretTooLong(length: 3, maximum: 2)) {
            try Shamir.split(secret: [1, 2, 3], threshold: 2, count: 3, securityBits: 16, diffusion: false, random: random)
        }
        #expect(throws: ShamirError.randomSourceFailure(requested: 2, received: 1)) {
            try Shamir.split(secret: [1], threshold: 2, count: 3, securityBits: 16, diffusion: false) { _ in [0] }
        }
    }

    @Test("Duplicate index")
    func duplicate() throws {
        let s = try shares()
        #expect(throws: ShamirError.duplicateIndex(2)) {
            try Shamir.combine([s[1], s[0], s[1]], securityBits: 64, diffusion: true)
        }
        var forged = s[2]
        forged.index = 1
        #expect(throws: ShamirError.duplicateIndex(1)) {
            try Shamir.combine([s[0], s[1], forged], securityBits: 64, diffusion: true)
        }
    }

    @Test("Fewer shares than the threshold")
    func tooFew() throws {
        let s = try shares()
        #expect(throws: ShamirError.tooFewShares(needed: 3, given: 2)) {
            try Shamir.combine(Array(s.prefix(2)), threshold: 3, securityBits: 64, diffusion: true)
        }
        #expect(throws: ShamirError.tooFewShares(needed: 1, given: 0)) {
            try Shamir.combine([], securityBits: 64, diffusion: true)
        }
    }

    @Test("Mismatched lengths")
    func mismatchedLengths() throws {
        let s = try shares()
        var short = s[2]
        short.value.removeFirst()
        #expect(throws: ShamirError.inconsistentLengths(expectedBits: 64, foundBits: 56)) {
            try Shamir.combine([s[0], s[1], short], securityBits: 64, diffusion: true)
        }
        #expect(throws: ShamirError.inconsistentLengths(expectedBits: 72, foundBits: 64)) {
            try Shamir.combine(Array(s.prefix(3)), securityBits: 72, diffusion: true)
        }
    }

    @Test("Bad indices in hand-made shares")
    func badIndices() throws {
        #expect(throws: ShamirError.invalidShareIndex("0")) {
            try Shamir.combine([ShamirShare(index: 0, value: [1]), ShamirShare(index: 1, value: [2])], securityBits: 8, diffusion: false)
        }
        #expect(throws: ShamirError.indexOutOfRange(index: 300, securityBits: 8)) {
            try Shamir.combine([ShamirShare(index: 300, value: [1]), ShamirShare(index: 1, value: [2])], securityBits: 8, diffusion: false)
        }
    }
}
