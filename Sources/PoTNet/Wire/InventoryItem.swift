import PoTCore

/// The kind of an object that travels by inventory: the kernel's (vote 1, transfer 2, block 3),
/// or one a module brings (`ModuleObjectKind.wireKind`). Two kinds are the same when their
/// numbers are.
public struct ObjectKind: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    /// The short name in logs and metrics labels ("vote", "bet").
    public let description: String

    init(_ rawValue: UInt8, _ name: String) {
        self.rawValue = rawValue
        self.description = name
    }

    public static let vote = ObjectKind(1, "vote")
    public static let transfer = ObjectKind(2, "transfer")
    public static let block = ObjectKind(3, "block")
    public static let kernel: [ObjectKind] = [.vote, .transfer, .block]

    /// The wire kind of a module's objects.
    public init(_ kind: ModuleObjectKind) { self.init(kind.wireKind, kind.shortName) }

    /// Every kind a node with `modules` knows: the kernel's, then each module's in dependency order.
    public static func all(_ modules: ChainModules) -> [ObjectKind] { kernel + modules.kinds.map(ObjectKind.init) }

    /// The kind numbered `raw` among those a node with `modules` knows.
    public static func known(_ raw: UInt8, _ modules: ChainModules) -> ObjectKind? { all(modules).first { $0.rawValue == raw } }

    public static func == (a: ObjectKind, b: ObjectKind) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

/// Names one object: its kind and its id (the domain-separated hash of its signed body).
public struct InventoryItem: Hashable, Sendable, CustomStringConvertible {
    public let kind: ObjectKind
    public let id: Hash256

    public init(_ kind: ObjectKind, _ id: Hash256) {
        self.kind = kind
        self.id = id
    }

    public var description: String { "\(kind) \(id.short)" }

    func cbor() -> CBOR { .array([.unsigned(UInt64(kind.rawValue)), .bytes(id.bytes)]) }

    init(cbor: CBOR, modules: ChainModules) throws {
        let pair = try cbor.array("inventory item", max: 2)
        guard pair.count == 2 else { throw ObjectError("an inventory item is a pair [kind, id]") }
        let raw = try pair[0].uint("inventory kind")
        guard raw <= UInt64(UInt8.max), let kind = ObjectKind.known(UInt8(raw), modules) else {
            throw ObjectError("unknown inventory kind \(raw)")
        }
        self.init(kind, try pair[1].hash256("inventory id"))
    }
}
