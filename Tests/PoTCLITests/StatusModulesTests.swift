import Foundation
import PoTTestSupport
import Testing

@Suite("pot status and module objects")
struct StatusModulesTests {
    @Test("pot status lists the market objects a block could still carry, and leaves the field out when there are none")
    func pendingMarketObjects() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let market = try chain.declareMarket()
        #expect(!(try chain.statusJSON()).contains("\"modules\""), "everything pending went into block 4")
        try chain.pot(["market", "bet", "--market", market, "--probs", "0.2,0.8", "--as", "carol"])
        let status = try #require(try JSONSerialization.jsonObject(with: Data(try chain.statusJSON().utf8)) as? [String: Any])
        let rows = try #require((status["pending"] as? [String: Any])?["modules"] as? [[String: Any]])
        #expect(rows.count == 1 && rows[0]["module"] as? String == "markets" && rows[0]["kind"] as? String == "bet")
        #expect(try chain.pot(["status"]).contains("pending module objects: 1\n  markets bet "))
        try chain.pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000500"])
        #expect(!(try chain.statusJSON()).contains("\"modules\""), "block 5 carries the bet")
    }
}
