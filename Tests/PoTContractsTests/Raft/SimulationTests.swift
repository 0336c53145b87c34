#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import PoTContracts

@Suite("Simulation")
struct SimulationTests {
    typealias FailoverStats = RaftFailoverStats

    static func measureFailover(runs: Int, crashes: Int, maxLatency: UInt64) -> FailoverStats {
        RaftSimulation.measureFailover(runs: runs, crashes: crashes, maxLatency: maxLatency)
    }

    static func report(_ stats: FailoverStats, runs: Int, maxLatency: UInt64) {
        print("""
            failover (latency 0-\(maxLatency) ticks, electionTimeout \(stats.electionTimeout) ticks, \
            \(stats.samples.count) crashes over \(runs) runs): ticks to new leader in election timeouts: \
            min \(stats.best) p50 \(stats.inTimeouts(0.5)) p90 \(stats.inTimeouts(0.9)) \
            p99 \(stats.inTimeouts(0.99)) max \(stats.worst) mean \((stats.mean * 100).rounded() / 100)
            """)
    }

    @Test("Crash the leader repeatedly: ticks to a new leader over 1000 seeded runs (5 nodes)")
    func failoverLatency() {
        let runs = 1000
        let crashes = 5
        let stats = Self.measureFailover(runs: runs, crashes: crashes, maxLatency: 1)
        Self.report(stats, runs: runs, maxLatency: 1)
        // Bounded: every failover completes, none takes more than 10 election timeouts.
        #expect(stats.unfinished == 0)
        #expect(stats.samples.count == runs * crashes)
        #expect(stats.worst <= 10)
        #expect(stats.inTimeouts(0.99) <= 5)
        // Nobody may campaign before a full election timeout without a leader.
        #expect(stats.best >= 1)
        // Safety held throughout: one leader per term, committed prefixes agree.
        #expect(stats.unsafeRuns == 0)
        #expect(stats.divergentRuns == 0)
    }

    @Test("Failover latency sweep over network latency (set RAFT_SIM_SWEEP=1)",
          .enabled(if: getenv("RAFT_SIM_SWEEP") != nil),
          arguments: [UInt64(0), 1, 2])
    func failoverLatencySweep(maxLatency: UInt64) {
        let stats = Self.measureFailover(runs: 1000, crashes: 5, maxLatency: maxLatency)
        Self.report(stats, runs: 1000, maxLatency: maxLatency)
        #expect(stats.unfinished == 0)
        #expect(stats.unsafeRuns == 0)
        #expect(stats.divergentRuns == 0)
    }

    @Test("Same seeds replay identically; another seed does not")
    func deterministicReplay() {
        func replay(seed: UInt64) -> Simulation {
            var simulation = Simulation(seed: seed)
            simulation.recordTrace = true
            _ = simulation.run(until: { $0.leader != nil }, limit: 1000)
            for round in 0 ..< 3 {
                simulation.propose([UInt8(round)])
                simulation.run(ticks: 5)
                if let leader = simulation.leader {
                    simulation.crash(leader.id)
                    _ = simulation.run(until: { $0.leader != nil }, limit: 1000)
                    simulation.restart(leader.id)
                }
            }
            simulation.run(ticks: 20)
            return simulation
        }
        let first = replay(seed: 7)
        let second = replay(seed: 7)
        #expect(!first.trace.isEmpty)
        #expect(first.trace == second.trace)
        #expect(first.nodes == second.nodes)
        #expect(replay(seed: 8).trace != first.trace)
    }
}
