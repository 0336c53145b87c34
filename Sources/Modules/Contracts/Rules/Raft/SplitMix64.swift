/// A tiny deterministic pseudo-random generator (SplitMix64, Steele, Lea & Flood 2014).
///
/// Every ``RaftNode`` owns one, seeded from ``RaftConfig/seed``. Randomised
/// election timeouts are the only source of nondeterminism in Raft, so a
/// simulation driven with the same seeds replays identically.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The internal state; advancing it by the golden-ratio increment yields the next output.
    public private(set) var state: UInt64

    /// Creates a generator whose whole output sequence is determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Returns a uniformly distributed value in `0..<bound` (rejection sampling, no modulo bias).
    ///
    /// Implemented here rather than through `random(in:using:)` so the sequence
    /// is pinned by this package, not by the standard library's algorithm.
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        // Values below `threshold` would over-represent the low residues.
        let threshold = (0 &- bound) % bound
        while true {
            let value = next()
            if value >= threshold {
                return value % bound
            }
        }
    }
}
