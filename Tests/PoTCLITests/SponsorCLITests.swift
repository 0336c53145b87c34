import Foundation
import PoTTestSupport
import Testing

/// `pot sponsor` and `pot members` on a four-member chain with short windows (commit 2, reveal
/// 2, cooldown 3, sucker 6, mutual 9, minimum age 2).
@Suite("pot sponsor")
struct SponsorCLITests {
    static func chain() throws -> String {
        let dir = TestEnvironment.temporaryDirectory("sponsor")
        let params = ["commit_window=2", "reveal_window=2", "sponsor_cooldown=3", "sucker_penalty=6", "mutual_defect_penalty=9", "min_sponsor_age=2"]
        _ = try Run.ok(["init", "--endow", "alice=10000", "--endow", "bob=5000", "--endow", "carol=5000", "--endow", "dave=5000",
                        "--timestamp", "1700000000"] + params.flatMap { ["--param", "membership." + $0] }, in: dir)
        for label in ["nia", "oli", "rex", "ray", "sam"] { _ = try Run.ok(["keygen", "--label", label], in: dir) }
        return dir
    }

    /// Proposes the next block as alice, one second after the tip.
    static func block(_ dir: String) throws {
        let height = try Run.ok(["log", "--json"], in: dir).components(separatedBy: "\"height\"").count - 1
        _ = try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "\(1_700_000_001 + height)"], in: dir)
    }

    /// Every ref and every file under .git (secrets included; the lock file is made by the first
    /// command that takes it, refused or not).
    static func everything(_ dir: String) throws -> String {
        let refs = try Run.git(["for-each-ref", "--format=%(refname) %(objectname)"], in: dir).stdout
        let files = try Run.process("/bin/sh", ["-c", "cd .git && find . -type f ! -name index ! -name lock -printf '%p %s\\n' | sort"], in: dir, environment: [:]).stdout
        return refs + files
    }

    /// Runs a command that must be refused: exit 1 (64 for an argument the parser refuses, which
    /// adds the usage), a first line on stderr saying `expected`, nothing changed.
    static func refused(_ arguments: [String], in dir: String, _ expected: String, status: Int32 = 1,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try everything(dir)
        let result = try Run.pot(arguments, in: dir)
        #expect(result.status == status, "\(arguments) exited \(result.status)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect((status == 64 || lines.count == 1) && lines.first?.contains(expected) == true, "\(arguments): \(result.stderr)",
                sourceLocation: sourceLocation)
        #expect(try everything(dir) == before, "\(arguments) changed the repository", sourceLocation: sourceLocation)
    }

    @Test("SPONSOR-OPEN SPONSOR-ELIGIBLE: bad openings are refused with one line and change nothing")
    func badOpenings() throws {
        let dir = try Self.chain()
        defer { TestEnvironment.remove(dir) }
        try Self.refused(["sponsor", "open", "--as", "alice", "--with", "alice", "--newcomer", "oli", "--move", "cooperate"], in: dir,
                         "cannot play a sponsorship game with itself")
        try Self.refused(["sponsor", "open", "--as", "alice", "--with", "nia", "--newcomer", "oli", "--move", "cooperate"], in: dir,
                         "named as partner, is not a member")
        try Self.refused(["sponsor", "open", "--as", "alice", "--with", "bob", "--newcomer", "carol", "--move", "cooperate"], in: dir,
                         "the newcomer carol is already a member")
        try Self.refused(["sponsor", "open", "--as", "alice", "--with", "bob", "--newcomer", "oli", "--move", "cooperate", "--reward-key", "rex"], in: dir,
                         "a cooperating reveal names no reward key")
        try Self.refused(["sponsor", "open", "--as", "alice", "--with", "bob", "--newcomer", "oli", "--move", "defect",
                          "--reward-key", "rex", "--reward-key", "ray", "--reward-key", "sam"], in: dir, "at most 2 reward keys, got 3")
        try Self.refused(["sponsor", "open", "--as", "alice", "--with", "bob", "--newcomer", "oli", "--move", "maybe"], in: dir, "maybe", status: 64)
        try Self.refused(["sponsor", "simulate", "--strategy", "betray"], in: dir, "cooperate, defect-inside or exploit", status: 64)
        try Self.refused(["sponsor", "simulate", "--periods", "0"], in: dir, "--periods is 1 to 50", status: 64)
        _ = try Run.ok(["sponsor", "open", "--as", "alice", "--with", "bob", "--newcomer", "oli", "--move", "cooperate"], in: dir)
        try Self.refused(["sponsor", "open", "--as", "alice", "--with", "carol", "--newcomer", "rex", "--move", "cooperate"], in: dir,
                         "already has an opening waiting for a block")
        try Self.block(dir)
        try Self.refused(["sponsor", "open", "--as", "alice", "--with", "carol", "--newcomer", "rex", "--move", "cooperate"], in: dir,
                         "alice is staked in game")
        try Self.refused(["sponsor", "open", "--as", "carol", "--with", "dave", "--newcomer", "oli", "--move", "cooperate"], in: dir,
                         "the newcomer oli is already named by running game")
        try Self.refused(["sponsor", "open", "--as", "nia", "--with", "bob", "--newcomer", "sam", "--move", "cooperate"], in: dir,
                         "nia is not a member and cannot sponsor")
    }

    @Test("SPONSOR-JOIN SPONSOR-REVEAL: bad joins and reveals are refused with one line and change nothing")
    func badJoinsAndReveals() throws {
        let dir = try Self.chain()
        defer { TestEnvironment.remove(dir) }
        let game = try Run.pot(["sponsor", "open", "--as", "alice", "--with", "bob", "--newcomer", "oli", "--move", "defect",
                                "--reward-key", "rex"], in: dir).lastLine
        #expect(game.count == 64)
        try Self.refused(["sponsor", "join", "--as", "bob", "--game", game, "--move", "cooperate"], in: dir, "no game starts with")
        try Self.block(dir)
        try Self.refused(["sponsor", "reveal", "--as", "alice", "--game", game], in: dir, "has only its opener's commitment")
        try Self.refused(["sponsor", "join", "--as", "carol", "--game", game, "--move", "cooperate"], in: dir,
                         "only bob, the partner game")
        _ = try Run.ok(["sponsor", "join", "--as", "bob", "--game", String(game.prefix(8)), "--move", "cooperate"], in: dir)
        try Self.refused(["sponsor", "join", "--as", "bob", "--game", game, "--move", "defect"], in: dir, "already joined game")
        try Self.refused(["sponsor", "reveal", "--as", "alice", "--game", game], in: dir, "has only its opener's commitment")
        try Self.block(dir)
        try Self.refused(["sponsor", "reveal", "--as", "carol", "--game", game], in: dir, "carol does not play game")
        try Self.refused(["sponsor", "reveal", "--as", "alice", "--game", game, "--reward-key", "carol"], in: dir,
                         "reward key carol is already a member")
        // A secret changed after the commitment (here: one byte of the salt) no longer opens it.
        let secrets = dir + "/.git/pot/secrets"
        let members = try JSONSerialization.jsonObject(with: Data(try Run.ok(["members", "--json"], in: dir).utf8)) as! [[String: Any]]
        let aliceKey = try #require(members.first { $0["label"] as? String == "alice" }?["key"] as? String)
        let path = "\(secrets)/\(game)-\(aliceKey).secret"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // {1: game, 2: member, 3: move, 4: salt, …}: the salt's 32 bytes start at 76.
        #expect(bytes[71] == 0x03 && bytes[73] == 0x04 && bytes[74...75] == [0x58, 0x20])
        bytes[80] ^= 0xff
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try Self.refused(["sponsor", "reveal", "--as", "alice", "--game", game], in: dir, "do not match its commitment")
        _ = try Run.ok(["sponsor", "reveal", "--as", "bob", "--game", game], in: dir)
        try Self.block(dir)
        try Self.block(dir)
        try Self.refused(["sponsor", "reveal", "--as", "alice", "--game", game], in: dir, "reveal window is over")
        let shown = try Run.ok(["sponsor", "show", String(game.prefix(6))], in: dir)
        #expect(shown.contains("outcome   D/C at height 4; nobody admitted") && shown.contains("missing   alice did not reveal"))
    }

    @Test("SPONSOR-LAPSE: a join after the commit window is refused: the game lapsed and its opener sponsors again at once")
    func lapsedJoin() throws {
        let dir = try Self.chain()
        defer { TestEnvironment.remove(dir) }
        let game = try Run.pot(["sponsor", "open", "--as", "alice", "--with", "bob", "--newcomer", "oli", "--move", "cooperate"], in: dir).lastLine
        for _ in 0..<3 { try Self.block(dir) }
        try Self.refused(["sponsor", "join", "--as", "bob", "--game", game, "--move", "cooperate"], in: dir, "lapsed at height 3")
        let members = try Run.ok(["members", "--json"], in: dir)
        #expect(!members.contains("\"staked\"") && members.components(separatedBy: "\"able\"").count == 5)
        #expect(try Run.ok(["sponsor", "list"], in: dir).contains("lapsed at 3"))
    }

    @Test("SPONSOR-OUTCOME: --json twins of open, join, reveal, list, show and members; the game id is printed last in full")
    func json() throws {
        let dir = try Self.chain()
        defer { TestEnvironment.remove(dir) }
        let opened = try Run.ok(["sponsor", "open", "--as", "alice", "--with", "bob", "--newcomer", "oli", "--move", "cooperate", "--json"], in: dir)
        let open = try JSONSerialization.jsonObject(with: Data(opened.utf8)) as! [String: Any]
        let game = try #require(open["game"] as? String)
        #expect(game.count == 64 && open["role"] as? String == "opener")
        // The move and salt stay on this machine: readable by the owner only, in no ref.
        let secrets = dir + "/.git/pot/secrets"
        let files = try FileManager.default.contentsOfDirectory(atPath: secrets)
        #expect(files.count == 1 && files[0].hasPrefix(game))
        let mode = try FileManager.default.attributesOfItem(atPath: "\(secrets)/\(files[0])")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let secretBlob = try Run.git(["hash-object", "\(secrets)/\(files[0])"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let refs = try Run.git(["for-each-ref", "--format=%(objectname)"], in: dir).stdout
        #expect(!refs.contains(secretBlob), "a secret is in a ref")
        try Self.block(dir)
        let joined = try JSONSerialization.jsonObject(with: Data(try Run.ok(["sponsor", "join", "--as", "bob", "--game", game, "--move", "cooperate", "--json"], in: dir).utf8)) as! [String: Any]
        #expect(joined["game"] as? String == game && joined["role"] as? String == "partner")
        try Self.block(dir)
        for player in ["alice", "bob"] {
            let revealed = try JSONSerialization.jsonObject(with: Data(try Run.ok(["sponsor", "reveal", "--as", player, "--game", game, "--json"], in: dir).utf8)) as! [String: Any]
            #expect(revealed["move"] as? String == "cooperate")
        }
        try Self.block(dir)
        let shown = try JSONSerialization.jsonObject(with: Data(try Run.ok(["sponsor", "show", game, "--json"], in: dir).utf8)) as! [String: Any]
        #expect(shown["outcome"] as? String == "C/C" && shown["phase"] as? String == "finished" && (shown["admitted"] as? [String])?.count == 1)
        let list = try JSONSerialization.jsonObject(with: Data(try Run.ok(["sponsor", "list", "--json"], in: dir).utf8)) as! [[String: Any]]
        #expect(list.count == 1 && list[0]["id"] as? String == game)
        let members = try JSONSerialization.jsonObject(with: Data(try Run.ok(["members", "--json"], in: dir).utf8)) as! [[String: Any]]
        let oli = try #require(members.first { $0["label"] as? String == "oli" })
        #expect(oli["member_since"] as? Int == 3 && oli["privilege"] as? String == "new" && oli["until"] as? Int == 5)
        #expect((oli["sponsors"] as? [String])?.count == 2 && oli["genesis"] as? Bool == false)
        let alice = try #require(members.first { $0["label"] as? String == "alice" })
        #expect(alice["privilege"] as? String == "cooling" && alice["until"] as? Int == 6)
        #expect(!(try Run.ok(["status"], in: dir)).contains("pending module objects"), "every object of the game is in a block")
    }
}
