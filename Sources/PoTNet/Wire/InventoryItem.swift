import PoTCore

/// The kinds of signed object that travel by inventory. Later modules add kinds here.
public enum ObjectKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case vote = 1
    case transfer = 2
    case block = 3
    case marketDeclaration = 4
    case marketBet = 5
    case marketResolution = 6

    public var description: String {
        switch self {
        case .vote: return "vote"
        case .transfer: return "transfer"
        case .block: return "block"
        case .marketDeclaration: return "market"
        case .marketBet: return "bet"
        case .marketResolution: return "resolution"
        }
    }
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

    init(cbor: CBOR) throws {
        let pair = try cbor.array("inventory item", max: 2)
        guard pair.count == 2 else { throw ObjectError("an inventory item is a pair [kind, id]") }
        let raw = try pair[0].uint("inventory kind")
        guard raw <= UInt64(UInt8.max), let kind = ObjectKind(rawValue: UInt8(raw)) else {
            throw ObjectError("unknown inventory kind \(raw)")
        }
        self.init(kind, try pair[1].hash256("inventory id"))
    }
}
