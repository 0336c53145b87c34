import PoTCore

/// The first message each side sends on a new connection.
public struct Hello: Equatable, Sendable {
    public var version: UInt64
    public var chainId: Hash256
    public var nodeKey: PublicKey
    /// 32 fresh random bytes the other side must sign.
    public var nonce: [UInt8]
    /// Where this node accepts connections ("host:port"), if it does.
    public var listenAddress: String?
    /// The height of the sender's canonical tip.
    public var tipHeight: UInt64

    public init(version: UInt64, chainId: Hash256, nodeKey: PublicKey, nonce: [UInt8], listenAddress: String?, tipHeight: UInt64) {
        self.version = version; self.chainId = chainId; self.nodeKey = nodeKey; self.nonce = nonce
        self.listenAddress = listenAddress; self.tipHeight = tipHeight
    }
}

/// Everything peers say to each other. Each message is `{0: type, …fields}` in deterministic CBOR.
public enum Message: Equatable, Sendable {
    case hello(Hello)
    /// The sender's signature over the receiver's nonce (see `HandshakeProof`).
    case auth(signature: [UInt8])
    case ping(UInt64)
    case pong(UInt64)
    /// "I have these objects."
    case inventory([InventoryItem])
    /// "Send me these objects."
    case getData([InventoryItem])
    case object(WireObject)
    case notFound([InventoryItem])
    /// Canonical headers at heights `from`, `from+1`, … (at most `count`).
    case getHeaders(from: UInt64, count: UInt64)
    case headers(from: UInt64, [SignedHeader])
    /// Inventory of everything stored at heights ≥ `from` (and pending transfers).
    case getSync(from: UInt64)
    /// One page of that inventory; `next` is where the following page starts, nil at the end.
    case syncPage(items: [InventoryItem], next: UInt64?)
    case getAddresses
    case addresses([String])
    case getGenesis
    case genesis(params: [UInt8])
    /// Sent before closing, to say why.
    case goodbye(reason: String)
    /// A signed message of a module between nodes, flooded rather than stored (NET-RELAY): the
    /// topic is the module's payload key, the body the module's own encoding.
    case relay(topic: UInt64, body: [UInt8])

    public static let maxItems = 4096
    public static let maxHeaders: UInt64 = 2000
    public static let maxAddresses = 256
    public static let maxReasonBytes = 512
    public static let maxRelayBytes = 8192

    var type: UInt64 {
        switch self {
        case .hello: return 1
        case .auth: return 2
        case .ping: return 3
        case .pong: return 4
        case .inventory: return 5
        case .getData: return 6
        case .object: return 7
        case .notFound: return 8
        case .getHeaders: return 9
        case .headers: return 10
        case .getSync: return 11
        case .syncPage: return 12
        case .getAddresses: return 13
        case .addresses: return 14
        case .getGenesis: return 15
        case .genesis: return 16
        case .goodbye: return 17
        case .relay: return 18
        }
    }

    public var name: String {
        switch self {
        case .hello: return "hello"
        case .auth: return "auth"
        case .ping: return "ping"
        case .pong: return "pong"
        case .inventory: return "inventory"
        case .getData: return "getdata"
        case .object: return "object"
        case .notFound: return "notfound"
        case .getHeaders: return "getheaders"
        case .headers: return "headers"
        case .getSync: return "getsync"
        case .syncPage: return "syncpage"
        case .getAddresses: return "getaddr"
        case .addresses: return "addr"
        case .getGenesis: return "getgenesis"
        case .genesis: return "genesis"
        case .goodbye: return "goodbye"
        case .relay: return "relay"
        }
    }

