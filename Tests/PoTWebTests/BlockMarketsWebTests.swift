import Foundation
import Hummingbird
import HummingbirdTesting
import PoTTestSupport
import PoTWeb
import Testing

@Suite("Module sections in the explorer")
struct BlockMarketsWebTests {
    @Test("WEB-PAGES WEB-TWIN: a block's page and twin show its markets section; an account's show its market payments")
    func blockAndAccount() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let market = try chain.resolvedMarket()
        try await WebFixture(chain: chain).test { client in
            let four = try #require(try await client.execute(uri: "/api/heights/4", method: .get).json()["canonical"]?.string)
            let block = try await client.execute(uri: "/api/blocks/\(four)", method: .get).json()
            let markets = try #require(block["payload"]?["markets"])
            #expect(markets["declarations"]!.array.map { $0["id"]?.string } == [market])
            #expect(markets["declarations"]!.array.first?["question"]?.string == "Ship v2 this week?")
            #expect(markets["bets"]!.array.compactMap { $0["bettor_label"]?.string }.sorted() == ["alice", "bob"])
            #expect(markets["resolutions"]!.array.isEmpty)
            let page = try await client.execute(uri: "/blocks/\(four)", method: .get)
            for text in ["<h2>Markets</h2>", "Ship v2 this week?", "href=\"/markets/\(market)\"", "0.70 / 0.30"] {
                #expect(page.text.contains(text), "the block page lacks \(text)")
            }
            let five = try #require(try await client.execute(uri: "/api/heights/5", method: .get).json()["canonical"]?.string)
            #expect(try await client.execute(uri: "/api/blocks/\(five)", method: .get).json()["payload"]?["markets"] == nil,
                    "a payload without a markets section has no markets field")
            #expect(!(try await client.execute(uri: "/blocks/\(five)", method: .get).text.contains("<h2>Markets</h2>")))

            let alice = try await client.execute(uri: "/api/accounts/alice", method: .get).json()
            let payments = alice["market_scores"]!.array
            #expect(payments.count == 1 && payments[0]["market"]?.string == market && payments[0]["delta_mt"]?.int == 146)
            #expect(payments[0]["block_height"]?.int == 6 && payments[0]["outcome_index"]?.int == 0)
            let accountPage = try await client.execute(uri: "/accounts/alice", method: .get).text
            #expect(accountPage.contains("<h2>Market payments</h2>") && accountPage.contains("+146"))
        }
    }
}
