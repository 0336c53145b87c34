import PoTCore

/// Draws a dispute's committee: `size` members without replacement, each draw weighted by
/// service trust, among the members who may sit (see `eligible`), with randomness from the id
/// of a block after the dispute. Anyone can recompute it; nobody chooses it.
public enum CommitteeDraw {
    /// The seed of a draw: H(dispute, the block id).
    public static func seed(dispute: Hash256, block: Hash256, chain: Hash256) -> Hash256 {
        DomainHash.hash(.contractCommittee, chain: chain, body: .array([.bytes(dispute.bytes), .bytes(block.bytes)]))
    }

    /// Draws `size` of `candidates` (key and weight, any order); nil when there are fewer than
    /// `size` with a positive weight. The result is in draw order.
    public static func draw(_ candidates: [(key: PublicKey, weight: UInt64)], size: Int, seed: Hash256) -> [PublicKey]? {
        var pool = candidates.filter { $0.weight > 0 }.sorted { $0.key < $1.key }
        guard size > 0, pool.count >= size else { return nil }
        var stream = SeedStream(seed)
        var chosen: [PublicKey] = []
        while chosen.count < size {
            let total = pool.reduce(UInt64(0)) { $0 + $1.weight }
            var point = stream.uniform(below: total)
            var index = 0
            while point >= pool[index].weight {
                point -= pool[index].weight
                index += 1
            }
            chosen.append(pool.remove(at: index).key)
        }
        return chosen
    }

    /// The exact probability that a group holding `groupWeights` among `otherWeights` takes at
    /// least `needed` of `size` seats, what a simulation's measured frequency is set beside.
    /// Memoized over the set of candidates drawn so far; at most 64 candidates.
    public static func captureProbability(group groupWeights: [UInt64], others otherWeights: [UInt64], size: Int, needed: Int) -> Double {
        let weights = (groupWeights + otherWeights).map(Double.init)
        let inGroup = groupWeights.count
        precondition(weights.count <= 64, "at most 64 candidates")
        let total = weights.reduce(0, +)
        var memo: [UInt64: Double] = [:]
        func walk(_ drawn: UInt64, seats: Int, taken: Int, left: Double) -> Double {
            if taken >= needed { return 1 }
            if seats == 0 || taken + seats < needed || left <= 0 { return 0 }
            if let known = memo[drawn] { return known }
            var p = 0.0
            for (i, w) in weights.enumerated() where w > 0 && drawn & (1 << UInt64(i)) == 0 {
                p += w / left * walk(drawn | (1 << UInt64(i)), seats: seats - 1, taken: taken + (i < inGroup ? 1 : 0), left: left - w)
            }
            memo[drawn] = p
            return p
        }
        return walk(0, seats: size, taken: 0, left: total)
    }
}

/// A stream of uniform integers from a seed: SHA-256(seed ‖ counter), with rejection so that no
/// value is more likely than another.
struct SeedStream {
    private let seed: [UInt8]
    private var counter: UInt64 = 0

    init(_ seed: Hash256) { self.seed = seed.bytes }

    mutating func next() -> UInt64 {
        let digest = DomainHash.sha256(seed + withUnsafeBytes(of: counter.bigEndian, Array.init))
        counter += 1
        return digest.bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// A uniform integer in 0..<bound (bound > 0).
    mutating func uniform(below bound: UInt64) -> UInt64 {
        let limit = UInt64.max - (UInt64.max % bound + 1) % bound
        while true {
            let value = next()
            if value <= limit { return value % bound }
        }
    }
}
