import PoTCore

/// A member claims that one segment of an agent's proof does not follow from its first
/// checkpoint. It carries what the chain needs to re-execute that segment itself: the first
/// checkpoint with its Merkle path, the committed leaf of the next one with its path, and every
/// row the segment reads with its path in the dataset's tree. Encoded `{1: reporter, 2: agent,
/// 3: segment, 4: first checkpoint, 5: its path, 6: next leaf, 7: its path, 8: rows}`, each row
/// `[index, bytes, path]`.
public struct FraudProof: SignableBody {
    public static let domain = DomainTag.agentFraud
    public static let objectName = "fraud proof"
    public static let maxSignedBytes = AgentLimits.maxFraudProofBytes
    public var signer: PublicKey { reporter }

    /// A dataset row and its place in the dataset's tree.
    public struct ProvenRow: Equatable, Sendable {
        public var index: UInt64
        public var bytes: [UInt8]
        public var path: [Hash256]

        public init(index: UInt64, bytes: [UInt8], path: [Hash256]) { self.index = index; self.bytes = bytes; self.path = path }
    }

    public var reporter: PublicKey
    public var agent: Hash256
    public var segment: UInt64
    /// The encoding of checkpoint `segment` (`Checkpoint.encoded()`).
    public var start: [UInt8]
    public var startPath: [Hash256]
    /// Leaf `segment + 1` as the proof committed it.
    public var endLeaf: Hash256
    public var endPath: [Hash256]
    public var rows: [ProvenRow]

    public init(reporter: PublicKey, agent: Hash256, segment: UInt64, start: [UInt8], startPath: [Hash256], endLeaf: Hash256,
                endPath: [Hash256], rows: [ProvenRow]) {
        self.reporter = reporter; self.agent = agent; self.segment = segment; self.start = start; self.startPath = startPath
        self.endLeaf = endLeaf; self.endPath = endPath; self.rows = rows
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(reporter.bytes), 2: .bytes(agent.bytes), 3: .unsigned(segment), 4: .bytes(start),
              5: .array(startPath.map { .bytes($0.bytes) }), 6: .bytes(endLeaf.bytes), 7: .array(endPath.map { .bytes($0.bytes) }),
              8: AgentCBOR.rows(rows)])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "fraud proof", allowedKeys: Set(1...8))
        reporter = try f.publicKey(1)
        agent = try f.hash(2)
        segment = try f.uint(3)
        start = try f.bytes(4, max: AgentLimits.maxFraudProofBytes)
        startPath = try AgentCBOR.hashes(f, 5, max: 16)
        endLeaf = try f.hash(6)
        endPath = try AgentCBOR.hashes(f, 7, max: 16)
        rows = try AgentCBOR.rows(f, 8)
    }
}

public typealias SignedFraudProof = Signed<FraudProof>

extension Signed where Body == FraudProof {
    public var fraud: FraudProof { body }
}
