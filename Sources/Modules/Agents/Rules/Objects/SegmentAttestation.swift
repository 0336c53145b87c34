import PoTCore

/// A member says it re-executed every segment the chain selected from an agent's proof and got
/// the committed checkpoints. If one of those segments is later proven fraudulent, the member
/// pays for having said so. Encoded `{1: validator, 2: agent, 3: checkpoint root}`.
public struct SegmentAttestation: SignableBody {
    public static let domain = DomainTag.agentAttestation
    public static let objectName = "segment attestation"
    public static let maxSignedBytes = AgentLimits.maxAttestationBytes
    public var signer: PublicKey { validator }

    public var validator: PublicKey
    public var agent: Hash256
    /// The proof's root, so an attestation cannot be read as one of another proof.
    public var root: Hash256

    public init(validator: PublicKey, agent: Hash256, root: Hash256) {
        self.validator = validator; self.agent = agent; self.root = root
    }

    public func cbor() -> CBOR { .map([1: .bytes(validator.bytes), 2: .bytes(agent.bytes), 3: .bytes(root.bytes)]) }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "segment attestation", allowedKeys: [1, 2, 3])
        validator = try f.publicKey(1)
        agent = try f.hash(2)
        root = try f.hash(3)
    }
}

public typealias SignedSegmentAttestation = Signed<SegmentAttestation>

extension Signed where Body == SegmentAttestation {
    public var attestation: SegmentAttestation { body }
}
