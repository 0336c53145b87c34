import Foundation
import PoTTestSupport
import Testing

/// A dispute decided by a committee whose members sit on four daemons: node 0 holds the parties
/// and proposes the blocks, nodes 1 and 2 hold two arbiters each, node 3 one.
@Suite("Committee Raft over relays", .serialized)
struct CommitteeRaftDaemonTests {
    static let members = ["alice", "bob", "carol", "dave", "erin", "frank", "grace"]
    static let seats = [1: ["carol", "dave"], 2: ["erin", "frank"], 3: ["grace"]]

    @Test("COMMITTEE-RAFT NET-RELAY VERDICT-RECOVERY DECISION-CERTIFICATE: five arbiters on three daemons elect a leader over relays; the leader's daemon is killed before the reveals, the others elect a new leader in a later term, recover the silent verdicts, and the new leader posts the decision with its certificate; every node left agrees on balances and service trust")
    func disputeAcrossFourDaemons() throws {
        let root = TestEnvironment.temporaryDirectory("pot-committee-net")
        defer { TestEnvironment.remove(root) }
        let repos = (0..<4).map { "\(root)/node\($0)" }
        let task = try Self.chainWithDrawnCommittee(at: repos[0])
        let keys = try Self.publicKeys(in: repos[0])
        for node in 1...3 {
            try Run.ok(["clone", repos[0], repos[node]], in: root)
            for seat in Self.seats[node]! {
                let files = [".git/pot/keys/\(seat).key", ".git/pot/secrets/arbiter-\(keys[seat]!).x25519"]
                try MembershipGossipTests.copy(files, from: repos[0], to: repos[node])
                for file in files { try FileManager.default.removeItem(atPath: "\(repos[0])/\(file)") }
            }
        }

        var daemons: [Daemon] = []
        defer { daemons.forEach { $0.stop() } }
        daemons.append(try Daemon(repo: repos[0]))
        daemons.append(try Daemon(repo: repos[1], peers: [daemons[0].address]))
        daemons.append(try Daemon(repo: repos[2], peers: [daemons[0].address]))
        daemons.append(try Daemon(repo: repos[3], peers: [daemons[1].address, daemons[2].address]))
        let logs = { daemons.map { "---- \($0.repo)\n\($0.log.suffix(2500))" }.joined(separator: "\n") }

        // The seats elect a leader among themselves before anything is sealed; every seat on
        // every node sees the same leader in the same term.
        var first: (leader: String, term: Int)?
        #expect(eventually(60) { first = Self.agreedLeader(repos[1...3], task: task); return first != nil }, "no leader: \(logs())")
        let (leader, term) = try #require(first)
        let shown = try Run.ok(["committee", "show", task], in: repos[1])
        #expect(shown.contains("this node  carol") && shown.contains("this node  dave"), "\(shown)")
        // No decision on the chain yet: the leader shown is the one the seats here know.
        #expect(shown.contains(/leader     \w+ \(\w+\), term \d+, as this node's seats see it/), "\(shown)")

        for (node, names) in Self.seats.sorted(by: { $0.key < $1.key }) {
            for seat in names {
                _ = try Run.ok(["arbitrate", "seal", "--as", seat, task, "--verdict", seat == "frank" ? "refund" : "pay"], in: repos[node])
            }
        }
        #expect(eventually(60) { Self.count("arbiter-seals/\(task)/", in: repos[0]) == 5 }, "the seals did not reach node 0: \(logs())")
        // The leader's node goes down for good before the reveals open.
        let down = Self.seats.first { $0.value.contains(leader) }!.key
        let survivors = Self.seats.filter { $0.key != down }
        let surviving = survivors.values.flatMap { $0 }, silent = Self.seats[down]!
        daemons[down].stop(signal: SIGKILL)
        var second: (leader: String, term: Int)?
        #expect(eventually(60) { second = Self.agreedLeader(survivors.keys.sorted().map { repos[$0] }[...], task: task); return (second?.term ?? 0) > term },
                "no new leader after \(leader)'s node went down: \(logs())")
        #expect(surviving.contains(second?.leader ?? ""))

