/// Limits and timings of a gossip node. Times are in milliseconds of the driver's clock.
public struct NodeConfig: Sendable {
    public var listenAddress: String?
    public var maxFrameBytes = Frame.defaultMaxBytes
    public var handshakeTimeout: UInt64 = 10_000
    /// How long a frame may take to arrive once it has started (slow senders are cut off).
    public var frameTimeout: UInt64 = 20_000
    public var pingInterval: UInt64 = 15_000
    public var idleTimeout: UInt64 = 45_000
    public var requestTimeout: UInt64 = 8_000
    public var syncInterval: UInt64 = 20_000
    public var settleInterval: UInt64 = 50
    public var reconnectInterval: UInt64 = 5_000
    public var targetOutbound = 8
    /// Established peers at most (NET-SLOTS).
    public var maxPeers = 64
    /// Inbound connections still in their handshake at most; a newer one evicts the longest silent.
    public var maxPendingInbound = 64
    public var banThreshold = 100
    public var banDuration: UInt64 = 600_000
    public var maxOrphans = 512
    public var maxInFlightPerPeer = 1024
    public var knownItemsPerPeer = 50_000
    /// Relays a peer may send per second on average (NET-RELAY), and at once.
    public var relayRate: UInt64 = 200
    public var relayBurst: UInt64 = 400

    public init(listenAddress: String? = nil) { self.listenAddress = listenAddress }
}

/// Misbehavior points per `Offence`; a peer reaching `NodeConfig.banThreshold` is banned.
public enum Penalty {
    public static let invalidObject = 25
    public static let unknownParent = 20
    public static let unsolicitedDuplicate = 5
    public static let unsolicited = 1
    public static let invalidRelay = 25
}
