import PoTCore

/// A member posts a task: what is wanted, the reward it escrows, and the heights by which a
/// worker must accept and deliver. The task's id is the hash of this body.
public struct TaskPost: SignableBody {
    public static let domain = DomainTag.contractPost
    public static let objectName = "task"
    public static let maxSignedBytes = ContractsLimits.maxPostBytes
    public var signer: PublicKey { requester }

    public var requester: PublicKey
    public var title: String
    public var description: String
    /// The specification, a blob or commit of the repository, when the task names one.
    public var spec: GitObjectId?
    /// mT escrowed from the requester's balance when the task enters a block.
    public var reward: UInt64
    /// The last height at which a worker may accept.
    public var acceptBy: UInt64
    /// The last height at which the worker may deliver.
    public var deliverBy: UInt64
    /// Chosen by the requester so the same task may be posted twice.
    public var nonce: UInt64

    public init(requester: PublicKey, title: String, description: String = "", spec: GitObjectId? = nil, reward: UInt64,
                acceptBy: UInt64, deliverBy: UInt64, nonce: UInt64) throws {
        self.requester = requester; self.title = title; self.description = description; self.spec = spec
        self.reward = reward; self.acceptBy = acceptBy; self.deliverBy = deliverBy; self.nonce = nonce
        try validate()
    }

    func validate() throws {
        guard !title.isEmpty else { throw ObjectError("a task needs a title") }
        guard title.utf8.count <= ContractsLimits.maxTitleBytes else {
            throw ObjectError("a task's title is at most \(ContractsLimits.maxTitleBytes) bytes, got \(title.utf8.count)")
        }
        guard description.utf8.count <= ContractsLimits.maxDescriptionBytes else {
            throw ObjectError("a task's description is at most \(ContractsLimits.maxDescriptionBytes) bytes, got \(description.utf8.count)")
        }
        guard reward > 0 else { throw ObjectError("a task's reward is at least 1 mT") }
        guard deliverBy > acceptBy else {
            throw ObjectError("a task's delivery height (\(deliverBy)) must come after its acceptance height (\(acceptBy))")
        }
    }

    /// The task's id, which also names its contract and its dispute.
    public func taskId(chain: Hash256) -> Hash256 { id(chain: chain) }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [1: .bytes(requester.bytes), 2: .text(title), 5: .unsigned(reward), 6: .unsigned(acceptBy),
                                      7: .unsigned(deliverBy), 8: .unsigned(nonce)]
        if !description.isEmpty { fields[3] = .text(description) }
        if let spec { fields[4] = .bytes(spec.bytes) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "task", allowedKeys: [1, 2, 3, 4, 5, 6, 7, 8])
        requester = try f.publicKey(1)
        title = try f.text(2, maxUTF8: ContractsLimits.maxTitleBytes)
        description = try f.textOrEmpty(3, maxUTF8: ContractsLimits.maxDescriptionBytes, "task")
        spec = try f.optionalGitObjectId(4, "a task's specification")
        reward = try f.uint(5)
        acceptBy = try f.uint(6)
        deliverBy = try f.uint(7)
        nonce = try f.uint(8)
        try validate()
    }
}

public typealias SignedTaskPost = Signed<TaskPost>

extension Signed where Body == TaskPost {
    public var post: TaskPost { body }
}
