import Prometheus

/// One labelled Prometheus counter family, each of its known label values exported from the
/// start (at 0), and advanced by the growth of a running tally.
struct CounterFamily {
    let name: String
    let label: String
    let help: String
    private let registry: PrometheusCollectorRegistry
    private var counters: [String: Counter] = [:]
    private var last: [String: Int] = [:]

    init(_ name: String, label: String, values: [String], help: String, registry: PrometheusCollectorRegistry) {
        self.name = name
        self.label = label
        self.help = help
        self.registry = registry
        for value in values { counters[value] = registry.makeCounter(name: name, labels: [(label, value)], help: help) }
    }

    /// Adds what each tally gained since the last call; an unforeseen label value gets a counter too.
    mutating func advance(to tallies: [String: Int]) {
        for (value, n) in tallies where n > last[value, default: 0] {
            let counter = counters[value] ?? registry.makeCounter(name: name, labels: [(label, value)], help: help)
            counters[value] = counter
            counter.increment(by: Int64(n - last[value, default: 0]))
        }
        last = tallies
    }
}
