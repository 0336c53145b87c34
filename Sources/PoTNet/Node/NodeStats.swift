/// Counters a node keeps for logs and metrics.
public struct NodeStats: Sendable, Equatable {
    public var received: [String: Int] = [:]
    public var stored: [String: Int] = [:]
    public var relayed = 0
    public var announced = 0
    public var rejected: [String: Int] = [:]
    public var duplicates = 0
    public var bans = 0
    public var disconnects: [String: Int] = [:]

    public init() {}
}
