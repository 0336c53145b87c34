import Foundation
import PoTTestSupport
import Testing

/// The chain in Tests/Fixtures/baseline-chain (made by its make.sh with an earlier build of pot):
/// today's pot must read it exactly as the build that made it did.
@Suite("A chain made by an earlier build")
struct BaselineChainTests {
    static let fixture = TestEnvironment.packageRoot + "/Tests/Fixtures/baseline-chain"

    @Test("the baseline chain replays to the same blocks, balances, pending objects and markets")
    func replaysIdentically() throws {
        let dir = TestEnvironment.temporaryDirectory("baseline")
        defer { TestEnvironment.remove(dir) }
        for step in [["init", "-q", "-b", "main", dir], ["-C", dir, "fetch", "-q", "--update-head-ok", Self.fixture + "/chain.bundle", "refs/*:refs/*"],
                     ["-C", dir, "reset", "-q", "--hard", "main"]] {
            let result = try Run.git(step, in: NSTemporaryDirectory())
            #expect(result.status == 0, "git \(step.joined(separator: " ")): \(result.stderr)")
        }
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.fixture + "/expected.json"))) as! [String: Any]
        #expect(try Run.ok(["verify"], in: dir).hasPrefix("ok:"))
        try expectSame(["status", "--json"], expected["status"], in: dir)
        try expectSame(["log", "--json"], expected["log"], in: dir)
        for name in ["market_resolved", "market_voided"] {
            let market = try #require(expected[name] as? [String: Any])
            let id = try #require(market["id"] as? String)
            let shown = try Run.process(TestEnvironment.binDirectory + "/pot-market", ["show", id, "--json"], in: dir, environment: [:])
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(try json(shown.stdout) == market as NSDictionary, "pot-market show \(name)")
        }
    }

    private func expectSame(_ arguments: [String], _ expected: Any?, in dir: String) throws {
        let actual = try JSONSerialization.jsonObject(with: Data(try Run.ok(arguments, in: dir).utf8))
        #expect(NSArray(object: actual) == NSArray(object: try #require(expected)), "pot \(arguments.joined(separator: " ")) differs from the baseline")
    }

    private func json(_ text: String) throws -> NSDictionary {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }
}
