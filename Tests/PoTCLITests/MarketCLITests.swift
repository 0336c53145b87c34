import Foundation
import PoTTestSupport
import Testing

@Suite("pot-market on the walkthrough chain")
struct MarketCLITests {
    static func market(_ arguments: [String], in dir: String) throws -> CommandResult {
        try Run.pot(["market"] + arguments, in: dir)
    }

    static func marketOK(_ arguments: [String], in dir: String) throws -> String {
        let result = try market(arguments, in: dir)
        guard result.status == 0 else { throw TestFailure("pot market \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        return result.stdout
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A refused command prints one Error line, exits 1 and changes nothing.
    static func expectRefusal(_ arguments: [String], in chain: WalkthroughChain, mentioning text: String) throws {
        let before = try chain.snapshot()
        let result = try market(arguments, in: chain.directory)
        #expect(result.status == 1, "\(arguments): exit \(result.status)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("Error: ") && lines[0].contains(text), "\(arguments): \(result.stderr)")
        #expect(try chain.snapshot() == before, "\(arguments) changed the repository")
    }

    /// The walkthrough leaves alice 10 405, bob 4 818, carol 3 208 mT at height 3. bob declares
    /// "Ship v2 this week?" (yes/no, resolver carol, close 5); alice bets 0.7/0.3, bob 0.4/0.6.
    /// Closing weights are the balances before block 5: 10 405 and 4 818 (heights 2 and 3 have no votes).
    /// Outcome yes: p_m = (10 405·0.7 + 4 818·0.4) / 15 223 = 9 210.7 / 15 223 = 0.605052.
    ///   alice: 1000 · ln(0.7 / 0.605052) = +145.77 → +146;  bob: 1000 · ln(0.4 / 0.605052) = −413.85 → −414.
    @Test("MARKET-SCORE MARKET-REFS: declare, bet, resolve and settle through pot market, with the figures computed by hand")
    func lifecycle() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let dir = chain.directory
        let id = try Run.pot(["market", "declare", "--question", "Ship v2 this week?", "--outcomes", "yes,no", "--resolver", "carol",
                              "--close-height", "5", "--resolve-by", "7", "--as", "bob"], in: dir).lastLine
        #expect(id.count == 64)
        #expect(try Run.git(["cat-file", "-t", "refs/pot/markets/\(id)"], in: dir).stdout == "blob\n")
        #expect(try Self.marketOK(["list"], in: dir).contains("pending"))
        let prefix = String(id.prefix(10))
        let firstBet = try Self.marketOK(["bet", "--market", prefix, "--probs", "0.2,0.8", "--as", "alice"], in: dir)
        #expect(firstBet.contains("sequence 1"))
        let revised = try Self.marketOK(["bet", "--market", prefix, "--probs", "0.7,0.3", "--as", "alice"], in: dir)
        #expect(revised.contains("sequence 2"))
        try Self.marketOK(["bet", "--market", prefix, "--probs", "400000,600000", "--ppm", "--as", "bob"], in: dir)
        let keys = try Self.json(try Run.ok(["status", "--json"], in: dir))
        let accounts = try #require(keys["accounts"] as? [[String: Any]])
        let aliceKey = try #require(accounts.first { $0["label"] as? String == "alice" }?["public_key"] as? String)
        let slots = try Run.git(["for-each-ref", "--format=%(refname)", "refs/pot/market-votes/\(id)/\(aliceKey)"], in: dir).stdout
        #expect(slots.split(separator: "\n").map { String($0.split(separator: "/").last!) }.sorted() == ["1", "2"])

        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000400"], in: dir)
        let open = try Self.json(try Self.marketOK(["show", prefix, "--json"], in: dir))
        #expect(open["status"] as? String == "open")
        #expect(open["declared_at"] as? Int == 4)
        #expect((open["bets"] as? [[String: Any]])?.count == 2, "alice's second bet replaced her first")
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000500"], in: dir)

        try Self.expectRefusal(["bet", "--market", prefix, "--probs", "0.5,0.5", "--as", "carol"], in: chain, mentioning: "closed at height 5")
        try Self.expectRefusal(["resolve", "--market", prefix, "--outcome", "yes", "--as", "alice"], in: chain, mentioning: "only carol")
        try Self.expectRefusal(["resolve", "--market", prefix, "--outcome", "maybe", "--as", "carol"], in: chain, mentioning: "no outcome 'maybe'")
        let resolution = try Run.pot(["market", "resolve", "--market", prefix, "--outcome", "yes", "--as", "carol"], in: dir).lastLine
        #expect(try Run.git(["cat-file", "-t", "refs/pot/market-res/\(id)/\(resolution)"], in: dir).stdout == "blob\n")
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000600"], in: dir)
        try Self.expectRefusal(["resolve", "--market", prefix, "--outcome", "no", "--as", "carol"], in: chain, mentioning: "already resolved at height 6")

        let settled = try Self.json(try Self.marketOK(["show", id, "--json"], in: dir))
        #expect(settled["status"] as? String == "resolved")
        #expect(settled["outcome"] as? String == "yes")
        #expect(settled["prices_ppm"] as? [Int] == [605_051, 394_948])
        let deltas = Dictionary(uniqueKeysWithValues: try #require(settled["scores"] as? [[String: Any]]).map {
            ($0["label"] as! String, $0["delta_mt"] as! Int)
        })
        #expect(deltas == ["alice": 146, "bob": -414])
        let balances = Dictionary(uniqueKeysWithValues: try #require(try Self.json(try Run.ok(["status", "--json"], in: dir))["accounts"] as? [[String: Any]]).map {
            ($0["label"] as! String, $0["balance_mt"] as! Int)
        })
        #expect(balances == ["alice": 10_551, "bob": 4_404, "carol": 3_208])
        #expect(try Self.marketOK(["show", prefix], in: dir).contains("bob          q=0.40  -414 mT"))

        // Bets and resolutions of a settled market are pruned once that is final (block 8 finalizes height 6).
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000700"], in: dir)
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000800"], in: dir)
        try Run.ok(["finalize"], in: dir)
        #expect(try Run.git(["for-each-ref", "refs/pot/market-votes", "refs/pot/market-res"], in: dir).stdout.isEmpty)
        #expect(try Self.json(try Self.marketOK(["show", prefix, "--json"], in: dir))["status"] as? String == "resolved")
        #expect(try Run.ok(["verify"], in: dir).hasPrefix("ok"))
    }

