import PoTCore

/// One side of a closed contract rates the other, 1 to 5 stars, once.
public struct TaskRating: SignableBody {
    public static let domain = DomainTag.contractRate
    public static let objectName = "rating"
    public static let maxSignedBytes = ContractsLimits.maxRatingBytes
    public static let stars: ClosedRange<UInt64> = 1...5
    public var signer: PublicKey { rater }

    public var task: Hash256
    public var rater: PublicKey
    public var stars: UInt64
    public var comment: String

    public init(task: Hash256, rater: PublicKey, stars: UInt64, comment: String = "") throws {
        self.task = task; self.rater = rater; self.stars = stars; self.comment = comment
        try validate()
    }

    func validate() throws {
        guard Self.stars.contains(stars) else { throw ObjectError("a rating is 1 to 5 stars, got \(stars)") }
        guard comment.utf8.count <= ContractsLimits.maxNoteBytes else {
            throw ObjectError("a rating's comment is at most \(ContractsLimits.maxNoteBytes) bytes, got \(comment.utf8.count)")
        }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [1: .bytes(task.bytes), 2: .bytes(rater.bytes), 3: .unsigned(stars)]
        if !comment.isEmpty { fields[4] = .text(comment) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "rating", allowedKeys: [1, 2, 3, 4])
        task = try f.hash(1)
        rater = try f.publicKey(2)
        stars = try f.uint(3)
        comment = try f.textOrEmpty(4, maxUTF8: ContractsLimits.maxNoteBytes, "rating")
        try validate()
    }
}

public typealias SignedTaskRating = Signed<TaskRating>

extension Signed where Body == TaskRating {
    public var rating: TaskRating { body }
}
