import Foundation
import PoTTestSupport
import Testing

/// The forged-label attack and its defences, played with the real `pot` across repositories.
@Suite("Names that travel between repositories")
struct NameCLITests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The key a pending transfer pays, from `pot status --json`.
    static func pendingRecipient(_ dir: String) throws -> String? {
        let status = try json(try Run.ok(["status", "--json"], in: dir))
        let transfers = (status["pending"] as? [String: Any])?["transfers"] as? [[String: Any]]
        return transfers?.last?["to"] as? String
    }

    static func publicKey(_ label: String, in dir: String) throws -> String {
        let keys = try json(try Run.ok(["keys", "--json"], in: dir))
        let names = try #require(keys["names"] as? [[String: Any]])
        return try #require(names.first { $0["label"] as? String == label }?["public_key"] as? String)
    }

    @Test("NAME-GENESIS NAME-CLAIM: an unsigned or mislabelled ref pointing a genesis name at another key changes nothing, and pot verify names it")
    func forgedGenesisNameIsIgnored() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let parent = TestEnvironment.temporaryDirectory("names")
        defer { TestEnvironment.remove(parent) }
        let bob = try Self.publicKey("bob", in: chain.directory)
        // The attacker's repository: a clone with a key of its own, whose claim it re-files under "bob".
        let attacker = parent + "/attacker"
        try Run.ok(["clone", chain.directory, attacker], in: parent)
        try Run.ok(["keygen", "--label", "mallory"], in: attacker)
        let mallory = try Self.publicKey("mallory", in: attacker)
        let claim = try Run.git(["rev-parse", "refs/pot/names/mallory/\(mallory)"], in: attacker).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try Run.git(["update-ref", "refs/pot/names/bob/\(mallory)", claim], in: attacker)
        let keyBlob = try Run.process("/bin/sh", ["-c", "python3 -c \"import sys; sys.stdout.buffer.write(bytes.fromhex(sys.argv[1]))\" \(mallory) | git hash-object -w --stdin"], in: attacker, environment: [:])
        try Run.git(["update-ref", "refs/pot/labels/bob", keyBlob.stdout.trimmingCharacters(in: .whitespacesAndNewlines)], in: attacker)
        // A victim that knows bob only from the chain fetches the attacker's refs.
        let victim = parent + "/victim"
        try Run.ok(["clone", chain.directory, victim], in: parent)
        try FileManager.default.createDirectory(atPath: victim + "/.git/pot/keys", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: chain.directory + "/.git/pot/keys/alice.key", toPath: victim + "/.git/pot/keys/alice.key")
        try Run.ok(["fetch", attacker], in: victim)
        try Run.ok(["transfer", "--as", "alice", "--to", "bob", "--amount", "7"], in: victim)
        #expect(try Self.pendingRecipient(victim) == bob)
        #expect(try Self.publicKey("bob", in: victim) == bob)
        let verify = try Run.pot(["verify"], in: victim)
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("FAIL refs/pot/labels/bob: an unsigned label"))
        #expect(verify.stdout.contains("FAIL refs/pot/names/bob/\(mallory): the claim inside names 'mallory'"))
    }

    @Test("NAME-CONFLICT NAME-PRECEDENCE: two keys claiming one name are a conflict everywhere but where the name is local")
    func rivalClaimsConflict() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let parent = TestEnvironment.temporaryDirectory("names")
        defer { TestEnvironment.remove(parent) }
        let attacker = parent + "/attacker"
        try Run.ok(["clone", chain.directory, attacker], in: parent)
        // dave claims his name at the origin; the attacker, who has not seen it, claims it too.
        try Run.ok(["keygen", "--label", "dave"], in: chain.directory)
        try Run.ok(["keygen", "--label", "dave"], in: attacker)
        let dave = try Self.publicKey("dave", in: chain.directory)
        let fake = try Self.publicKey("dave", in: attacker)
        #expect(dave != fake)
        let victim = parent + "/victim"
        try Run.ok(["clone", chain.directory, victim], in: parent)
        try FileManager.default.createDirectory(atPath: victim + "/.git/pot/keys", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: chain.directory + "/.git/pot/keys/alice.key", toPath: victim + "/.git/pot/keys/alice.key")
        #expect(try Self.publicKey("dave", in: victim) == dave)
        try Run.ok(["fetch", attacker], in: victim)
        // The victim now sees two claims: the name names nobody, and a transfer to it is refused.
        let before = try Run.git(["for-each-ref"], in: victim).stdout
        let refused = try Run.pot(["transfer", "--as", "alice", "--to", "dave", "--amount", "7"], in: victim)
        #expect(refused.status == 1)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("claimed by 2 keys") && refused.stderr.contains(dave) && refused.stderr.contains(fake))
        #expect(try Run.git(["for-each-ref"], in: victim).stdout == before)
        let keys = try Self.json(try Run.ok(["keys", "--json"], in: victim))
        let conflicts = try #require(keys["conflicts"] as? [[String: Any]])
        #expect(conflicts.count == 1 && conflicts[0]["label"] as? String == "dave" && conflicts[0]["winner"] == nil)
        let status = try Run.pot(["status"], in: victim)
        #expect(status.stderr.contains("name conflict: the label 'dave' is claimed by 2 keys"))
        let verify = try Run.pot(["verify"], in: victim)
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("CONFLICT the label 'dave'"))
        // Where dave's key is local, his own name wins over the rival claim.
        try Run.ok(["fetch", attacker], in: chain.directory)
        try Run.ok(["transfer", "--as", "alice", "--to", "dave", "--amount", "7"], in: chain.directory)
        #expect(try Self.pendingRecipient(chain.directory) == dave)
        #expect(try Run.ok(["keys"], in: chain.directory).contains("the local name wins"))
    }

    @Test("NAME-CLAIM: a label bound to another key is refused by keygen; a tampered claim is named by pot verify")
    func claimsAreChecked() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let dir = chain.directory
        let parent = TestEnvironment.temporaryDirectory("names")
        defer { TestEnvironment.remove(parent) }
        // bob is a genesis label: another machine cannot take it for a new key.
        try Run.ok(["clone", dir, parent + "/other"], in: parent)
        let taken = try Run.pot(["keygen", "--label", "bob"], in: parent + "/other")
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("already names another key"))
        #expect(!FileManager.default.fileExists(atPath: parent + "/other/.git/pot/keys/bob.key"))
        // Publishing an existing local key's name writes a claim that checks.
        #expect(try Run.ok(["keys", "--publish", "carol"], in: dir).hasPrefix("published carol"))
        let carol = try Self.publicKey("carol", in: dir)
        #expect(try Run.ok(["verify"], in: dir).hasPrefix("ok:"))
        // Replace the claim's blob with a claim signed by another key: named, and the name ignored.
        try Run.ok(["keygen", "--label", "erin"], in: dir)
        let erinKey = try Self.publicKey("erin", in: dir)
        let erinClaim = try Run.git(["rev-parse", "refs/pot/names/erin/\(erinKey)"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try Run.git(["update-ref", "refs/pot/names/carol/\(carol)", erinClaim], in: dir)
        let verify = try Run.pot(["verify", "--json"], in: dir)
        #expect(verify.status == 1)
        let report = try Self.json(verify.stdout)
        let problems = try #require(report["problems"] as? [String])
        #expect(problems.contains { $0.hasPrefix("refs/pot/names/carol/\(carol):") })
    }
}
