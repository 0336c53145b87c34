/// The header of a block. Its id is the domain-separated hash of this body; the proposer signs it.
public struct BlockHeader: SignableBody {
    public static let domain = DomainTag.block
    public static let objectName = "block header"
    public static let maxSignedBytes = ObjectLimits.maxHeaderBytes
    public var signer: PublicKey { proposer }

    public var height: UInt64
    public var parent: Hash256
    public var proposer: PublicKey
    public var timestamp: UInt64
    /// git tree oid (20 bytes) of the merged code.
    public var tree: [UInt8]
    /// git commit oids (20 bytes each) merged into this block, in parent order.
    public var codeCommits: [[UInt8]]
    public var payloadRoot: Hash256

    public init(height: UInt64, parent: Hash256, proposer: PublicKey, timestamp: UInt64,
                tree: [UInt8], codeCommits: [[UInt8]], payloadRoot: Hash256) throws {
        self.height = height; self.parent = parent; self.proposer = proposer; self.timestamp = timestamp
        self.tree = tree; self.codeCommits = codeCommits; self.payloadRoot = payloadRoot
        try validate()
    }

    func validate() throws {
        guard height >= 1 else { throw ObjectError("a block header has a height of at least 1") }
        guard tree.count == 20 else { throw ObjectError("a block's tree must be a 20-byte git oid") }
        guard codeCommits.count <= ObjectLimits.maxCodeCommits else {
            throw ObjectError("a block merges at most \(ObjectLimits.maxCodeCommits) commits")
        }
        guard codeCommits.allSatisfy({ $0.count == 20 }) else {
            throw ObjectError("merged commits must be 20-byte git oids")
        }
        guard Set(codeCommits).count == codeCommits.count else {
            throw ObjectError("a block merges the same commit twice")
        }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [
            1: .unsigned(height),
            2: .bytes(parent.bytes),
            3: .bytes(proposer.bytes),
            4: .unsigned(timestamp),
            5: .bytes(tree),
            7: .bytes(payloadRoot.bytes),
        ]
        if !codeCommits.isEmpty { fields[6] = .array(codeCommits.map { .bytes($0) }) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "block header", allowedKeys: [1, 2, 3, 4, 5, 6, 7])
        height = try f.uint(1)
        parent = try f.hash(2)
        proposer = try f.publicKey(3)
        timestamp = try f.uint(4)
        tree = try f.bytes(5, count: 20)
        codeCommits = try (f.optionalArray(6, max: ObjectLimits.maxCodeCommits) ?? []).map {
            try $0.bytes("merged commit", count: 20)
        }
        payloadRoot = try f.hash(7)
        try validate()
        try requireCanonical(self.cbor(), cbor, what: "block header")
    }
}
