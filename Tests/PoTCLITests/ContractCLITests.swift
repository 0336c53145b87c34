import Foundation
import PoTTestSupport
import Testing

/// `pot contract`, `pot committee`, `pot arbitrate` on a seven-member chain where everyone may
/// sit on a committee, with windows of 3 (seal, reveal, recover) and a review window of 3.
@Suite("pot contract")
struct ContractCLITests {
    static let members = ["alice", "bob", "carol", "dave", "erin", "frank", "grace"]

    static func chain() throws -> String {
        let dir = TestEnvironment.temporaryDirectory("contract")
        let params = ["eligibility_ppm=0", "min_arbiter_contracts=0", "seal_window=3", "reveal_window=3", "recovery_window=3", "review_window=3"]
        _ = try Run.ok(["init"] + members.flatMap { ["--endow", "\($0)=10000"] } + ["--timestamp", "1700000000"]
                       + params.flatMap { ["--param", "contracts." + $0] }, in: dir)
        _ = try Run.ok(["keygen", "--label", "zoe"], in: dir)
        _ = try Run.git(["checkout", "-q", "-b", "work"], in: dir)
        _ = try Run.git(["-c", "user.name=bob", "-c", "user.email=bob@example.org", "commit", "-q", "--allow-empty", "-m", "the fix"], in: dir)
        _ = try Run.git(["checkout", "-q", "main"], in: dir)
        return dir
    }

    static func block(_ dir: String) throws { try SponsorCLITests.block(dir) }

