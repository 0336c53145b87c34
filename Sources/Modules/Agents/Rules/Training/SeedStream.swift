import PoTCore

/// A stream of pseudo-random numbers drawn from a 32-byte seed and a purpose: SHA-256 of
/// (tag, seed, purpose, counter), four 64-bit words per hash. Only the chain's block ids feed
/// it, so whoever holds the seed can predict it, and nobody can choose it.
public struct SeedStream {
    private let prefix: [UInt8]
    private var counter: UInt64 = 0
    private var words: [UInt64] = []

    public init(seed: Hash256, purpose: String, index: UInt64 = 0) {
        var prefix = Array("pot/agents/stream/v1".utf8)
        prefix += seed.bytes
        prefix += Array(purpose.utf8)
        prefix += Self.bigEndian(index)
        self.prefix = prefix
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        if words.isEmpty {
            let digest = DomainHash.sha256(prefix + Self.bigEndian(counter)).bytes
            counter &+= 1
            words = []
            for word in stride(from: 3, through: 0, by: -1) {
                var value: UInt64 = 0
                for byte in digest[(word * 8)..<(word * 8 + 8)] { value = value << 8 | UInt64(byte) }
                words.append(value)
            }
        }
        return words.removeLast()
    }

    /// A number uniform in 0..<bound (bound > 0), without modulo bias: draws above the largest
    /// multiple of `bound` are thrown away.
    public mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let draw = next()
            if draw < limit { return draw % bound }
        }
    }

    /// A number uniform in −magnitude...magnitude.
    public mutating func symmetric(_ magnitude: Int64) -> Int64 {
        Int64(below(UInt64(2 * magnitude + 1))) - magnitude
    }

    /// `0..<count` in an order drawn by Fisher–Yates.
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        var i = count - 1
        while i > 0 {
            order.swapAt(i, Int(below(UInt64(i + 1))))
            i -= 1
        }
        return order
    }

    static func bigEndian(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) } }
}
