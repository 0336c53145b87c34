import PoTCore

/// The worker delivers: a commit of the repository, kept under the module's refs so it travels
/// with the chain (it enters `main` only if the requester later proposes it).
public struct TaskDelivery: SignableBody {
    public static let domain = DomainTag.contractDeliver
    public static let objectName = "delivery"
    public static let maxSignedBytes = ContractsLimits.maxDeliveryBytes
    public var signer: PublicKey { worker }

    public var task: Hash256
    public var worker: PublicKey
    public var commit: GitObjectId
    public var note: String

    public init(task: Hash256, worker: PublicKey, commit: GitObjectId, note: String = "") throws {
        self.task = task; self.worker = worker; self.commit = commit; self.note = note
        guard note.utf8.count <= ContractsLimits.maxNoteBytes else {
            throw ObjectError("a delivery's note is at most \(ContractsLimits.maxNoteBytes) bytes, got \(note.utf8.count)")
        }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [1: .bytes(task.bytes), 2: .bytes(worker.bytes), 3: .bytes(commit.bytes)]
        if !note.isEmpty { fields[4] = .text(note) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "delivery", allowedKeys: [1, 2, 3, 4])
        task = try f.hash(1)
        worker = try f.publicKey(2)
        commit = try f.gitObjectId(3, "a delivered commit")
        note = try f.textOrEmpty(4, maxUTF8: ContractsLimits.maxNoteBytes, "delivery")
    }
}

public typealias SignedTaskDelivery = Signed<TaskDelivery>

extension Signed where Body == TaskDelivery {
    public var delivery: TaskDelivery { body }
}
