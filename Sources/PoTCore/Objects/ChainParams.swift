/// Parameters fixed at genesis. The chain id is the domain-separated hash of their encoding.
public struct ChainParams: Equatable, Sendable {
    public struct InitialAccount: Equatable, Sendable {
        public var key: PublicKey
        public var balance: UInt64
        public init(key: PublicKey, balance: UInt64) { self.key = key; self.balance = balance }
    }

    public var confirmations: UInt64
    public var alpha: UInt64
    public var initialAccounts: [InitialAccount]
    public var createdAt: UInt64
    public var note: String

    public init(confirmations: UInt64, alpha: UInt64, initialAccounts: [InitialAccount], createdAt: UInt64, note: String = "") throws {
        self.confirmations = confirmations
        self.alpha = alpha
        self.initialAccounts = initialAccounts
        self.createdAt = createdAt
        self.note = note
        try validate()
    }

    public var chainId: Hash256 { DomainHash.chainId(params: cbor()) }

    func validate() throws {
        guard (1...ObjectLimits.maxConfirmations).contains(confirmations) else {
            throw ObjectError("K (confirmations) must be between 1 and \(ObjectLimits.maxConfirmations), got \(confirmations)")
        }
        guard (1...TrustScoring.maxAlpha).contains(alpha) else {
            throw ObjectError("alpha must be between 1 and \(TrustScoring.maxAlpha) mT per nat, got \(alpha)")
        }
        guard !initialAccounts.isEmpty, initialAccounts.count <= ObjectLimits.maxInitialAccounts else {
            throw ObjectError("genesis needs between 1 and \(ObjectLimits.maxInitialAccounts) initial accounts")
        }
        guard Set(initialAccounts.map(\.key)).count == initialAccounts.count else {
            throw ObjectError("genesis lists the same account twice")
        }
        guard note.utf8.count <= ObjectLimits.maxNoteBytes else {
            throw ObjectError("the genesis note is longer than \(ObjectLimits.maxNoteBytes) bytes")
        }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [
            1: .unsigned(confirmations),
            2: .unsigned(alpha),
            3: .array(initialAccounts.map { .array([.bytes($0.key.bytes), .unsigned($0.balance)]) }),
            4: .unsigned(createdAt),
        ]
        if !note.isEmpty { fields[5] = .text(note) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "chain parameters", allowedKeys: [1, 2, 3, 4, 5])
        confirmations = try f.uint(1)
        alpha = try f.uint(2)
        initialAccounts = try f.array(3, max: ObjectLimits.maxInitialAccounts).map { entry in
            let pair = try entry.array("initial account", max: 2)
            guard pair.count == 2 else { throw ObjectError("an initial account is [public key, balance]") }
            return InitialAccount(
                key: PublicKey(bytes: try pair[0].bytes("initial account key", count: 32))!,
                balance: try pair[1].uint("initial account balance"))
        }
        createdAt = try f.uint(4)
        note = try f.optionalText(5, maxUTF8: ObjectLimits.maxNoteBytes) ?? ""
        try validate()
        try requireCanonical(self.cbor(), cbor, what: "chain parameters")
    }

    public init(bytes: [UInt8]) throws {
        try self.init(cbor: decodeLimited(bytes, max: ObjectLimits.maxParamsBytes, what: "chain parameters"))
    }
}
