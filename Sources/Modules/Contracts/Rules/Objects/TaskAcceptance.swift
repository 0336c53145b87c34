import PoTCore

/// A member takes a posted task as its worker. With the requester's post it makes the contract,
/// signed by both.
public struct TaskAcceptance: SignableBody {
    public static let domain = DomainTag.contractAccept
    public static let objectName = "task acceptance"
    public static let maxSignedBytes = ContractsLimits.maxSmallObjectBytes
    public var signer: PublicKey { worker }

    public var task: Hash256
    public var worker: PublicKey

    public init(task: Hash256, worker: PublicKey) { self.task = task; self.worker = worker }

    public func cbor() -> CBOR { .map([1: .bytes(task.bytes), 2: .bytes(worker.bytes)]) }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "task acceptance", allowedKeys: [1, 2])
        task = try f.hash(1)
        worker = try f.publicKey(2)
    }
}

public typealias SignedTaskAcceptance = Signed<TaskAcceptance>

extension Signed where Body == TaskAcceptance {
    public var acceptance: TaskAcceptance { body }
}
