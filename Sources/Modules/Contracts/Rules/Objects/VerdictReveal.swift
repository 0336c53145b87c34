import PoTCore

/// An arbiter opens its sealed verdict: the worker's share of the reward in ppm (1 000 000 pays
/// the worker, 0 refunds the requester, anything between splits) and the salt it committed with.
public struct VerdictReveal: SignableBody {
    public static let domain = DomainTag.contractReveal
    public static let objectName = "verdict reveal"
    public static let maxSignedBytes = ContractsLimits.maxSmallObjectBytes
    public var signer: PublicKey { arbiter }

    public var dispute: Hash256
    public var arbiter: PublicKey
    public var verdict: Verdict
    public var salt: [UInt8]

    public init(dispute: Hash256, arbiter: PublicKey, verdict: Verdict, salt: [UInt8]) throws {
        guard salt.count == ContractsLimits.saltBytes else { throw ObjectError("a verdict's salt is \(ContractsLimits.saltBytes) bytes, got \(salt.count)") }
        self.dispute = dispute; self.arbiter = arbiter; self.verdict = verdict; self.salt = salt
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(dispute.bytes), 2: .bytes(arbiter.bytes), 3: .unsigned(verdict.workerShare), 4: .bytes(salt)])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "verdict reveal", allowedKeys: [1, 2, 3, 4])
        dispute = try f.hash(1)
        arbiter = try f.publicKey(2)
        verdict = try Verdict(checking: try f.uint(3))
        salt = try f.bytes(4, count: ContractsLimits.saltBytes)
    }
}

public typealias SignedVerdictReveal = Signed<VerdictReveal>

extension Signed where Body == VerdictReveal {
    public var reveal: VerdictReveal { body }
}
