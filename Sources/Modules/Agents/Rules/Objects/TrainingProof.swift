import PoTCore

/// The provider's proof of training: the Merkle root over its m + 1 checkpoints, the paths that
/// tie checkpoint 0 to the seed's initialisation and the last checkpoint to the final model, and
/// each segment's loss and distance. Encoded `{1: provider, 2: agent, 3: checkpoint root,
/// 4: path of checkpoint 0, 5: final model hash, 6: final velocity hash, 7: path of the last
/// checkpoint, 8: losses, 9: distances}`.
public struct TrainingProof: SignableBody {
    public static let domain = DomainTag.agentProof
    public static let objectName = "training proof"
    public static let maxSignedBytes = AgentLimits.maxProofBytes
    public var signer: PublicKey { provider }

    public var provider: PublicKey
    public var agent: Hash256
    public var root: Hash256
    public var initialPath: [Hash256]
    public var finalModel: Hash256
    public var finalVelocity: Hash256
    public var finalPath: [Hash256]
    /// Segment i's mean training loss, Q16 (the training curve).
    public var losses: [UInt64]
    /// Segment i's Σ|Δw|, Q16: what the largest-update selection ranks.
    public var distances: [UInt64]

    public init(provider: PublicKey, agent: Hash256, root: Hash256, initialPath: [Hash256], finalModel: Hash256, finalVelocity: Hash256,
                finalPath: [Hash256], losses: [UInt64], distances: [UInt64]) {
        self.provider = provider; self.agent = agent; self.root = root; self.initialPath = initialPath; self.finalModel = finalModel
        self.finalVelocity = finalVelocity; self.finalPath = finalPath; self.losses = losses; self.distances = distances
    }

    /// The proof of `log`, a run of the agent `agent`.
    public init(provider: PublicKey, agent: Hash256, log: TrainingLog) {
        let levels = MerkleTree.Levels(log.leaves)
        let last = log.checkpoints[log.checkpoints.count - 1]
        self.init(provider: provider, agent: agent, root: levels.root, initialPath: levels.path(0), finalModel: last.modelHash,
                  finalVelocity: last.velocityHash, finalPath: levels.path(log.checkpoints.count - 1), losses: log.losses, distances: log.distances)
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(provider.bytes), 2: .bytes(agent.bytes), 3: .bytes(root.bytes), 4: .array(initialPath.map { .bytes($0.bytes) }),
              5: .bytes(finalModel.bytes), 6: .bytes(finalVelocity.bytes), 7: .array(finalPath.map { .bytes($0.bytes) }),
              8: .array(losses.map { .unsigned($0) }), 9: .array(distances.map { .unsigned($0) })])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "training proof", allowedKeys: Set(1...9))
        provider = try f.publicKey(1)
        agent = try f.hash(2)
        root = try f.hash(3)
        initialPath = try AgentCBOR.hashes(f, 4, max: 16)
        finalModel = try f.hash(5)
        finalVelocity = try f.hash(6)
        finalPath = try AgentCBOR.hashes(f, 7, max: 16)
        losses = try AgentCBOR.numbers(f, 8, max: AgentLimits.maxCheckpoints - 1)
        distances = try AgentCBOR.numbers(f, 9, max: AgentLimits.maxCheckpoints - 1)
        guard !losses.isEmpty, losses.count == distances.count else { throw ObjectError("a training proof has one loss and one distance per segment") }
    }
}

public typealias SignedTrainingProof = Signed<TrainingProof>

extension Signed where Body == TrainingProof {
    public var proof: TrainingProof { body }
}

/// Field readers the agents' objects share.
enum AgentCBOR {
    static func hashes(_ f: CBORFields, _ key: UInt64, max: Int) throws -> [Hash256] {
        try f.array(key, max: max).map {
            guard case .bytes(let bytes) = $0, let hash = Hash256(bytes: bytes) else { throw ObjectError("field \(key) must hold 32-byte hashes") }
            return hash
        }
    }

    static func rows(_ rows: [FraudProof.ProvenRow]) -> CBOR {
        .array(rows.map { .array([.unsigned($0.index), .bytes($0.bytes), .array($0.path.map { .bytes($0.bytes) })]) })
    }

    /// Rows `[index, bytes, path]` in ascending order of index, each once.
    static func rows(_ f: CBORFields, _ key: UInt64) throws -> [FraudProof.ProvenRow] {
        let rows = try f.array(key, max: AgentLimits.maxDatasetRows).map { value in
            guard case .array(let parts) = value, parts.count == 3, case .unsigned(let index) = parts[0], case .bytes(let bytes) = parts[1],
                  bytes.count <= 4 * AgentLimits.maxFeatures + 1, case .array(let path) = parts[2], path.count <= 17 else {
                throw ObjectError("field \(key) must hold rows [index, bytes, path]")
            }
            return FraudProof.ProvenRow(index: index, bytes: bytes, path: try path.map {
                guard case .bytes(let b) = $0, let hash = Hash256(bytes: b) else { throw ObjectError("a row's path must hold 32-byte hashes") }
                return hash
            })
        }
        guard zip(rows, rows.dropFirst()).allSatisfy({ $0.index < $1.index }) else {
            throw ObjectError("field \(key): rows must be in ascending order of index, each once")
        }
        return rows
    }

    static func signed(_ value: Int64) -> CBOR { value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-1 - value)) }

    static func signed(_ value: CBOR) -> Int64? {
        switch value {
        case .unsigned(let v): return v <= UInt64(Int64.max) ? Int64(v) : nil
        case .negative(let v): return v <= UInt64(Int64.max) ? -1 - Int64(v) : nil
        default: return nil
        }
    }

    static func numbers(_ f: CBORFields, _ key: UInt64, max: Int) throws -> [UInt64] {
        try f.array(key, max: max).map {
            guard case .unsigned(let value) = $0 else { throw ObjectError("field \(key) must hold unsigned integers") }
            return value
        }
    }
}
