import PoTContracts
import PoTCore

/// How often a ring of identities captures a committee majority, with the real draw: honest
/// members of varied service trust beside a ring whose identities each hold the same trust.
public enum CaptureSimulation {
    public struct Row: Sendable, Encodable {
        public let ring: Int
        public let honest: Int
        public let ring_trust_ppm: UInt64
        public let draws: Int
        /// Draws in which the ring took 3 or more of the 5 seats.
        public let captured: Int
        public let measured: Double
        public let computed: Double
    }

    /// `honest` members with service trust spread evenly over 600 000–950 000 ppm, a ring of
    /// `ring` identities at `ringTrust` each; `draws` committees of 5 from seeds H(seed, i).
    public static func run(honest: Int, ring: Int, ringTrust: UInt64, draws: Int, seed: UInt64) -> Row {
        let honestWeights = (0..<honest).map { UInt64(600_000 + 350_000 * $0 / max(1, honest - 1)) }
        let ringKeys = (0..<ring).map { key(UInt64(1_000 + $0)) }
        let candidates = (0..<honest).map { (key: key(UInt64($0)), weight: honestWeights[$0]) } + ringKeys.map { (key: $0, weight: ringTrust) }
        let inRing = Set(ringKeys)
        var captured = 0
        for i in 0..<draws {
            let drawSeed = DomainHash.sha256(Array("capture \(seed) \(i)".utf8))
            let seats = CommitteeDraw.draw(candidates, size: 5, seed: drawSeed) ?? []
            if seats.filter(inRing.contains).count >= 3 { captured += 1 }
        }
        let computed = CommitteeDraw.captureProbability(group: Array(repeating: ringTrust, count: ring), others: honestWeights, size: 5, needed: 3)
        return Row(ring: ring, honest: honest, ring_trust_ppm: ringTrust, draws: draws, captured: captured,
                   measured: Double(captured) / Double(draws), computed: computed)
    }

    private static func key(_ index: UInt64) -> PublicKey {
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in 0..<8 { bytes[i] = UInt8(truncatingIfNeeded: index >> (8 * UInt64(i))) }
        bytes[31] = 0xc0
        return PublicKey(bytes: bytes)!
    }
}
