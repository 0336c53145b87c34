import PoTCore

/// An arbiter's sealed verdict: a commitment to its verdict and salt, and Shamir shares of the
/// two, each encrypted to one other member of the committee (in committee order, skipping the
/// arbiter) with a key agreed from `ephemeralKey` and that member's announced key.
public struct VerdictSeal: SignableBody {
    public static let domain = DomainTag.contractSeal
    public static let objectName = "sealed verdict"
    public static let maxSignedBytes = ContractsLimits.maxSealBytes
    public var signer: PublicKey { arbiter }

    public var dispute: Hash256
    public var arbiter: PublicKey
    public var commitment: Hash256
    /// The raw 32-byte X25519 public key of this seal only.
    public var ephemeralKey: [UInt8]
    /// One encrypted share per other committee member, in committee order.
    public var shares: [[UInt8]]

    public init(dispute: Hash256, arbiter: PublicKey, commitment: Hash256, ephemeralKey: [UInt8], shares: [[UInt8]]) throws {
        self.dispute = dispute; self.arbiter = arbiter; self.commitment = commitment; self.ephemeralKey = ephemeralKey; self.shares = shares
        try validate()
    }

    func validate() throws {
        guard ephemeralKey.count == 32 else { throw ObjectError("a seal's ephemeral key is 32 bytes, got \(ephemeralKey.count)") }
        guard !shares.isEmpty, shares.count < ContractsLimits.maxCommittee else {
            throw ObjectError("a seal carries 1 to \(ContractsLimits.maxCommittee - 1) encrypted shares, got \(shares.count)")
        }
        for share in shares where share.count != ContractsLimits.sealedShareBytes {
            throw ObjectError("an encrypted share is \(ContractsLimits.sealedShareBytes) bytes, got \(share.count)")
        }
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(dispute.bytes), 2: .bytes(arbiter.bytes), 3: .bytes(commitment.bytes), 4: .bytes(ephemeralKey),
              5: .array(shares.map { .bytes($0) })])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "sealed verdict", allowedKeys: [1, 2, 3, 4, 5])
        dispute = try f.hash(1)
        arbiter = try f.publicKey(2)
        commitment = try f.hash(3)
        ephemeralKey = try f.bytes(4, count: 32)
        shares = try f.array(5, max: ContractsLimits.maxCommittee).map { try $0.bytes("encrypted share", max: ContractsLimits.sealedShareBytes) }
        try validate()
    }
}

public typealias SignedVerdictSeal = Signed<VerdictSeal>

extension Signed where Body == VerdictSeal {
    public var seal: VerdictSeal { body }
}