    @Test("MARKET-VOID MARKET-DECLARE: refusals when declaring, and a market nobody resolves is voided")
    func voidedAndRefused() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let dir = chain.directory
        try Run.ok(["keygen", "--label", "dave"], in: dir)
        let base = ["declare", "--question", "q?", "--resolver", "carol", "--as", "alice"]
        try Self.expectRefusal(base + ["--outcomes", "yes", "--close-height", "6"], in: chain, mentioning: "2 to 16 outcomes")
        try Self.expectRefusal(base + ["--outcomes", "yes,yes", "--close-height", "6"], in: chain, mentioning: "same outcome twice")
        try Self.expectRefusal(base + ["--outcomes", "yes,no", "--close-height", "4"], in: chain, mentioning: "must be above 4")
        try Self.expectRefusal(["declare", "--question", "q?", "--outcomes", "yes,no", "--resolver", "carol", "--as", "dave", "--close-height", "6"],
                               in: chain, mentioning: "not a member")
        try Self.expectRefusal(base + ["--outcomes", "yes,no", "--close-height", "6", "--resolve-by", "6"], in: chain, mentioning: "resolve-by")
        try Self.expectRefusal(["bet", "--market", "ffff", "--probs", "0.5,0.5", "--as", "alice"], in: chain, mentioning: "no market")
        let id = try Run.pot(["market"] + base + ["--outcomes", "yes,no", "--close-height", "5", "--resolve-by", "6"], in: dir).lastLine
        try Self.expectRefusal(["bet", "--market", id, "--probs", "0.5,0.3,0.2", "--as", "alice"], in: chain, mentioning: "2 outcomes")
        try Self.expectRefusal(["bet", "--market", id, "--probs", "0.5,0.4", "--as", "alice"], in: chain, mentioning: "sum to")
        try Self.expectRefusal(["resolve", "--market", id, "--outcome", "yes", "--as", "carol"], in: chain, mentioning: "not in the chain yet")
        try Self.marketOK(["bet", "--market", id, "--probs", "0.9,0.1", "--as", "bob"], in: dir)
        for stamp in 1_700_000_400...1_700_000_402 {
            try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", String(stamp)], in: dir)
        }
        let before = try Run.ok(["status", "--json"], in: dir)
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000403"], in: dir)
        let report = try Self.json(try Self.marketOK(["show", id, "--json"], in: dir))
        #expect(report["status"] as? String == "voided")
        #expect(report["settled_at"] as? Int == 7)
        #expect(try Self.marketOK(["list"], in: dir).contains("voided"))
        try Self.expectRefusal(["resolve", "--market", id, "--outcome", "yes", "--as", "carol"], in: chain, mentioning: "voided at height 7")
        let balances = { (text: String) in try (Self.json(text)["accounts"] as? [[String: Any]])?.map { $0["balance_mt"] as? Int } }
        #expect(try balances(before) == (try balances(try Run.ok(["status", "--json"], in: dir))))
    }

    @Test("CLI-HELP: pot-market and pot market describe every verb")
    func help() throws {
        let dir = TestEnvironment.temporaryDirectory("market-help")
        defer { TestEnvironment.remove(dir) }
        let direct = try Run.process(TestEnvironment.binDirectory + "/pot-market", ["--help"], in: dir, environment: [:])
        #expect(direct.status == 0)
        for verb in ["declare", "bet", "resolve", "list", "show"] { #expect(direct.stdout.contains(verb)) }
        let viaPot = try Run.pot(["market", "bet", "--help"], in: dir)
        #expect(viaPot.status == 0 && viaPot.stdout.contains("--probs"))
        let outside = try Run.pot(["market", "list"], in: dir)
        #expect(outside.status == 1 && outside.stderr.hasPrefix("Error: "))
    }
}
