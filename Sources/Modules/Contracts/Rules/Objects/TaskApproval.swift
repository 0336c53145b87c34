import PoTCore

/// The requester accepts the delivery: the escrowed reward goes to the worker.
public struct TaskApproval: SignableBody {
    public static let domain = DomainTag.contractApprove
    public static let objectName = "approval"
    public static let maxSignedBytes = ContractsLimits.maxSmallObjectBytes
    public var signer: PublicKey { requester }

    public var task: Hash256
    public var requester: PublicKey

    public init(task: Hash256, requester: PublicKey) { self.task = task; self.requester = requester }

    public func cbor() -> CBOR { .map([1: .bytes(task.bytes), 2: .bytes(requester.bytes)]) }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "approval", allowedKeys: [1, 2])
        task = try f.hash(1)
        requester = try f.publicKey(2)
    }
}

public typealias SignedTaskApproval = Signed<TaskApproval>

extension Signed where Body == TaskApproval {
    public var approval: TaskApproval { body }
}
