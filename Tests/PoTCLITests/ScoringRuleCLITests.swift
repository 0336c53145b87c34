import Foundation
import PoTTestSupport
import Testing

@Suite("The scoring rule chosen at pot init")
struct ScoringRuleCLITests {
    @Test("SCORE-LOO: the worked example on a leave-one-out chain pays each voter against the other two")
    func workedExampleLeaveOneOut() throws {
        let dir = TestEnvironment.temporaryDirectory("loo")
        defer { TestEnvironment.remove(dir) }
        let created = try Run.ok(["init", "--k", "2", "--alpha", "1000", "--endow", "alice=10000", "--endow", "bob=5000",
                                  "--endow", "carol=5000", "--scoring", "leave-one-out", "--timestamp", "1700000000"], in: dir)
        #expect(created.contains("scoring: leave-one-out"))
        let a = try Run.pot(["propose", "--as", "alice", "--timestamp", "1700000001"], in: dir).lastLine
        let b = try Run.pot(["propose", "--as", "bob", "--timestamp", "1700000002"], in: dir).lastLine
        for (voter, probs) in [("alice", "0.9,0.05,0.05"), ("bob", "0.5,0.5,0"), ("carol", "0.1,0.85,0.05")] {
            try Run.ok(["vote", "--as", voter, "--height", "1", "--candidates", "\(a),\(b)", "--probs", probs], in: dir)
        }
        try Run.ok(["advance"], in: dir)
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000200"], in: dir)
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000300"], in: dir)
        // alice against 0.3, bob against 0.6333…, carol against 0.7666…: +1 099, −236, −2 037 mT.
        let status = try JSONSerialization.jsonObject(with: Data(try Run.ok(["status", "--json"], in: dir).utf8)) as! [String: Any]
        #expect(status["scoring"] as? String == "leave-one-out")
        let balances = (status["accounts"] as! [[String: Any]]).reduce(into: [String: Int]()) { $0[$1["label"] as! String] = $1["balance_mt"] as? Int }
        #expect(balances == ["alice": 11_099, "bob": 4_764, "carol": 2_963])
        #expect(try Run.ok(["verify"], in: dir).hasPrefix("ok:"))
    }

    @Test("SCORE-LOO CLI-REFUSE: an unknown scoring rule is one clear line and creates nothing")
    func unknownRuleIsRefused() throws {
        let dir = TestEnvironment.temporaryDirectory("loo")
        defer { TestEnvironment.remove(dir) }
        let refused = try Run.pot(["init", "--endow", "alice=1", "--scoring", "fair"], in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr == "Error: --scoring 'fair' is not a scoring rule (use inclusive or leave-one-out)\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/.git"))
    }
}
