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
    /// Names of initial accounts, bound to their keys by the chain id itself (label → key).
    public var labels: [String: PublicKey]
    /// The market each voter and bettor is scored against; field 7, present only for leave-one-out.
    public var scoring: ScoringRule

    public init(confirmations: UInt64, alpha: UInt64, initialAccounts: [InitialAccount], createdAt: UInt64, note: String = "",
                labels: [String: PublicKey] = [:], scoring: ScoringRule = .inclusive) throws {
        self.confirmations = confirmations
        self.alpha = alpha
        self.initialAccounts = initialAccounts
        self.createdAt = createdAt
        self.note = note
        self.labels = labels
        self.scoring = scoring
        try validate()
    }

    /// The genesis labels in their encoded order (by the bytes of the label).
    public var sortedLabels: [(label: String, key: PublicKey)] {
        labels.map { (label: $0.key, key: $0.value) }.sorted { Array($0.label.utf8).lexicographicallyPrecedes(Array($1.label.utf8)) }
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
        let accounts = Set(initialAccounts.map(\.key))
        for (label, key) in labels {
            try AccountLabel.validate(label)
            guard accounts.contains(key) else { throw ObjectError("the genesis label '\(label)' names a key that is not an initial account") }
        }
        guard Set(labels.values).count == labels.count else { throw ObjectError("genesis gives one account two labels") }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [
            1: .unsigned(confirmations),
            2: .unsigned(alpha),
            3: .array(initialAccounts.map { .array([.bytes($0.key.bytes), .unsigned($0.balance)]) }),
            4: .unsigned(createdAt),
        ]
        if !note.isEmpty { fields[5] = .text(note) }
        if !labels.isEmpty { fields[6] = .array(sortedLabels.map { .array([.text($0.label), .bytes($0.key.bytes)]) }) }
        if scoring == .leaveOneOut { fields[7] = .unsigned(1) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "chain parameters", allowedKeys: [1, 2, 3, 4, 5, 6, 7])
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
        var labels: [String: PublicKey] = [:]
        for entry in try f.optionalArray(6, max: ObjectLimits.maxInitialAccounts) ?? [] {
            let pair = try entry.array("genesis label", max: 2)
            guard pair.count == 2 else { throw ObjectError("a genesis label is [label, public key]") }
            let label = try pair[0].text("genesis label", maxUTF8: AccountLabel.maxBytes)
            guard labels[label] == nil else { throw ObjectError("genesis names the label '\(label)' twice") }
            labels[label] = PublicKey(bytes: try pair[1].bytes("genesis label key", count: 32))!
        }
        self.labels = labels
        switch try f.optionalUInt(7) {
        case nil: scoring = .inclusive
        case 1: scoring = .leaveOneOut
        case let other?: throw ObjectError("chain parameter 7 (scoring) must be 1 (leave-one-out) or absent, got \(other)")
        }
        try validate()
        try requireCanonical(self.cbor(), cbor, what: "chain parameters")
    }

    public init(bytes: [UInt8]) throws {
        try self.init(cbor: decodeLimited(bytes, max: ObjectLimits.maxParamsBytes, what: "chain parameters"))
    }
}
