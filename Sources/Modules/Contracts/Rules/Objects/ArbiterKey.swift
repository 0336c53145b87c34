import PoTCore

/// A member announces the X25519 key that committee members encrypt verdict shares to, signed
/// with its signing key so the two are bound. Announced once; a member without one is never
/// drawn for a committee.
public struct ArbiterKey: SignableBody {
    public static let domain = DomainTag.contractArbiterKey
    public static let objectName = "arbiter key"
    public static let maxSignedBytes = ContractsLimits.maxSmallObjectBytes
    public var signer: PublicKey { member }

    public var member: PublicKey
    /// The raw 32-byte X25519 public key.
    public var encryptionKey: [UInt8]

    public init(member: PublicKey, encryptionKey: [UInt8]) throws {
        guard encryptionKey.count == 32 else { throw ObjectError("an encryption key is 32 bytes, got \(encryptionKey.count)") }
        self.member = member; self.encryptionKey = encryptionKey
    }

    public func cbor() -> CBOR { .map([1: .bytes(member.bytes), 2: .bytes(encryptionKey)]) }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "arbiter key", allowedKeys: [1, 2])
        member = try f.publicKey(1)
        encryptionKey = try f.bytes(2, count: 32)
    }
}

public typealias SignedArbiterKey = Signed<ArbiterKey>

extension Signed where Body == ArbiterKey {
    public var arbiterKey: ArbiterKey { body }
}
