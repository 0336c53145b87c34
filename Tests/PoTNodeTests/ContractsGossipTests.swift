import Foundation
import PoTTestSupport
import Testing

@Suite("Contracts over gossip", .serialized)
struct ContractsGossipTests {
    @Test("CONTRACTS-GOSSIP NET-MARKET-ACCEPT: a task posted on one daemon is accepted on another before any block carries it; a delivery on an acceptance not final yet reaches the first daemon, whose next block carries it")
    func postAcceptDeliverOnTwoNodes() throws {
        let root = TestEnvironment.temporaryDirectory("pot-contracts-net")
        defer { TestEnvironment.remove(root) }
        let repos = (0..<2).map { "\(root)/node\($0)" }
        try FileManager.default.createDirectory(atPath: repos[0], withIntermediateDirectories: true)
        try Run.ok(["init", "--k", "2", "--endow", "alice=10000", "--endow", "bob=5000", "--timestamp", "1700000000"], in: repos[0])
        try Run.ok(["clone", repos[0], repos[1]], in: root)
        try MembershipGossipTests.copy([".git/pot/keys/bob.key"], from: repos[0], to: repos[1])
        try FileManager.default.removeItem(atPath: "\(repos[0])/.git/pot/keys/bob.key")
        var daemons: [Daemon] = []
        defer { daemons.forEach { $0.stop() } }
        daemons.append(try Daemon(repo: repos[0]))
        daemons.append(try Daemon(repo: repos[1], peers: [daemons[0].address]))

        let task = try Run.pot(["contract", "post", "--as", "alice", "--title", "port the decoder", "--reward", "700"], in: repos[0]).lastLine
        #expect(task.count == 64)
        #expect(eventually { (try? refs(in: repos[1]))?.contains("refs/pot/contract-posts/\(task)") == true },
                "the post did not reach node 1: \(daemons[1].log.suffix(1500))")
        try Run.ok(["contract", "accept", "--as", "bob", task], in: repos[1])
        #expect(eventually { (try? refs(in: repos[0]))?.contains { $0.hasPrefix("refs/pot/contract-accepts/\(task)/") } == true },
                "the acceptance did not reach node 0: \(daemons[0].log.suffix(1500))")
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000001"], in: repos[0])
        #expect(eventually { (try? Run.ok(["contract", "show", task], in: repos[1]))?.contains("phase      accepted") == true },
                "the block did not reach node 1")
        _ = try Run.git(["checkout", "-q", "-b", "work"], in: repos[1])
        _ = try Run.git(["-c", "user.name=bob", "-c", "user.email=bob@example.org", "commit", "-q", "--allow-empty", "-m", "the port"], in: repos[1])
        try Run.ok(["contract", "deliver", "--as", "bob", task, "--commit", "work"], in: repos[1])
        #expect(eventually { (try? refs(in: repos[0]))?.contains { $0.hasPrefix("refs/pot/contract-deliveries/\(task)/") } == true },
                "the delivery did not reach node 0: \(daemons[1].log.suffix(2500)) ---- \(daemons[0].log.suffix(1500))")
        let proposed = try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000002"], in: repos[0])
        let shown = try Run.ok(["contract", "show", task], in: repos[0])
        #expect(shown.contains("phase      delivered"), "\(proposed)\n\(shown)")
    }
}
