import Foundation
import PoTTestSupport
import Testing

@Suite("Loopback network", .serialized)
struct LoopbackNetworkTests {
    /// NET-DAEMON-PROPAGATE, NET-SYNC-GENESIS, NET-RESTART: four daemons relay what one node
    /// submits (a block, a vote, a transfer, a market and a bet); a daemon killed with SIGKILL loses nothing; an empty fifth node syncs from genesis.
    @Test("NET-DAEMON-PROPAGATE NET-SYNC-GENESIS NET-RESTART GIT-FSCK: four daemons, a killed one, and an empty fifth; git fsck finds nothing in any")
    func fourDaemonsAndAFifth() throws {
        let root = TestEnvironment.temporaryDirectory("pot-net")
        defer { TestEnvironment.remove(root) }
        let repos = (0..<5).map { "\(root)/node\($0)" }
        try FileManager.default.createDirectory(atPath: repos[0], withIntermediateDirectories: true)
        try Run.ok(["init", "--k", "2", "--alpha", "1000", "--endow", "alice=10000", "--endow", "bob=5000",
                    "--endow", "carol=5000", "--timestamp", "1700000000"], in: repos[0])
        for repo in repos[1...3] { try Run.ok(["clone", repos[0], repo], in: root) }
        let chainId = try JSONSerialization.jsonObject(with: Data(Run.ok(["status", "--json"], in: repos[0]).utf8)) as! [String: Any]
        let id = chainId["chain_id"] as! String

        var daemons: [Daemon] = []
        defer { daemons.forEach { $0.stop() } }
        daemons.append(try Daemon(repo: repos[0]))
        daemons.append(try Daemon(repo: repos[1], peers: [daemons[0].address]))
        daemons.append(try Daemon(repo: repos[2], peers: [daemons[1].address]))
        daemons.append(try Daemon(repo: repos[3], peers: [daemons[2].address, daemons[0].address]))

        // One node submits a candidate block, a vote and a transfer with the ordinary CLI.
        let block = try Run.ok(["propose", "--as", "alice", "--timestamp", "1700000001"], in: repos[0]).split(separator: "\n").last.map(String.init)!
        try Run.ok(["vote", "--as", "bob", "--height", "1", "--candidates", block, "--probs", "0.8,0.2"], in: repos[0])
        try Run.ok(["transfer", "--as", "alice", "--to", "carol", "--amount", "250"], in: repos[0])
        let market = try Run.pot(["market", "declare", "--question", "Ship?", "--outcomes", "yes,no", "--resolver", "carol",
                                  "--close-height", "6", "--as", "alice"], in: repos[0]).lastLine
        try Run.ok(["market", "bet", "--market", market, "--probs", "0.6,0.4", "--as", "bob"], in: repos[0])
        let submitted = try refs(in: repos[0], under: "refs/pot/").filter { !$0.hasPrefix("refs/pot/names") && $0 != "refs/pot/genesis" }
        #expect(submitted.count == 5)
        let everywhere = try eventually { try repos[0...3].allSatisfy { try submitted.isSubset(of: refs(in: $0)) } }
        #expect(everywhere, "objects did not reach every node")
        #expect(eventually { Set(repos[0...3].map(mainCommit)).count == 1 }, "main differs between nodes")

        // Kill one daemon hard while the others move on, then restart it.
        daemons[2].stop(signal: SIGKILL)
        try Run.ok(["propose", "--as", "bob", "--timestamp", "1700000100"], in: repos[0])
        #expect(eventually { Set([0, 1, 3].map { mainCommit(repos[$0]) }).count == 1 && mainCommit(repos[0]) != mainCommit(repos[2]) })
        daemons[2] = try Daemon(repo: repos[2], peers: [daemons[1].address])
        #expect(eventually { Set(repos[0...3].map(mainCommit)).count == 1 }, "the restarted node did not catch up")
        #expect(try Run.pot(["verify"], in: repos[2]).status == 0)

        // An empty fifth node joins by chain id and syncs from genesis.
        daemons.append(try Daemon(repo: repos[4], peers: [daemons[3].address], chainId: id))
        let objects = try refs(in: repos[0]).filter { !$0.hasPrefix("refs/pot/names") }
        #expect(eventually { (try? objects.isSubset(of: refs(in: repos[4]))) == true && mainCommit(repos[4]) == mainCommit(repos[0]) },
                "the fifth node did not sync: \(daemons[4].log.suffix(2000))")
        #expect(try Run.pot(["verify"], in: repos[4]).status == 0)
        // Genesis labels come with the chain, so even the names agree.
        #expect(try Run.ok(["status", "--json"], in: repos[0]) == (try Run.ok(["status", "--json"], in: repos[4])))
        daemons.forEach { $0.stop() }
        for repo in repos {
            let fsck = try Run.git(["fsck", "--strict", "--full", "--no-progress"], in: repo)
            #expect(fsck.status == 0 && fsck.stdout.isEmpty && fsck.stderr.isEmpty, "\(repo): \(fsck.stdout)\(fsck.stderr)")
        }
    }
}
