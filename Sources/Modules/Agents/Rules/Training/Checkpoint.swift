import PoTCore

/// The state of training after `step` steps: the weights and the optimiser's velocity. Its
/// encoding is the git blob a provider stores; its hash is a leaf of the proof's Merkle tree.
public struct Checkpoint: Equatable, Sendable {
    public var step: UInt64
    public var weights: [Int32]
    public var velocity: [Int32]

    public init(step: UInt64, weights: [Int32], velocity: [Int32]) {
        self.step = step; self.weights = weights; self.velocity = velocity
    }

    /// The hash of the weights alone: the model a user runs, `final_model` of a proof.
    public var modelHash: Hash256 { Self.modelHash(weights) }
    public var velocityHash: Hash256 { Self.hash(velocity, tag: "pot/agents/velocity/v1") }

    /// The leaf: H(step, model hash, velocity hash), so the last leaf can be checked against a
    /// model hash without the velocity's bytes.
    public var hash: Hash256 { Self.leaf(step: step, modelHash: modelHash, velocityHash: velocityHash) }

    public static func leaf(step: UInt64, modelHash: Hash256, velocityHash: Hash256) -> Hash256 {
        DomainHash.sha256(Array("pot/agents/checkpoint/v1".utf8) + SeedStream.bigEndian(step) + modelHash.bytes + velocityHash.bytes)
    }

    public static func modelHash(_ weights: [Int32]) -> Hash256 { hash(weights, tag: "pot/agents/model/v1") }

    /// Weights as bytes: the model file `pot agent run` reads, and evaluation evidence carries.
    public static func modelFile(_ weights: [Int32]) -> [UInt8] { Int32Packing.pack(weights) }

    /// The weights of a model file.
    public static func weights(packed bytes: [UInt8]) -> [Int32]? { bytes.count % 4 == 0 ? Int32Packing.unpack(bytes[...]) : nil }

    private static func hash(_ values: [Int32], tag: String) -> Hash256 {
        DomainHash.sha256(Array(tag.utf8) + Int32Packing.pack(values))
    }

    /// The encoding: `{1: step, 2: weights, 3: velocity}`, numbers big-endian 32-bit.
    public func encoded() -> [UInt8] {
        CBOR.map([1: .unsigned(step), 2: .bytes(Int32Packing.pack(weights)), 3: .bytes(Int32Packing.pack(velocity))]).encoded()
    }

    public init(encoded bytes: [UInt8], parameters: Int) throws {
        let f = try CBORFields(decodeLimited(bytes, max: 16 + 8 * parameters + 32, what: "checkpoint"), object: "checkpoint", allowedKeys: [1, 2, 3])
        step = try f.uint(1)
        weights = Int32Packing.unpack(try f.bytes(2, count: 4 * parameters)[...])
        velocity = Int32Packing.unpack(try f.bytes(3, count: 4 * parameters)[...])
    }

    /// Σ |wᵢ − w'ᵢ| over the weights, in Q16: how far a segment moved the model.
    public func distance(to other: Checkpoint) -> UInt64 {
        zip(weights, other.weights).reduce(UInt64(0)) { $0 &+ UInt64((Int64($1.0) - Int64($1.1)).magnitude) }
    }
}
