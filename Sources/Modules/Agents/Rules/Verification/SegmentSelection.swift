import PoTCore

/// Which segments of a proof validators re-execute: the `top` segments that moved the weights
/// most (ties to the earlier segment), then `random` others drawn from a block id the prover
/// could not know when it committed. With m segments or fewer than top + random, all of them.
public enum SegmentSelection {
    public static func select(distances: [UInt64], top: Int, random: Int, seed: Hash256) -> [Int] {
        let m = distances.count
        if m <= top + random { return Array(0..<m) }
        let largest = distances.indices.sorted { distances[$0] > distances[$1] || (distances[$0] == distances[$1] && $0 < $1) }.prefix(top)
        var rest = Array(Set(0..<m).subtracting(largest)).sorted()
        var stream = SeedStream(seed: seed, purpose: "segments")
        var chosen = Array(largest)
        for _ in 0..<random {
            chosen.append(rest.remove(at: Int(stream.below(UInt64(rest.count)))))
        }
        return chosen.sorted()
    }
}
