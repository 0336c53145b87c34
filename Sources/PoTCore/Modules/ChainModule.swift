/// A module of the chain: a system that rides on the kernel (transfers, votes, evidence, fork
/// choice, finalization) with its own signed objects, payload section, state and rules.
///
/// A module is a type, never an instance: its hooks are pure functions of the block they are
/// given. The kernel applies the modules of `ChainModules` in payload-key order, after a block's
/// transfers, votes and evidence and before the height K below becomes final. A module reads
/// the kernel's state through `ModuleBlock` and changes balances only through its ledger
/// operations, so the kernel's invariants (no overflow, no balance below 0, every mT created or
/// destroyed on the record) hold whatever a module does.
public protocol ChainModule: Sendable {
    /// The module's part of a payload, encoded under `payloadKey`.
    associatedtype Section: ModuleSection
    /// What the chain remembers for the module.
    associatedtype State: ModuleState
    /// What one block did in the module (settlements, closings), for reports and explorers.
    associatedtype Report: ModuleReport

    /// The module's name: the prefix of its chain parameters, and a `pot` verb it owns.
    static var name: String { get }
    /// The `pot` verbs of the module's commands: its name unless it says otherwise
    /// (membership: `pot sponsor …`, `pot members`).
    static var verbs: [String] { get }
    /// Which system of the product the module implements, for `pot params` and docs.
    static var summary: String { get }
    /// The payload key of its section. Keys 1 to 3 are the kernel's.
    static var payloadKey: UInt64 { get }
    /// The kinds of signed object the module brings, in dependency order (an object may only
    /// depend on kinds listed before it).
    static var kinds: [ModuleObjectKind] { get }
    /// The rules of docs/spec.md the module applies.
    static var rules: [BlockRejection.Rule] { get }
    /// The module's chain parameters, each with its default.
    static var parameters: [ModuleParameter] { get }

    /// The module's state on a chain that holds only its genesis.
    static func initialState(_ params: ChainParams) -> State
    /// Applies the module's section of a block, or says which rule it breaks.
    static func apply(_ section: Section, in block: inout ModuleBlock<Self>) throws
    /// Work at the end of every block, whether or not it carried a section (closing, voiding).
    static func endBlock(in block: inout ModuleBlock<Self>)
    /// Called when `height` becomes final, after the kernel has scored its votes.
    static func heightFinal(_ height: UInt64, in block: inout ModuleBlock<Self>)
    /// Chooses the section of a new block from pending objects: those that apply, in a
    /// deterministic order, within the section's limits. `block` is scratch: applying to it is
    /// how a choice is checked.
    static func select(_ pending: Section, in block: inout ModuleBlock<Self>) -> Section
    /// Gathers stored objects of the module's kinds into one section, for `select`.
    static func pendingSection(_ objects: [any SignedObject]) -> Section
    /// Whether a stored object can no longer enter any block on top of the finalized state
    /// `final`, so that the store may delete it.
    static func isSpent(_ object: any SignedObject, final: ChainState) -> Bool
    /// The admission check of one object (its signature aside) for the next block on top of
    /// `state`: the same function `apply` uses, so a gossip node refuses what a block would.
    /// `stored` finds another object of the module a node keeps, by kind and id (a market's
    /// declaration for its bets); `named` names keys in the message.
    static func admit(_ object: any SignedObject, on state: ChainState,
                      stored: (ModuleObjectKind, Hash256) -> (any SignedObject)?,
                      named: (PublicKey) -> String) -> BlockRejection?
    /// The rules that refuse an object because its signer is not a member (counted apart from
    /// other broken rules by a node's metrics).
    static var memberRules: [BlockRejection.Rule] { get }
}

extension ChainModule {
    public static var verbs: [String] { [name] }
    public static func endBlock(in block: inout ModuleBlock<Self>) {}
    public static func heightFinal(_ height: UInt64, in block: inout ModuleBlock<Self>) {}
    public static var parameters: [ModuleParameter] { [] }
    public static func isSpent(_ object: any SignedObject, final: ChainState) -> Bool { false }
    public static var memberRules: [BlockRejection.Rule] { [] }
}

