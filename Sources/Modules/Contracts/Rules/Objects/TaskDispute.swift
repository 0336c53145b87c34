import PoTCore

/// Either side of an open contract takes it to arbitration, with its evidence: a statement and,
/// when it has one, a commit or blob of the repository.
public struct TaskDispute: SignableBody {
    public static let domain = DomainTag.contractDispute
    public static let objectName = "dispute"
    public static let maxSignedBytes = ContractsLimits.maxDisputeBytes
    public var signer: PublicKey { party }

    public var task: Hash256
    public var party: PublicKey
    public var statement: String
    public var evidence: GitObjectId?

    public init(task: Hash256, party: PublicKey, statement: String, evidence: GitObjectId? = nil) throws {
        self.task = task; self.party = party; self.statement = statement; self.evidence = evidence
        try validate()
    }

    func validate() throws {
        guard !statement.isEmpty else { throw ObjectError("a dispute needs a statement of what went wrong") }
        guard statement.utf8.count <= ContractsLimits.maxEvidenceBytes else {
            throw ObjectError("a dispute's statement is at most \(ContractsLimits.maxEvidenceBytes) bytes, got \(statement.utf8.count)")
        }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [1: .bytes(task.bytes), 2: .bytes(party.bytes), 3: .text(statement)]
        if let evidence { fields[4] = .bytes(evidence.bytes) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "dispute", allowedKeys: [1, 2, 3, 4])
        task = try f.hash(1)
        party = try f.publicKey(2)
        statement = try f.text(3, maxUTF8: ContractsLimits.maxEvidenceBytes)
        evidence = try f.optionalGitObjectId(4, "a dispute's evidence")
        try validate()
    }
}

public typealias SignedTaskDispute = Signed<TaskDispute>

extension Signed where Body == TaskDispute {
    public var dispute: TaskDispute { body }
}
