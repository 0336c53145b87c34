import PoTCore

/// A candidate block as it travels: the signed header, the payload, and a git pack holding the
/// code objects the receiver may lack (empty when the block merges no code).
public struct BlockBundle: Equatable, Sendable {
    public var header: SignedHeader
    public var payload: Payload
    public var pack: [UInt8]

    public static let maxPackBytes = 3 << 20

    public init(header: SignedHeader, payload: Payload, pack: [UInt8] = []) {
        self.header = header
        self.payload = payload
        self.pack = pack
    }
}

/// A signed object of a module, with its kind.
public struct ModuleObject: Equatable, Sendable {
    public let kind: ModuleObjectKind
    public let object: any SignedObject

    public init(_ object: any SignedObject, kind: ModuleObjectKind) {
        self.kind = kind
        self.object = object
    }

    public static func == (a: ModuleObject, b: ModuleObject) -> Bool { a.kind == b.kind && a.object.encodedBytes == b.object.encodedBytes }
}

/// A signed object received from or sent to a peer.
public enum WireObject: Equatable, Sendable {
    case vote(SignedVote)
    case transfer(SignedTransfer)
    case block(BlockBundle)
    case module(ModuleObject)

    public var kind: ObjectKind {
        switch self {
        case .vote: return .vote
        case .transfer: return .transfer
        case .block: return .block
        case .module(let m): return ObjectKind(m.kind)
        }
    }

    public func item(chain: Hash256) -> InventoryItem {
        switch self {
        case .vote(let v): return InventoryItem(.vote, v.id(chain: chain))
        case .transfer(let t): return InventoryItem(.transfer, t.id(chain: chain))
        case .block(let b): return InventoryItem(.block, b.header.id(chain: chain))
        case .module(let m): return InventoryItem(kind, m.object.id(chain: chain))
        }
    }

    /// `{1: kind, 2: signed object}`, and for blocks `3: payload`, `4: pack` (omitted when empty).
    func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [1: .unsigned(UInt64(kind.rawValue))]
        switch self {
        case .vote(let v): fields[2] = v.cbor()
        case .transfer(let t): fields[2] = t.cbor()
        case .module(let m): fields[2] = m.object.signedCBOR
        case .block(let b):
            fields[2] = b.header.cbor()
            fields[3] = b.payload.cbor()
            if !b.pack.isEmpty { fields[4] = .bytes(b.pack) }
        }
        return .map(fields)
    }

    /// Decodes an object of the kernel or of one of `modules`; any other kind is refused.
    init(cbor: CBOR, modules: ChainModules) throws {
        let f = try CBORFields(cbor, object: "object", allowedKeys: [1, 2, 3, 4])
        let raw = try f.uint(1)
        guard raw <= UInt64(UInt8.max), let kind = ObjectKind.known(UInt8(raw), modules) else {
            throw ObjectError("unknown object kind \(raw)")
        }
        if kind != .block, f.optional(3) != nil || f.optional(4) != nil {
            throw ObjectError("only blocks carry a payload or pack")
        }
        switch kind {
        case .vote: self = .vote(try SignedVote(cbor: try f.value(2)))
        case .transfer: self = .transfer(try SignedTransfer(cbor: try f.value(2)))
        case .block:
            let pack = try f.optionalBytes(4, max: BlockBundle.maxPackBytes) ?? []
            if f.optional(4) != nil, pack.isEmpty { throw ObjectError("an empty pack must be omitted") }
            self = .block(BlockBundle(header: try SignedHeader(cbor: try f.value(2)),
                                      payload: try Payload(cbor: try f.value(3), modules: modules), pack: pack))
        default:
            let moduleKind = modules.kinds.first { $0.wireKind == kind.rawValue }!
            self = .module(ModuleObject(try moduleKind.decode(try f.value(2).encoded()), kind: moduleKind))
        }
    }
}