/// A value a module keeps in the kernel's types, compared for equality without its type.
public protocol ModuleValue: Equatable, Sendable {}

extension ModuleValue {
    func isEqual(to other: any ModuleValue) -> Bool { (other as? Self) == self }
}

/// A module's state: its codec serves the local state cache (never consensus).
public protocol ModuleState: ModuleValue {
    func cacheEncoding() -> CBOR
    init(cacheEncoding: CBOR) throws
}

/// What one block did in a module; empty when the block did nothing there.
public protocol ModuleReport: ModuleValue {
    init()
    var isEmpty: Bool { get }
}

/// A module's section of a payload. Decoding is strict: an empty section is omitted, never sent.
public protocol ModuleSection: ModuleValue {
    init()
    var isEmpty: Bool { get }
    func cbor() -> CBOR
    init(cbor: CBOR) throws
    /// Whether the section carries no more objects than a block may (decoding enforces this too;
    /// sections built in memory are checked here).
    var withinLimits: Bool { get }
    /// Every signed object of the section, for verification in parallel before a replay.
    var signedObjects: [any SignedObject] { get }
}

/// One kind of signed object a module brings: how it travels and where it is stored.
public struct ModuleObjectKind: Sendable, Equatable {
    /// Its name in messages and in `pot fetch --help`, e.g. "market bet".
    public let name: String
    /// Its short name in inventories, logs and metrics labels, e.g. "bet".
    public let shortName: String
    /// The hash domain of its body.
    public let domain: DomainTag
    /// Its number on the wire. The kernel's kinds are 1 to 3.
    public let wireKind: UInt8
    /// The folder under `refs/pot/` where pending objects of this kind are stored.
    public let refRoot: String
    /// Decodes a signed object of this kind, strictly and within its size limit.
    public let decode: @Sendable ([UInt8]) throws -> any SignedObject
    /// The object's ref below `refs/pot/<refRoot>/` (nil when it is not of this kind): a ref
    /// that does not match its blob's object has been tampered with.
    public let path: @Sendable (any SignedObject, Hash256) -> String?

    /// A kind whose objects are `Signed<Body>`, stored under `refs/pot/<refRoot>/<path>`.
    public init<Body: SignableBody>(_ body: Body.Type, shortName: String, wireKind: UInt8, refRoot: String,
                                    path: @escaping @Sendable (Signed<Body>, Hash256) -> String) {
        name = Body.objectName
        self.shortName = shortName
        domain = Body.domain
        self.wireKind = wireKind
        self.refRoot = refRoot
        decode = { try Signed<Body>(bytes: $0) }
        self.path = { object, chain in (object as? Signed<Body>).map { path($0, chain) } }
    }

    /// The full ref name of `object`, when it is of this kind.
    public func ref(of object: any SignedObject, chain: Hash256) -> String? {
        path(object, chain).map { "refs/pot/\(refRoot)/\($0)" }
    }

    public static func == (a: ModuleObjectKind, b: ModuleObjectKind) -> Bool {
        (a.name, a.shortName, a.domain, a.wireKind, a.refRoot) == (b.name, b.shortName, b.domain, b.wireKind, b.refRoot)
    }
}

/// A chain parameter of a module: an unsigned integer, named `<module>.<name>`, fixed at genesis.
public struct ModuleParameter: Sendable, Equatable {
    /// The full name, e.g. "markets.max_resolution_window".
    public let name: String
    public let defaultValue: UInt64
    public let range: ClosedRange<UInt64>
    /// What it sets and in which unit, one line.
    public let summary: String

    public init(_ name: String, default defaultValue: UInt64, range: ClosedRange<UInt64>, summary: String) {
        self.name = name; self.defaultValue = defaultValue; self.range = range; self.summary = summary
    }
}