    static func json(_ arguments: [String], in dir: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try Run.ok(arguments, in: dir).utf8))
    }

    /// Posts a task as alice, accepted by bob and delivered from the branch `work`; returns its id.
    static func delivered(_ dir: String, reward: Int = 1_000) throws -> String {
        let task = try Run.ok(["contract", "post", "--as", "alice", "--title", "fix the parser", "--reward", "\(reward)"], in: dir).lastLine
        try block(dir)
        _ = try Run.ok(["contract", "accept", "--as", "bob", task], in: dir)
        try block(dir)
        _ = try Run.ok(["contract", "deliver", "--as", "bob", task, "--commit", "work"], in: dir)
        try block(dir)
        return task
    }

    static func balance(_ label: String, in dir: String) throws -> Int {
        let accounts = try json(["status", "--json"], in: dir) as! [String: Any]
        let list = accounts["accounts"] as! [[String: Any]]
        return list.first { $0["label"] as? String == label }!["balance_mt"] as! Int
    }

    @Test("CONTRACT-POST CONTRACT-APPROVE CONTRACT-RATE: a task posted, accepted, delivered, approved and rated through pot; the delivered commit travels under refs/pot/contract-work")
    func completed() throws {
        let dir = try Self.chain()
        defer { TestEnvironment.remove(dir) }
        let task = try Self.delivered(dir)
        let work = try Run.git(["rev-parse", "work"], in: dir).stdout.trimmed
        #expect(try Run.git(["rev-parse", "refs/pot/contract-work/\(task)"], in: dir).stdout.trimmed == work)
        _ = try Run.ok(["contract", "approve", "--as", "alice", task], in: dir)
        try Self.block(dir)
        #expect(try Self.balance("bob", in: dir) == 11_000 && (try Self.balance("alice", in: dir)) == 9_000)
        _ = try Run.ok(["contract", "rate", "--as", "alice", task, "--stars", "5"], in: dir)
        _ = try Run.ok(["contract", "rate", "--as", "bob", task, "--stars", "4", "--comment", "clear spec"], in: dir)
        try Self.block(dir)
        let shown = try Run.ok(["contract", "show", task], in: dir)
        #expect(shown.contains("phase      closed at height 4 (approved)"))
        #expect(shown.contains("delivered  commit \(work)"))
        let trust = try Run.ok(["contract", "trust", "bob"], in: dir)
        #expect(trust.contains("bob") && trust.contains("75.0%"), "\(trust)")
        let report = try Self.json(["contract", "show", task, "--json"], in: dir) as! [String: Any]
        #expect((report["ratings"] as! [[String: Any]]).count == 2)
        #expect(try Run.git(["fsck", "--strict", "--no-progress"], in: dir).status == 0)
    }

    @Test("CONTRACT-DELIVER CONTRACT-APPROVE CONTRACT-DISPUTE CONTRACT-RATE: bad input is refused with one line and changes nothing")
    func refusals() throws {
        let dir = try Self.chain()
        defer { TestEnvironment.remove(dir) }
        let refused = { (arguments: [String], expected: String, status: Int32) in
            try SponsorCLITests.refused(arguments, in: dir, expected, status: status)
        }
        try refused(["contract", "post", "--as", "alice", "--title", "too rich", "--reward", "10001"], "more than alice's balance of 10000 mT", 1)
        try refused(["contract", "post", "--as", "zoe", "--title", "not a member", "--reward", "1"], "zoe is not a member", 1)
        try refused(["contract", "post", "--as", "alice", "--title", "", "--reward", "1"], "a task needs a title", 1)
        let task = try Self.delivered(dir)
        try refused(["contract", "deliver", "--as", "carol", task, "--commit", "work"], "only bob, the worker", 1)
        try refused(["contract", "deliver", "--as", "bob", task, "--commit", "no-such-branch"], "names no commit", 1)
        try refused(["contract", "approve", "--as", "bob", task], "only alice, who posted", 1)
        try refused(["contract", "rate", "--as", "alice", task, "--stars", "7"], "a rating is 1 to 5 stars, got 7", 1)
        try refused(["contract", "rate", "--as", "alice", task, "--stars", "3"], "it can be rated once it closes", 1)
        try refused(["contract", "show", "ffff"], "no task starts with 'ffff'", 1)
        try refused(["contract", "show", "xyz"], "is not a task id", 1)
        _ = try Run.ok(["contract", "approve", "--as", "alice", task], in: dir)
        try Self.block(dir)
        try refused(["contract", "dispute", "--as", "bob", task, "--statement", "late"], "can no longer be disputed", 1)
        _ = try Run.ok(["contract", "rate", "--as", "alice", task, "--stars", "3"], in: dir)
        try Self.block(dir)
        try refused(["contract", "rate", "--as", "alice", task, "--stars", "4"], "already rated", 1)
        try refused(["arbitrate", "seal", "--as", "carol", task, "--verdict", "pay"], "no dispute starts with", 1)
        try refused(["arbitrate", "seal", "--as", "carol", task, "--verdict", "maybe"], "maybe", 64)
    }

    @Test("VERDICT-RECOVERY DECISION-CERTIFICATE: a dispute through pot: a committee of five seals, one keeps silent, three release their shares, the leader decides with a majority's votes")
    func dispute() throws {
        let dir = try Self.chain()
        defer { TestEnvironment.remove(dir) }
        for member in Self.members { _ = try Run.ok(["arbitrate", "key", "--as", member], in: dir) }
        try Self.block(dir)
        let task = try Self.delivered(dir)
        _ = try Run.ok(["contract", "dispute", "--as", "alice", task, "--statement", "it breaks indefinite maps"], in: dir)
        for _ in 0..<3 { try Self.block(dir) }
        let committee = (try Self.json(["committee", "show", task, "--json"], in: dir) as! [String: Any])["committee"] as! [[String: Any]]
        let seats = committee.map { ($0["member"] as! [String: Any])["label"] as! String }
        #expect(Set(seats) == ["carol", "dave", "erin", "frank", "grace"])
        try SponsorCLITests.refused(["arbitrate", "seal", "--as", "bob", task, "--verdict", "pay"], in: dir, "bob is not on the committee")
        let silent = seats[4], dissent = seats[3]
        for seat in seats { _ = try Run.ok(["arbitrate", "seal", "--as", seat, task, "--verdict", seat == dissent ? "refund" : "pay"], in: dir) }
        try SponsorCLITests.refused(["arbitrate", "reveal", "--as", seats[0], task], in: dir, "waits for a block")
        try Self.block(dir)
        for seat in seats.dropLast() { _ = try Run.ok(["arbitrate", "reveal", "--as", seat, task], in: dir) }
        try SponsorCLITests.refused(["arbitrate", "recover", "--as", seats[0], task], in: dir, "released after height")
        let silentKey = try Self.key(silent, in: dir)
        let secrets = dir + "/.git/pot/secrets"
        let kept = try FileManager.default.contentsOfDirectory(atPath: secrets).first { $0.hasPrefix("verdict-") && $0.hasSuffix(silentKey + ".secret") }
        try FileManager.default.removeItem(atPath: secrets + "/" + kept!)
        for _ in 0..<5 { try Self.block(dir) }
        for seat in seats.prefix(3) { _ = try Run.ok(["arbitrate", "recover", "--as", seat, task], in: dir) }
        try Self.block(dir)
        let shown = try Run.ok(["committee", "show", task], in: dir)
        #expect(shown.contains("\(silent.padded(9)) recovered (pay the worker)"), "\(shown)")
        try SponsorCLITests.refused(["arbitrate", "decide", "--as", seats[0], task, "--voter", seats[0], "--voter", seats[1]], in: dir,
                                    "a majority of the committee is 3")
        try SponsorCLITests.refused(["arbitrate", "decide", "--as", seats[0], task, "--voter", seats[0], "--voter", seats[1], "--voter", "bob"], in: dir,
                                    "bob, who is not on the committee")
        _ = try Run.ok(["arbitrate", "decide", "--as", seats[0], task, "--voter", seats[0], "--voter", seats[1], "--voter", seats[2]], in: dir)
        try Self.block(dir)
        let decided = try Run.ok(["committee", "show", task], in: dir)
        #expect(decided.contains("decision   pay the worker at height"), "\(decided)")
        #expect(try Self.balance("bob", in: dir) == 11_000 && (try Self.balance("alice", in: dir)) == 9_000)
        let trust = try Self.json(["contract", "trust", silent, "--json"], in: dir) as! [String: Any]
        #expect(trust["trust_ppm"] as? Int == 250_000)
    }

    @Test("CONTRACT-ARBITER-DUTY: a running node's duty reveals the verdicts its repository sealed once the reveals open, and releases its shares of silent verdicts after the reveal window")
    func duty() throws {
        let dir = try Self.chain()
        defer { TestEnvironment.remove(dir) }
        for member in Self.members { _ = try Run.ok(["arbitrate", "key", "--as", member], in: dir) }
        try Self.block(dir)
        let task = try Self.delivered(dir)
        _ = try Run.ok(["contract", "dispute", "--as", "bob", task, "--statement", "unpaid"], in: dir)
        for _ in 0..<3 { try Self.block(dir) }
        let committee = (try Self.json(["committee", "show", task, "--json"], in: dir) as! [String: Any])["committee"] as! [[String: Any]]
        let seats = committee.map { ($0["member"] as! [String: Any])["label"] as! String }
        for seat in seats { _ = try Run.ok(["arbitrate", "seal", "--as", seat, task, "--verdict", "pay"], in: dir) }
        try Self.block(dir)
        let revealed = try Run.pot(["arbitrate", "due"], in: dir)
        #expect(revealed.status == 0 && revealed.stdout.split(separator: "\n").count == 5, "\(revealed.stdout)\(revealed.stderr)")
        #expect(try Run.pot(["arbitrate", "due"], in: dir).stdout.isEmpty, "nothing is due twice")
    }

    static func key(_ label: String, in dir: String) throws -> String {
        let keys = (try json(["keys", "--json"], in: dir) as! [String: Any])["names"] as! [[String: Any]]
        return keys.first { $0["label"] as? String == label }!["public_key"] as! String
    }
}

extension String {
    var lastLine: String { split(separator: "\n").last.map(String.init) ?? "" }
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
