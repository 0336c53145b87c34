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
    /// Module parameters set at genesis (name → value); field 8, present only when one is set.
    /// A parameter not listed has its module's default.
    public var moduleParameters: [String: UInt64]

    public init(confirmations: UInt64, alpha: UInt64, initialAccounts: [InitialAccount], createdAt: UInt64, note: String = "",
                labels: [String: PublicKey] = [:], scoring: ScoringRule = .inclusive,
                moduleParameters: [String: UInt64] = [:]) throws {
        self.confirmations = confirmations
        self.alpha = alpha
        self.initialAccounts = initialAccounts
        self.createdAt = createdAt
        self.note = note
        self.labels = labels
        self.scoring = scoring
        self.moduleParameters = moduleParameters
        try validate()
    }

    /// The value of a module parameter on this chain: the one set at genesis, else its default.
    public func value(of parameter: ModuleParameter) -> UInt64 { moduleParameters[parameter.name] ?? parameter.defaultValue }

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
        guard moduleParameters.count <= ObjectLimits.maxModuleParameters else {
            throw ObjectError("genesis sets more than \(ObjectLimits.maxModuleParameters) module parameters")
        }
        for name in moduleParameters.keys {
            guard (1...ObjectLimits.maxParameterNameBytes).contains(name.utf8.count),
                  name.utf8.allSatisfy({ (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2e || $0 == 0x5f || $0 == 0x2d })
            else {
                throw ObjectError("a chain parameter name is 1 to \(ObjectLimits.maxParameterNameBytes) bytes of a-z, 0-9, '.', '_' and '-', got '\(name)'")
            }
        }
    }

    /// The module parameters in their encoded order (by the bytes of the name).
    public var sortedModuleParameters: [(name: String, value: UInt64)] {
        moduleParameters.map { (name: $0.key, value: $0.value) }.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
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
        if !moduleParameters.isEmpty {
            fields[8] = .array(sortedModuleParameters.map { .array([.text($0.name), .unsigned($0.value)]) })
        }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "chain parameters", allowedKeys: [1, 2, 3, 4, 5, 6, 7, 8])
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
        var moduleParameters: [String: UInt64] = [:]
        for entry in try f.optionalArray(8, max: ObjectLimits.maxModuleParameters) ?? [] {
            let pair = try entry.array("module parameter", max: 2)
            guard pair.count == 2 else { throw ObjectError("a module parameter is [name, value]") }
            let name = try pair[0].text("module parameter name", maxUTF8: ObjectLimits.maxParameterNameBytes)
            guard moduleParameters[name] == nil else { throw ObjectError("genesis sets the parameter '\(name)' twice") }
            moduleParameters[name] = try pair[1].uint("module parameter value")
        }
        self.moduleParameters = moduleParameters
        try validate()
        try requireCanonical(self.cbor(), cbor, what: "chain parameters")
    }

    public init(bytes: [UInt8]) throws {
        try self.init(cbor: decodeLimited(bytes, max: ObjectLimits.maxParamsBytes, what: "chain parameters"))
    }
}
