/// Failover times of a seeded cluster: the ticks from a leader's crash until a live node leads a
/// higher term, sorted, with what went wrong.
public struct RaftFailoverStats: Sendable {
    public var samples: [Int] = []
    public var unfinished = 0
    public var unsafeRuns = 0
    public var divergentRuns = 0
    public var electionTimeout = 10

    /// The `quantile` of the samples, in election timeouts.
    public func inTimeouts(_ quantile: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let index = min(samples.count - 1, Int(quantile * Double(samples.count)))
        return Double(samples[index]) / Double(electionTimeout)
    }
    public var best: Double { Double(samples.first ?? 0) / Double(electionTimeout) }
    public var worst: Double { Double(samples.last ?? 0) / Double(electionTimeout) }
    public var mean: Double {
        Double(samples.reduce(0, +)) / Double(max(1, samples.count)) / Double(electionTimeout)
    }
}

extension RaftSimulation {
    /// `runs` seeded runs of 5 nodes. Each run elects a leader, then `crashes` times: proposes an
    /// entry, lets it replicate, crashes the leader, counts the ticks until a live node leads a
    /// higher term, restarts the crashed node from its persisted state and lets the cluster settle.
    public static func measureFailover(runs: Int, crashes: Int, maxLatency: UInt64, firstSeed: UInt64 = 0) -> RaftFailoverStats {
        var stats = RaftFailoverStats()
        for seed in firstSeed ..< firstSeed + UInt64(runs) {
            var simulation = RaftSimulation(seed: seed, maxLatency: maxLatency)
            let timeout = simulation.electionTimeout
            stats.electionTimeout = timeout
            let limit = 100 * timeout
            _ = simulation.run(until: { $0.leader != nil }, limit: limit)
            simulation.run(ticks: 2 * timeout)
            for round in 0 ..< crashes {
                guard simulation.run(until: { $0.leader != nil }, limit: limit) != nil, let old = simulation.leader else {
                    stats.unfinished += 1
                    break
                }
                simulation.propose([UInt8(truncatingIfNeeded: round)])
                simulation.run(ticks: timeout)
                simulation.crash(old.id)
                if let ticks = simulation.run(until: { ($0.leader?.term ?? 0) > old.term }, limit: limit) {
                    stats.samples.append(ticks)
                } else {
                    stats.unfinished += 1
                }
                simulation.restart(old.id)
                simulation.run(ticks: 2 * timeout)
            }
            if !simulation.safetyViolations.isEmpty { stats.unsafeRuns += 1 }
            if !simulation.committedLogsAgree { stats.divergentRuns += 1 }
        }
        stats.samples.sort()
        return stats
    }
}