        try Self.block(repos[0], 1_700_000_100)
        #expect(eventually(60) { Self.count("arbiter-reveals/\(task)/", in: repos[0]) == surviving.count }, "the nodes did not reveal: \(logs())")
        // Heights: drawn at 7, seals in 8, reveals in 9; the reveal window ends at 13; shares in 14, the decision in 15.
        for t in 1_700_000_101...1_700_000_105 { try Self.block(repos[0], t) }
        #expect(eventually(60) { silent.allSatisfy { Self.count("arbiter-shares/\(task)/\(keys[$0]!)/", in: repos[0]) == surviving.count } },
                "the nodes did not release their shares of \(silent)'s verdicts: \(logs())")
        try Self.block(repos[0], 1_700_000_106)
        let recovered = try Run.ok(["committee", "show", task], in: repos[0])
        #expect(recovered.components(separatedBy: "recovered (").count - 1 == silent.count, "\(recovered)")

        #expect(eventually(60) { Self.count("arbiter-decisions/\(task)/", in: repos[0]) == 1 }, "no decision reached node 0: \(logs())")
        try Self.block(repos[0], 1_700_000_107)
        let decided = try Run.ok(["committee", "show", task], in: repos[0])
        // Under load the leadership may move again; whoever posts must be a survivor, in a later term.
        let posted = try #require(decided.firstMatch(of: /decision   pay the worker at height 15, posted by leader (\w+), term (\d+)/), "\(decided)")
        #expect(surviving.contains(String(posted.1)) && Int(posted.2)! > term, "\(decided)")
        let alive = [repos[0]] + survivors.keys.sorted().map { repos[$0] }
        let expected = try Self.outcome(repos[0])
        #expect(eventually(30) { alive.allSatisfy { (try? Self.outcome($0)) == expected } }, "the nodes disagree: \(logs())")
        #expect(expected.contains("bob=11000") && expected.contains("alice=9000"), "\(expected)")
        #expect(daemons.contains { $0.log.contains("posts the decision 'pay the worker' as leader of term") }, "\(logs())")
        // The silent arbiters' verdicts had to be recovered: their service trust fell below that of a member with no record.
        for member in silent {
            let trust = try JSONSerialization.jsonObject(with: Data(Run.ok(["contract", "trust", member, "--json"], in: alive[1]).utf8)) as! [String: Any]
            #expect((trust["trust_ppm"] as! Int) < 500_000, "\(member): \(trust)")
        }
    }

    /// Seven endowed members with arbiter keys; alice posts a task, bob delivers, alice disputes;
    /// three more blocks draw the committee (everyone but the parties). Returns the task's id.
    static func chainWithDrawnCommittee(at repo: String) throws -> String {
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        let params = ["eligibility_ppm=0", "min_arbiter_contracts=0", "seal_window=3", "reveal_window=3", "recovery_window=3", "review_window=20"]
        try Run.ok(["init", "--k", "2"] + members.flatMap { ["--endow", "\($0)=10000"] } + ["--timestamp", "1700000000"]
                   + params.flatMap { ["--param", "contracts." + $0] }, in: repo)
        for member in members { try Run.ok(["arbitrate", "key", "--as", member], in: repo) }
        var time = 1_700_000_001
        func block() throws { try Self.block(repo, time); time += 1 }
        try block()
        let task = try Run.pot(["contract", "post", "--as", "alice", "--title", "fix the parser", "--reward", "1000"], in: repo).lastLine
        try block()
        try Run.ok(["contract", "accept", "--as", "bob", task], in: repo)
        try block()
        _ = try Run.git(["checkout", "-q", "-b", "work"], in: repo)
        _ = try Run.git(["-c", "user.name=bob", "-c", "user.email=bob@example.org", "commit", "-q", "--allow-empty", "-m", "the fix"], in: repo)
        _ = try Run.git(["checkout", "-q", "main"], in: repo)
        try Run.ok(["contract", "deliver", "--as", "bob", task, "--commit", "work"], in: repo)
        try block()
        try Run.ok(["contract", "dispute", "--as", "alice", task, "--statement", "it breaks indefinite maps"], in: repo)
        for _ in 0..<3 { try block() }
        return task
    }

    static func block(_ repo: String, _ timestamp: Int) throws {
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "\(timestamp)"], in: repo)
    }

    static func publicKeys(in repo: String) throws -> [String: String] {
        let keys = (try JSONSerialization.jsonObject(with: Data(Run.ok(["keys", "--json"], in: repo).utf8)) as! [String: Any])["names"] as! [[String: Any]]
        return Dictionary(uniqueKeysWithValues: keys.map { ($0["label"] as! String, $0["public_key"] as! String) })
    }

    static func count(_ prefix: String, in repo: String) -> Int {
        ((try? refs(in: repo, under: "refs/pot/\(prefix)")) ?? []).count
    }

    /// The leader and term the seats of `repos` agree on, when every seat knows one.
    static func agreedLeader(_ repos: ArraySlice<String>, task: String) -> (leader: String, term: Int)? {
        var seen = Set<String>()
        var term = 0
        for repo in repos {
            guard let text = try? Run.ok(["committee", "show", "--json", task], in: repo),
                  let report = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let seats = report["seats_here"] as? [[String: Any]] else { return nil }
            for seat in seats {
                term = seat["term"] as? Int ?? 0
                let leader = seat["role"] as? String == "leader" ? seat["member"] as? [String: Any] : seat["leader"] as? [String: Any]
                guard let label = leader?["label"] as? String else { return nil }
                seen.insert("\(label)@\(term)")
            }
        }
        guard seen.count == 1, let only = seen.first, let at = only.firstIndex(of: "@") else { return nil }
        return (String(only[..<at]), Int(only[only.index(after: at)...])!)
    }

    /// Balances and service trust as a node sees them.
    static func outcome(_ repo: String) throws -> String {
        let status = try JSONSerialization.jsonObject(with: Data(Run.ok(["status", "--json"], in: repo).utf8)) as! [String: Any]
        let balances = (status["accounts"] as! [[String: Any]]).map { "\($0["label"] ?? "?")=\($0["balance_mt"]!)" }.sorted()
        let trust = try Run.ok(["contract", "trust"], in: repo)
        return balances.joined(separator: " ") + "\n" + trust
    }
}