    public func cbor() -> CBOR {
        var f: [UInt64: CBOR] = [0: .unsigned(type)]
        switch self {
        case .hello(let h):
            f[1] = .unsigned(h.version); f[2] = .bytes(h.chainId.bytes); f[3] = .bytes(h.nodeKey.bytes)
            f[4] = .bytes(h.nonce); f[6] = .unsigned(h.tipHeight)
            if let address = h.listenAddress { f[5] = .text(address) }
        case .auth(let signature): f[1] = .bytes(signature)
        case .ping(let n), .pong(let n): f[1] = .unsigned(n)
        case .inventory(let items), .getData(let items), .notFound(let items): f[1] = .array(items.map { $0.cbor() })
        case .object(let object): f[1] = object.cbor()
        case let .getHeaders(from, count): f[1] = .unsigned(from); f[2] = .unsigned(count)
        case let .headers(from, headers): f[1] = .unsigned(from); f[2] = .array(headers.map { $0.cbor() })
        case .getSync(let from): f[1] = .unsigned(from)
        case let .syncPage(items, next):
            f[1] = .array(items.map { $0.cbor() })
            if let next { f[2] = .unsigned(next) }
        case .getAddresses, .getGenesis: break
        case .addresses(let list): f[1] = .array(list.map { .text($0) })
        case .genesis(let params): f[1] = .bytes(params)
        case .goodbye(let reason): f[1] = .text(reason)
        case let .relay(topic, body): f[1] = .unsigned(topic); f[2] = .bytes(body)
        }
        return .map(f)
    }

    public func encoded() -> [UInt8] { cbor().encoded() }

    /// Decodes one frame body. Throws on anything but the one canonical encoding of a known
    /// message whose objects are the kernel's or those of `modules`.
    public init(bytes: [UInt8], modules: ChainModules) throws {
        let value = try CBOR.decode(bytes, limits: CBORLimits(maxDepth: 16, maxLength: Frame.defaultMaxBytes))
        try self.init(cbor: value, modules: modules)
        guard encoded() == bytes else { throw ObjectError("\(name) message is not in canonical form") }
    }

    init(cbor: CBOR, modules: ChainModules) throws {
        guard case .map(let entries) = cbor, let typeValue = entries[0] else {
            throw ObjectError("a message is a map with its type in field 0")
        }
        let type = try typeValue.uint("message type")
        func fields(_ keys: Set<UInt64>, _ name: String) throws -> CBORFields {
            try CBORFields(cbor, object: "\(name) message", allowedKeys: keys.union([0]))
        }
        func items(_ f: CBORFields) throws -> [InventoryItem] {
            try f.array(1, max: Message.maxItems).map { try InventoryItem(cbor: $0, modules: modules) }
        }
        switch type {
        case 1:
            let f = try fields([1, 2, 3, 4, 5, 6], "hello")
            self = .hello(Hello(
                version: try f.uint(1), chainId: try f.hash(2), nodeKey: try f.publicKey(3),
                nonce: try f.bytes(4, count: 32), listenAddress: try f.optionalText(5, maxUTF8: 255),
                tipHeight: try f.uint(6)))
        case 2: self = .auth(signature: try fields([1], "auth").bytes(1, count: 64))
        case 3: self = .ping(try fields([1], "ping").uint(1))
        case 4: self = .pong(try fields([1], "pong").uint(1))
        case 5: self = .inventory(try items(try fields([1], "inventory")))
        case 6: self = .getData(try items(try fields([1], "getdata")))
        case 7: self = .object(try WireObject(cbor: try fields([1], "object").value(1), modules: modules))
        case 8: self = .notFound(try items(try fields([1], "notfound")))
        case 9:
            let f = try fields([1, 2], "getheaders")
            self = .getHeaders(from: try f.uint(1), count: try f.uint(2))
        case 10:
            let f = try fields([1, 2], "headers")
            let list = try f.array(2, max: Int(Message.maxHeaders)).map { try SignedHeader(cbor: $0) }
            self = .headers(from: try f.uint(1), list)
        case 11: self = .getSync(from: try fields([1], "getsync").uint(1))
        case 12:
            let f = try fields([1, 2], "syncpage")
            self = .syncPage(items: try items(f), next: try f.optionalUInt(2))
        case 13: _ = try fields([], "getaddr"); self = .getAddresses
        case 14:
            let f = try fields([1], "addr")
            self = .addresses(try f.array(1, max: Message.maxAddresses).map { try $0.text("address", maxUTF8: 255) })
        case 15: _ = try fields([], "getgenesis"); self = .getGenesis
        case 16: self = .genesis(params: try fields([1], "genesis").bytes(1, max: ObjectLimits.maxParamsBytes))
        case 17: self = .goodbye(reason: try fields([1], "goodbye").text(1, maxUTF8: Message.maxReasonBytes))
        case 18:
            let f = try fields([1, 2], "relay")
            self = .relay(topic: try f.uint(1), body: try f.bytes(2, max: Message.maxRelayBytes))
        default: throw ObjectError("unknown message type \(type)")
        }
    }
}
