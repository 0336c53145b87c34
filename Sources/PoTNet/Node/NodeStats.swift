/// Counters a node keeps for logs and metrics.
public struct NodeStats: Sendable, Equatable {
    public var received: [String: Int] = [:]
    public var stored: [String: Int] = [:]
    public var relayed = 0
    public var announced = 0
    /// Dropped objects by `RejectReason` (duplicates are counted apart).
    public var rejected: [String: Int] = [:]
    public var duplicates = 0
    /// Misbehavior points given, by `Offence`.
    public var penalties: [String: Int] = [:]
    public var bans = 0
    /// Relays received, by `RelayOutcome`.
    public var relays: [String: Int] = [:]
    /// Relays this node made and sent.
    public var relaysSent = 0
    /// Ended connections by `DisconnectReason.Kind`.
    public var disconnects: [String: Int] = [:]

    public init() {}
}
