import Foundation
import PoTNet
import PoTTestSupport
import Testing

@Suite("Metrics of a daemon", .serialized)
struct MetricsDaemonTests {
    /// promtool on PATH (Debian package prometheus, installed by scripts/setup.sh tests).
    static let promtool: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/promtool" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("NET-METRICS: /metrics passes promtool check metrics, and every counter and reason is there from the start at 0")
    func promtoolAcceptsMetrics() throws {
        let root = TestEnvironment.temporaryDirectory("pot-metrics")
        defer { TestEnvironment.remove(root) }
        let repo = root + "/node"
        _ = try initChain(at: repo)
        let daemon = try Daemon(repo: repo, metrics: true)
        defer { daemon.stop() }
        let metrics = try daemon.scrapeMetrics()
        let lines = Set(metrics.split(separator: "\n").map(String.init))

        for family in ["pot_peers", "pot_tip_height", "pot_finalized_height", "pot_objects_received_total", "pot_objects_relayed_total",
                       "pot_objects_announced_total", "pot_objects_rejected_total", "pot_disconnects_total",
                       "pot_misbehavior_points_total", "pot_bans_total"] {
            #expect(lines.contains { $0.hasPrefix("# HELP \(family) ") }, "no help for \(family)")
        }
        #expect(lines.contains("pot_bans_total 0"))
        #expect(lines.contains("pot_objects_relayed_total 0"))
        for reason in RejectReason.allCases {
            #expect(lines.contains("pot_objects_rejected_total{reason=\"\(reason.rawValue)\"} 0"))
        }
        for offence in Offence.allCases {
            #expect(lines.contains("pot_misbehavior_points_total{offence=\"\(offence.rawValue)\"} 0"))
        }
        for kind in DisconnectReason.Kind.allCases {
            #expect(lines.contains("pot_disconnects_total{reason=\"\(kind.rawValue)\"} 0"))
        }
        for kind in ObjectKind.all(.standard) {
            #expect(lines.contains("pot_objects_received_total{kind=\"\(kind.description)\"} 0"))
        }

        guard let promtool = Self.promtool else {
            print("metrics: promtool is not installed (scripts/setup.sh tests installs it); skipping promtool check metrics")
            return
        }
        let file = root + "/metrics.txt"
        try metrics.write(toFile: file, atomically: true, encoding: .utf8)
        let check = try Run.process("/bin/sh", ["-c", "'\(promtool)' check metrics < '\(file)'"], in: root, environment: [:])
        print("metrics: promtool check metrics exited \(check.status): \(check.stdout)\(check.stderr)")
        #expect(check.status == 0 && check.stdout.isEmpty && check.stderr.isEmpty, "\(check.stdout)\(check.stderr)")
    }
}
