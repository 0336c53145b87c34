/// The states of a chain's modules, by payload key.
public struct ModuleStates: Equatable, Sendable {
    var storage: [UInt64: any ModuleState] = [:]

    init() {}

    /// The state of `M`, or its initial state when the chain holds none.
    func state<M: ChainModule>(_ module: M.Type, params: ChainParams) -> M.State {
        (storage[M.payloadKey] as? M.State) ?? M.initialState(params)
    }

    /// Removes and returns the state of `M`, so that the caller holds the only reference to it.
    mutating func take<M: ChainModule>(_ module: M.Type, params: ChainParams) -> M.State {
        (storage.removeValue(forKey: M.payloadKey) as? M.State) ?? M.initialState(params)
    }

    mutating func put<M: ChainModule>(_ state: M.State, of module: M.Type) { storage[M.payloadKey] = state }

    public static func == (a: ModuleStates, b: ModuleStates) -> Bool { sameValues(a.storage, b.storage) }
}

/// The module sections of a payload, by payload key. An empty section is never kept.
public struct ModuleSections: Equatable, Sendable {
    var storage: [UInt64: any ModuleSection] = [:]

    public init() {}

    public subscript<M: ChainModule>(_ module: M.Type) -> M.Section {
        get { (storage[M.payloadKey] as? M.Section) ?? M.Section() }
        set { storage[M.payloadKey] = newValue.isEmpty ? nil : newValue }
    }

    public var isEmpty: Bool { storage.isEmpty }

    /// How many objects the section under `payloadKey` carries.
    public func objectCount(payloadKey: UInt64) -> Int { storage[payloadKey]?.signedObjects.count ?? 0 }

    /// Every signed object of every section.
    public var signedObjects: [any SignedObject] { storage.keys.sorted().flatMap { storage[$0]!.signedObjects } }

    public static func == (a: ModuleSections, b: ModuleSections) -> Bool { sameValues(a.storage, b.storage) }
}

/// What one block did in each module, by payload key; modules with nothing to report are absent.
public struct ModuleReports: Equatable, Sendable {
    var storage: [UInt64: any ModuleReport] = [:]

    public init() {}

    public subscript<M: ChainModule>(_ module: M.Type) -> M.Report {
        get { (storage[M.payloadKey] as? M.Report) ?? M.Report() }
        set { storage[M.payloadKey] = newValue.isEmpty ? nil : newValue }
    }

    public static func == (a: ModuleReports, b: ModuleReports) -> Bool { sameValues(a.storage, b.storage) }
}

private func sameValues<Value>(_ a: [UInt64: Value], _ b: [UInt64: Value]) -> Bool {
    guard a.count == b.count else { return false }
    for (key, value) in a {
        guard let other = b[key], let mine = value as? any ModuleValue, let theirs = other as? any ModuleValue,
              mine.isEqual(to: theirs) else { return false }
    }
    return true
}
