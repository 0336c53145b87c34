/// What a module's agent makes of a relay from a peer (NET-RELAY).
public enum RelayVerdict: Equatable, Sendable {
    /// Well formed, correctly signed and about something still open: pass it on to the other peers.
    case forward
    /// Not the sender's fault (about something this node does not know yet, or that is over): keep it.
    case drop(String)
    /// Breaks the module's rules (undecodable, a bad signature, a sender with no say): the peer is blamed.
    case invalid(String)
}

/// What an agent wants done after a tick: relays to flood, objects to validate, store and
/// announce as if made by a `pot` command, and lines for the node's log.
public struct AgentOutput: Sendable {
    public var relays: [[UInt8]]
    public var objects: [WireObject]
    public var lines: [String]

    public init(relays: [[UInt8]] = [], objects: [WireObject] = [], lines: [String] = []) {
        self.relays = relays
        self.objects = objects
        self.lines = lines
    }
}

/// A module's part of a running node: it judges the relays of its topic (and takes those that
/// concern it), and speaks through relays of its own. Called on the node's thread only.
public protocol RelayAgent: AnyObject {
    /// The module's payload key, which names its relays.
    var topic: UInt64 { get }
    /// Judges a relay a peer sent; called once per distinct relay.
    func receive(_ body: [UInt8], now: UInt64) -> RelayVerdict
    /// Called on every tick of the node, after the node's own timers; `now` in milliseconds.
    func tick(now: UInt64) -> AgentOutput
}
