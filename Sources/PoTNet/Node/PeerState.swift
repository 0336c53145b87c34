import PoTCore

/// A connection's handle, chosen by the driver.
public typealias PeerID = Int

/// What a node asks its driver to do.
public enum NodeAction: Equatable, Sendable {
    case send(PeerID, [UInt8])
    /// Close the connection once what was sent before has been written.
    case close(PeerID, DisconnectReason)
    /// Open a connection to "host:port" and report it with `peerConnected`.
    case connect(String)
}

/// What a node remembers about one connection.
struct PeerState {
    var session: PeerSession
    let address: String?
    let outbound: Bool
    let connectedAt: UInt64
    var lastReceivedAt: UInt64
    var lastPingAt: UInt64
    var partialSince: UInt64?
    /// Relays this peer may still send now (NET-RELAY), and when the allowance was last topped up.
    var relayAllowance: UInt64
    var relayRefilledAt: UInt64
    var score = 0
    var known: BoundedSet<InventoryItem>
    var inFlight: Set<InventoryItem> = []
    var wanted: [InventoryItem] = []
    var announceQueue: [InventoryItem] = []
    /// Where the next sync page starts, once the objects of this one have arrived.
    var syncNext: UInt64?
    var listenAddress: String?

    var nodeKey: PublicKey? { session.peerHello?.nodeKey }
    var isReady: Bool { session.isReady }
}

/// A public snapshot of one peer, for status output and metrics.
public struct PeerSummary: Sendable, Equatable {
    public let id: PeerID
    public let address: String?
    public let outbound: Bool
    public let ready: Bool
    public let nodeKey: PublicKey?
    public let tipHeight: UInt64?
    public let score: Int
}
