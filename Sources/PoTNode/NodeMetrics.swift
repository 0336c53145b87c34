import CoreMetrics
import PoTNet
import Prometheus

/// The daemon's metrics in Prometheus form: peers, objects received, relayed and rejected by
/// reason, tip and finalized heights.
final class NodeMetrics: @unchecked Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let peers: CoreMetrics.Gauge
    private let tip: CoreMetrics.Gauge
    private let finalized: CoreMetrics.Gauge
    private let relayed: CoreMetrics.Counter
    private let announced: CoreMetrics.Counter
    private var counters: [String: CoreMetrics.Counter] = [:]
    private var last = NodeStats()

    init() {
        factory = PrometheusMetricsFactory(registry: registry)
        peers = CoreMetrics.Gauge(label: "pot_peers", dimensions: [], factory: factory)
        tip = CoreMetrics.Gauge(label: "pot_tip_height", dimensions: [], factory: factory)
        finalized = CoreMetrics.Gauge(label: "pot_finalized_height", dimensions: [], factory: factory)
        relayed = CoreMetrics.Counter(label: "pot_objects_relayed_total", dimensions: [], factory: factory)
        announced = CoreMetrics.Counter(label: "pot_objects_announced_total", dimensions: [], factory: factory)
    }

    private func counter(_ name: String, _ key: String, _ value: String) -> CoreMetrics.Counter {
        let id = "\(name){\(key)=\(value)}"
        if let known = counters[id] { return known }
        let made = CoreMetrics.Counter(label: name, dimensions: [(key, value)], factory: factory)
        counters[id] = made
        return made
    }

    /// Records what changed since the last update. Called on the node's thread.
    func update(stats: NodeStats, peerCount: Int, tipHeight: UInt64, finalizedHeight: UInt64) {
        peers.record(peerCount)
        tip.record(Int64(tipHeight))
        finalized.record(Int64(finalizedHeight))
        for (kind, n) in stats.received where n > last.received[kind, default: 0] {
            counter("pot_objects_received_total", "kind", kind).increment(by: n - last.received[kind, default: 0])
        }
        for (reason, n) in stats.rejected where n > last.rejected[reason, default: 0] {
            counter("pot_objects_rejected_total", "reason", reason).increment(by: n - last.rejected[reason, default: 0])
        }
        if stats.duplicates > last.duplicates {
            counter("pot_objects_rejected_total", "reason", "duplicate").increment(by: stats.duplicates - last.duplicates)
        }
        for (reason, n) in stats.disconnects where n > last.disconnects[reason, default: 0] {
            counter("pot_disconnects_total", "reason", reason).increment(by: n - last.disconnects[reason, default: 0])
        }
        if stats.relayed > last.relayed { relayed.increment(by: stats.relayed - last.relayed) }
        if stats.announced > last.announced { announced.increment(by: stats.announced - last.announced) }
        last = stats
    }

    func render() -> [UInt8] { registry.emitToBuffer() }
}
