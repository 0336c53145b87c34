import ArgumentParser
import PoTCore
import PoTLight

struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Download and verify the block headers of a chain from its full nodes.",
        discussion: """
            Headers come from the first peer that serves them all validly; a peer that serves an \
            invalid header is dropped along with what it served. The other peers are then asked for \
            their block at every 1000th height and at the tip, and each disagreement is reported.
            """)

    @Option(name: .customLong("peer"), help: "A full node, HOST:PORT. Repeat for several.")
    var peers: [String] = []
    @Option(name: .customLong("chain-id"), help: "The chain id: 64 hexadecimal digits.")
    var chainId: String
    @Option(help: "Fetch this many random full blocks and check them against their headers.")
    var audit: Int = 0
    @Option(help: "Where to keep the headers (default: .pot-light/<chain id>).")
    var dir: String?
    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let chain = try Arguments.chainId(chainId)
        let addresses = try Arguments.peers(peers)
        guard audit >= 0 else { throw CLIError("--audit must be 0 or more") }
        let display = ProgressDisplay()
        let sync = LightSync(directory: Arguments.directory(dir, chainId: chain))
        let report = try await sync.sync(peers: addresses, chainId: chain, audit: audit, progress: display.show)
        display.finish()
        if json {
            print(try JSONText.render(SyncDocument(report)))
        } else {
            printText(report)
        }
        let disagreements = report.disagreements.count
        let auditFailures = report.audit?.failures.count ?? 0
        if disagreements > 0 {
            throw CLIError("other peers disagree with the synced chain at \(disagreements) height\(disagreements == 1 ? "" : "s")")
        }
        if auditFailures > 0 {
            throw CLIError("the audit found \(auditFailures) problem\(auditFailures == 1 ? "" : "s")")
        }
    }

    private func printText(_ report: SyncReport) {
        print("chain    \(report.chainId.hex)")
        print("height   \(report.tip.height)  (\(report.fetched) new from \(report.source))")
        print("tip      \(report.tip.id.hex)  time \(report.tip.timestamp)")
        for comparison in report.comparisons { print(comparison.description) }
        if let audit = report.audit {
            print("audit    \(audit.heights.count) blocks checked, \(audit.failures.count) problems")
            for failure in audit.failures { print(failure.description) }
        }
    }
}
