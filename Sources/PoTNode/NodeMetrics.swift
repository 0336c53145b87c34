import PoTModules
import PoTNet
import Prometheus

/// The daemon's metrics in Prometheus form (NET-METRICS): every family has help text, and every
/// counter and each of its known labels is exported from the start.
final class NodeMetrics: @unchecked Sendable {
    let registry = PrometheusCollectorRegistry()
    private let peers: Gauge
    private let tip: Gauge
    private let finalized: Gauge
    private let relayed: Counter
    private let announced: Counter
    private let bans: Counter
    private var received: CounterFamily
    private var rejected: CounterFamily
    private var penalties: CounterFamily
    private var disconnects: CounterFamily
    private var relays: CounterFamily
    private let relaysSent: Counter
    private var last = NodeStats()

    init() {
        peers = registry.makeGauge(name: "pot_peers", help: "Peers with a completed handshake.")
        tip = registry.makeGauge(name: "pot_tip_height", help: "Height of the block main points to.")
        finalized = registry.makeGauge(name: "pot_finalized_height", help: "Highest finalized height.")
        relayed = registry.makeCounter(name: "pot_objects_relayed_total", help: "Objects sent to peers that asked for them.")
        announced = registry.makeCounter(name: "pot_objects_announced_total", help: "Inventory items announced to peers.")
        bans = registry.makeCounter(name: "pot_bans_total", help: "Node keys banned for misbehavior.")
        received = CounterFamily("pot_objects_received_total", label: "kind", values: ObjectKind.all(.standard).map(\.description),
                                 help: "Objects received from peers, by kind.", registry: registry)
        rejected = CounterFamily("pot_objects_rejected_total", label: "reason", values: RejectReason.allCases.map(\.rawValue),
                                 help: "Received objects dropped, by reason.", registry: registry)
        penalties = CounterFamily("pot_misbehavior_points_total", label: "offence", values: Offence.allCases.map(\.rawValue),
                                  help: "Misbehavior points given to peers, by offence.", registry: registry)
        relays = CounterFamily("pot_relays_received_total", label: "outcome", values: RelayOutcome.allCases.map(\.rawValue),
                               help: "Relays of modules received from peers, by what became of them.", registry: registry)
        relaysSent = registry.makeCounter(name: "pot_relays_sent_total", help: "Relays this node's agents made and sent.")
        disconnects = CounterFamily("pot_disconnects_total", label: "reason", values: DisconnectReason.Kind.allCases.map(\.rawValue),
                                    help: "Connections ended or refused, by reason.", registry: registry)
    }

    /// Records what changed since the last update. Called on the node's thread.
    func update(stats: NodeStats, peerCount: Int, tipHeight: UInt64, finalizedHeight: UInt64) {
        peers.record(Int64(peerCount))
        tip.record(Int64(tipHeight))
        finalized.record(Int64(finalizedHeight))
        received.advance(to: stats.received)
        var dropped = stats.rejected
        dropped[RejectReason.duplicate.rawValue, default: 0] += stats.duplicates
        rejected.advance(to: dropped)
        penalties.advance(to: stats.penalties)
        disconnects.advance(to: stats.disconnects)
        relays.advance(to: stats.relays)
        if stats.relaysSent > last.relaysSent { relaysSent.increment(by: Int64(stats.relaysSent - last.relaysSent)) }
        if stats.relayed > last.relayed { relayed.increment(by: Int64(stats.relayed - last.relayed)) }
        if stats.announced > last.announced { announced.increment(by: Int64(stats.announced - last.announced)) }
        if stats.bans > last.bans { bans.increment(by: Int64(stats.bans - last.bans)) }
        last = stats
    }

    func render() -> [UInt8] { registry.emitToBuffer() }
}
