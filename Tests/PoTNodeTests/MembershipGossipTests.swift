import Foundation
import PoTTestSupport
import Testing

@Suite("Membership over gossip", .serialized)
struct MembershipGossipTests {
    /// The members of the chain in `repo`, by label or key, as `pot members --json` lists them.
    static func members(_ repo: String) -> [String] {
        guard let text = try? Run.ok(["members", "--json"], in: repo),
              let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else { return [] }
        return list.map { "\($0["key"] as! String):\($0["privilege"] as! String)" }
    }

    static func copy(_ files: [String], from source: String, to target: String) throws {
        for file in files {
            let to = "\(target)/\(file)"
            try FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: "\(source)/\(file)", toPath: to)
        }
    }

    @Test("SPONSOR-GOSSIP SPONSOR-AUTOREVEAL: a game opened on one of four daemons is joined on another; the third, holding both players' keys and secrets, reveals both moves by itself; every node ends with the same members")
    func openJoinRevealOnThreeNodes() throws {
        let root = TestEnvironment.temporaryDirectory("pot-sponsor-net")
        defer { TestEnvironment.remove(root) }
        let repos = (0..<4).map { "\(root)/node\($0)" }
        try FileManager.default.createDirectory(atPath: repos[0], withIntermediateDirectories: true)
        try Run.ok(["init", "--k", "2", "--endow", "alice=10000", "--endow", "bob=5000", "--endow", "carol=5000",
                    "--param", "membership.reveal_window=30", "--timestamp", "1700000000"], in: repos[0])
        try Run.ok(["keygen", "--label", "nia"], in: repos[0])
        for repo in repos[1...3] { try Run.ok(["clone", repos[0], repo], in: root) }
        try Self.copy([".git/pot/keys/bob.key"], from: repos[0], to: repos[1])
        try FileManager.default.removeItem(atPath: "\(repos[0])/.git/pot/keys/bob.key")

        var daemons: [Daemon] = []
        defer { daemons.forEach { $0.stop() } }
        // Only the third node reveals by itself; the others are told not to.
        daemons.append(try Daemon(repo: repos[0], arguments: ["--no-auto-reveal"]))
        daemons.append(try Daemon(repo: repos[1], peers: [daemons[0].address], arguments: ["--no-auto-reveal"]))
        daemons.append(try Daemon(repo: repos[2], peers: [daemons[1].address]))
        daemons.append(try Daemon(repo: repos[3], peers: [daemons[2].address, daemons[0].address], arguments: ["--no-auto-reveal"]))

        // alice opens on node 0; the block that carries it reaches node 1, where bob joins.
        let game = try Run.pot(["sponsor", "open", "--as", "alice", "--with", "bob", "--newcomer", "nia", "--move", "cooperate"], in: repos[0]).lastLine
        #expect(game.count == 64)
        try Run.ok(["propose", "--as", "alice", "--timestamp", "1700000001"], in: repos[0])
        #expect(eventually { (try? Run.ok(["sponsor", "show", game], in: repos[1]))?.contains("phase     awaiting-join") == true },
                "the opening did not reach node 1: \(daemons[1].log.suffix(1500))")
        try Run.ok(["sponsor", "join", "--as", "bob", "--game", game, "--move", "cooperate"], in: repos[1])
        #expect(eventually { (try? refs(in: repos[0]))?.contains { $0.hasPrefix("refs/pot/sponsor-join/") } == true }, "the join did not reach node 0")
        try Run.ok(["propose", "--as", "alice", "--timestamp", "1700000002"], in: repos[0])

        // Node 2 holds both keys and both secrets, as a player that moved machines would.
        let secrets = try FileManager.default.contentsOfDirectory(atPath: "\(repos[0])/.git/pot/secrets").map { ".git/pot/secrets/\($0)" }
        try Self.copy(secrets, from: repos[0], to: repos[2])
        let bobSecrets = try FileManager.default.contentsOfDirectory(atPath: "\(repos[1])/.git/pot/secrets").map { ".git/pot/secrets/\($0)" }
        try Self.copy(bobSecrets + [".git/pot/keys/bob.key"], from: repos[1], to: repos[2])
        try Self.copy([".git/pot/keys/alice.key"], from: repos[0], to: repos[2])
        #expect(eventually(60) { ((try? refs(in: repos[0])) ?? []).filter { $0.hasPrefix("refs/pot/sponsor-reveal/") }.count == 2 },
                "node 2 did not reveal both moves: \(daemons[2].log.suffix(2000))")
        #expect(daemons[2].log.contains("revealed cooperate in game \(game.prefix(12)) as alice"))
        #expect(daemons[2].log.contains("revealed cooperate in game \(game.prefix(12)) as bob"))
        try Run.ok(["propose", "--as", "alice", "--timestamp", "1700000003"], in: repos[0])

        #expect(eventually { Self.members(repos[0]).count == 4 }, "nia did not become a member: \((try? Run.ok(["sponsor", "show", game], in: repos[0])) ?? "")")
        let expected = Self.members(repos[0])
        #expect(eventually { repos.allSatisfy { Self.members($0) == expected } }, "the nodes disagree on the members")
        #expect(try Run.ok(["sponsor", "show", game], in: repos[3]).contains("outcome   C/C at height 3; admitted nia"))
    }
}
