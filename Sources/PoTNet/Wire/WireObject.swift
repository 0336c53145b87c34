import PoTCore
import PoTMarkets
import PoTModules

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

/// A signed object received from or sent to a peer.
public enum WireObject: Equatable, Sendable {
    case vote(SignedVote)
    case transfer(SignedTransfer)
    case block(BlockBundle)
    case marketDeclaration(SignedMarketDeclaration)
    case marketBet(SignedMarketBet)
    case marketResolution(SignedMarketResolution)

    public var kind: ObjectKind {
        switch self {
        case .vote: return .vote
        case .transfer: return .transfer
        case .block: return .block
        case .marketDeclaration: return .marketDeclaration
        case .marketBet: return .marketBet
        case .marketResolution: return .marketResolution
        }
    }

    public func item(chain: Hash256) -> InventoryItem {
        switch self {
        case .vote(let v): return InventoryItem(.vote, v.id(chain: chain))
        case .transfer(let t): return InventoryItem(.transfer, t.id(chain: chain))
        case .block(let b): return InventoryItem(.block, b.header.id(chain: chain))
        case .marketDeclaration(let d): return InventoryItem(.marketDeclaration, d.id(chain: chain))
        case .marketBet(let b): return InventoryItem(.marketBet, b.id(chain: chain))
        case .marketResolution(let r): return InventoryItem(.marketResolution, r.id(chain: chain))
        }
    }

    /// `{1: kind, 2: signed object}`, and for blocks `3: payload`, `4: pack` (omitted when empty).
    func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [1: .unsigned(UInt64(kind.rawValue))]
        switch self {
        case .vote(let v): fields[2] = v.cbor()
        case .transfer(let t): fields[2] = t.cbor()
        case .marketDeclaration(let d): fields[2] = d.cbor()
        case .marketBet(let b): fields[2] = b.cbor()
        case .marketResolution(let r): fields[2] = r.cbor()
        case .block(let b):
            fields[2] = b.header.cbor()
            fields[3] = b.payload.cbor()
            if !b.pack.isEmpty { fields[4] = .bytes(b.pack) }
        }
        return .map(fields)
    }

    init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "object", allowedKeys: [1, 2, 3, 4])
        let raw = try f.uint(1)
        guard raw <= UInt64(UInt8.max), let kind = ObjectKind(rawValue: UInt8(raw)) else {
            throw ObjectError("unknown object kind \(raw)")
        }
        if kind != .block, f.optional(3) != nil || f.optional(4) != nil {
            throw ObjectError("only blocks carry a payload or pack")
        }
        switch kind {
        case .vote: self = .vote(try SignedVote(cbor: try f.value(2)))
        case .transfer: self = .transfer(try SignedTransfer(cbor: try f.value(2)))
        case .marketDeclaration: self = .marketDeclaration(try SignedMarketDeclaration(cbor: try f.value(2)))
        case .marketBet: self = .marketBet(try SignedMarketBet(cbor: try f.value(2)))
        case .marketResolution: self = .marketResolution(try SignedMarketResolution(cbor: try f.value(2)))
        case .block:
            let pack = try f.optionalBytes(4, max: BlockBundle.maxPackBytes) ?? []
            if f.optional(4) != nil, pack.isEmpty { throw ObjectError("an empty pack must be omitted") }
            self = .block(BlockBundle(header: try SignedHeader(cbor: try f.value(2)),
                                      payload: try Payload(cbor: try f.value(3)), pack: pack))
        }
    }
}
