import ArgumentParser
import Foundation
import PoTCLI
import PoTContracts
import PoTCore

/// `pot contract simulate`: the module's claims under attack, measured with the real state
/// transition, the real committee draw and the real Raft state machine.
struct ContractSimulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Measure the committees under attack: collusion, silence, sybil rings, leader crashes.",
        discussion: """
        Every dispute runs on a chain of seven members kept in memory, through the state transition: a colluding \
        minority of two arbiters, a silent arbiter and its recovery by the shares of 0 to 4 members. The sybil table \
        draws committees with the chain's own draw; the failover table crashes the leader of a 5-member Raft \
        committee 5 times in each of 1000 seeded runs (--failover-runs). Deterministic: the same seed prints the same tables.
        """)
    @Option(help: "Disputes per row.") var runs = 100
    @Option(help: "Committees drawn per sybil row.") var draws = 10_000
    @Option(name: .customLong("failover-runs"), help: "Seeded Raft runs (5 leader crashes each).") var failoverRuns = 1_000
    @Option(help: "The first seed.") var seed: UInt64 = 1
    @Flag(help: "Print JSON.") var json = false

    struct CollusionRow: Encodable { let collusion: String; let runs: Int; let as_honest_found: Int; let by_leader: Int; let recovered: Int }
    struct RecoveryRow: Encodable { let releasing: Int; let runs: Int; let recovered: Int }
    struct Failover: Encodable { let failovers: Int; let p50: Double; let p90: Double; let p99: Double; let max: Double; let unfinished: Int; let unsafe_runs: Int }
    struct Report: Encodable {
        let collusion: [CollusionRow]
        let recovery: [RecoveryRow]
        let capture: [CaptureSimulation.Row]
        let failover: Failover
    }

    func validate() throws {
        guard runs > 0, draws > 0, failoverRuns > 0 else { throw ValidationError("--runs, --draws and --failover-runs must be at least 1") }
    }

    func run() throws {
        let collusion = try DisputeSimulation.Collusion.allCases.map { kind in
            var same = 0, leader = 0, recovered = 0
            for i in 0..<runs {
                let outcome = try DisputeSimulation.collusion(seed: seed &+ UInt64(i), colluders: 2, kind)
                if outcome.decision == outcome.truth { same += 1 }
                if outcome.byLeader { leader += 1 }
                recovered += outcome.recovered
            }
            return CollusionRow(collusion: kind.rawValue, runs: runs, as_honest_found: same, by_leader: leader, recovered: recovered)
        }
        let recovery = try (0...4).map { releasing in
            RecoveryRow(releasing: releasing, runs: runs,
                        recovered: try (0..<runs).filter { try DisputeSimulation.recovery(seed: seed &+ UInt64($0), releasing: releasing) }.count)
        }
        let capture = [3, 5, 8, 12].map { CaptureSimulation.run(honest: 16, ring: $0, ringTrust: 750_000, draws: draws, seed: seed) }
        let stats = RaftSimulation.measureFailover(runs: failoverRuns, crashes: 5, maxLatency: 1, firstSeed: seed)
        let failover = Failover(failovers: stats.samples.count, p50: stats.inTimeouts(0.5), p90: stats.inTimeouts(0.9), p99: stats.inTimeouts(0.99),
                                max: stats.worst, unfinished: stats.unfinished, unsafe_runs: stats.unsafeRuns)
        if json {
            print(try Format.json(Report(collusion: collusion, recovery: recovery, capture: capture, failover: failover)))
            return
        }
        print("two colluding arbiters of five seal the verdict the other three do not (\(runs) disputes a row)")
        print("they ...   decided as the honest three found   posted by a leader   verdicts recovered")
        for row in collusion {
            print("\(row.collusion.padded(10))  \(String(row.as_honest_found).padded(3, left: true))/\(row.runs)"
                  + "                             \(String(row.by_leader).padded(3, left: true))/\(row.runs)            \(row.recovered)")
        }
        print("")
        print("a silent arbiter's verdict, by the members that release their shares (threshold 3; \(runs) disputes a row)")
        print("releasing  recovered")
        for row in recovery { print("\(String(row.releasing).padded(9))  \(row.recovered)/\(row.runs)") }
        print("")
        print("a ring of identities at 75.0% service trust beside 16 members at 60.0% to 95.0%: committees of 5 it holds 3 seats of")
        print("ring  measured  computed  (\(draws) draws a row)")
        for row in capture {
            print("\(String(row.ring).padded(4))  \(String(format: "%7.2f%%", row.measured * 100))  \(String(format: "%7.2f%%", row.computed * 100))")
        }
        print("")
        print("a committee of 5 elects a new leader after its leader crashes (Raft with PreVote and CheckQuorum; election timeout 10 ticks,")
        print("messages delayed 0 to 1 tick; \(failover.failovers) crashes over \(failoverRuns) seeded runs), in election timeouts:")
        print("p50 \(failover.p50)  p90 \(failover.p90)  p99 \(failover.p99)  max \(failover.max)  (unfinished \(failover.unfinished), runs with two leaders in a term \(failover.unsafe_runs))")
    }
}
