import PoTCore

/// A committee member releases the share an arbiter sealed to it, once that arbiter has let its
/// reveal window pass: it gives the symmetric key of that one share, and the chain decrypts
/// the share itself, so a member cannot release anything but what the arbiter sealed.
public struct ShareRelease: SignableBody {
    public static let domain = DomainTag.contractShare
    public static let objectName = "share release"
    public static let maxSignedBytes = ContractsLimits.maxSmallObjectBytes
    public var signer: PublicKey { member }

    public var dispute: Hash256
    /// The arbiter whose seal holds the share.
    public var sealer: PublicKey
    public var member: PublicKey
    public var shareKey: [UInt8]

    public init(dispute: Hash256, sealer: PublicKey, member: PublicKey, shareKey: [UInt8]) throws {
        guard shareKey.count == 32 else { throw ObjectError("a share's key is 32 bytes, got \(shareKey.count)") }
        self.dispute = dispute; self.sealer = sealer; self.member = member; self.shareKey = shareKey
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(dispute.bytes), 2: .bytes(sealer.bytes), 3: .bytes(member.bytes), 4: .bytes(shareKey)])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "share release", allowedKeys: [1, 2, 3, 4])
        dispute = try f.hash(1)
        sealer = try f.publicKey(2)
        member = try f.publicKey(3)
        shareKey = try f.bytes(4, count: 32)
    }
}

public typealias SignedShareRelease = Signed<ShareRelease>

extension Signed where Body == ShareRelease {
    public var release: ShareRelease { body }
}
