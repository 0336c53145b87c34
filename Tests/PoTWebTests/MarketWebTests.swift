import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PoTTestSupport
import PoTWeb
import Testing

@Suite("Markets in the explorer")
struct MarketWebTests {
    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    /// The walkthrough leaves alice 10 405 and bob 4 818 mT; their bets 0.7 and 0.4 on yes settle
    /// to p_m(yes) = 9 210.7 / 15 223 = 0.605052, Δ = +146 and −414 mT (as in pot-market's test).
    @Test("WEB-PAGES WEB-TWIN: the markets pages and their twins show prices, bets, resolution and scores")
    func marketPages() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let market = try chain.resolvedMarket()
        let fixture = try await WebFixture(chain: chain)
        try await fixture.test { client in
            let list = try await client.execute(uri: "/api/markets", method: .get).json()
            #expect(list["markets"]!.array.map { $0["id"]?.string } == [market])
            let one = try await client.execute(uri: "/api/markets/\(market.prefix(8))", method: .get).json()
            #expect(one["status"]?.string == "resolved")
            #expect(one["outcome"]?.string == "yes")
            #expect(one["settled_at"]?.int == 6)
            #expect(one["prices_ppm"]?.array == [.integer(605_051), .integer(394_948)])
            #expect(one["bets"]!.array.compactMap { $0["trust_mt"]?.int }.sorted() == [4_818, 10_405])
            let deltas = Dictionary(uniqueKeysWithValues: one["scores"]!.array.map { ($0["label"]!.string!, $0["delta_mt"]!.int!) })
            #expect(deltas == ["alice": 146, "bob": -414])

            let page = try await client.execute(uri: "/markets/\(market)", method: .get)
            #expect(page.status == .ok)
            for text in ["Ship v2 this week?", "resolved", "+146", "-414", "p_m at the close", "href=\"/api/markets/\(market)\""] {
                #expect(page.text.contains(text), "the market page lacks \(text)")
            }
            #expect(page.text.contains("<svg class=\"dist\""), "each bet is drawn as a bar")
            let listPage = try await client.execute(uri: "/markets", method: .get)
            #expect(listPage.text.contains("href=\"/markets/\(market)\""))
            #expect(try await client.execute(uri: "/", method: .get).text.contains("href=\"/markets\""), "the navigation links the markets")

            #expect(try await client.execute(uri: "/api/markets/ffffffff", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/markets/xyz", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/markets/12", method: .get).status == .badRequest)
            let unknown = try await client.execute(uri: "/api/markets/ffffffff", method: .get).json()
            #expect(unknown["error"]?.string?.contains("no market") == true)
        }
    }

    @Test("WEB-SIGN-VALID WEB-TOKEN: a bet signed through the API is stored and counted once a block carries it; refusals change nothing")
    func signedBet() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let market = try chain.declareMarket()
        let fixture = try await WebFixture(chain: chain, unlock: ["carol"])
        try await fixture.test { client in
            let before = try chain.refsAndFiles()
            let refusals: [(String, HTTPFields, HTTPResponse.Status, String)] = [
                (#"{"as": "carol", "market": "\#(market)", "probs_ppm": [500000, 500000]}"#, signingHeaders(token: nil), .unauthorized, "token"),
                (#"{"as": "carol", "market": "ffffffff", "probs_ppm": [500000, 500000]}"#, signingHeaders(), .notFound, "no market"),
                (#"{"as": "carol", "market": "\#(market)", "probs_ppm": [500000, 300000, 200000]}"#, signingHeaders(), .unprocessableContent, "2 outcomes"),
                (#"{"as": "carol", "market": "\#(market)", "probs_ppm": [500000, 400000]}"#, signingHeaders(), .unprocessableContent, "sum to 0.90"),
                (#"{"as": "carol", "market": "\#(market)", "probs": [1]}"#, signingHeaders(), .badRequest, "unknown field"),
                (#"{"as": "alice", "market": "\#(market)", "probs_ppm": [500000, 500000]}"#, signingHeaders(), .forbidden, "not unlocked"),
            ]
            for (body, headers, status, message) in refusals {
                let response = try await client.execute(uri: "/api/sign/bet", method: .post, headers: headers, body: Self.body(body))
                #expect(response.status == status, "\(body): \(response.status) \(response.text)")
                #expect(response.text.contains(message), "\(body): \(response.text)")
            }
            #expect(try chain.refsAndFiles() == before)

            let bet = try await client.execute(uri: "/api/sign/bet", method: .post, headers: signingHeaders(),
                                               body: Self.body(#"{"as": "carol", "market": "\#(market.prefix(10))", "probs_ppm": [250000, 750000]}"#))
            #expect(bet.status == .created, "\(bet.text)")
            let signed = try bet.json()
            #expect(signed["market"]?.string == market)
            #expect(signed["sequence"]?.int == 1)
        }
        try chain.pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000500"])
        let shown = try JSON.parse(try chain.pot(["market", "show", market, "--json"]))
        #expect(shown["bets"]!.array.compactMap { $0["label"]?.string }.sorted() == ["alice", "bob", "carol"])
        let closed = try await client(of: chain, unlock: ["carol"]) { client in
            try await client.execute(uri: "/api/sign/bet", method: .post, headers: signingHeaders(),
                                     body: Self.body(#"{"as": "carol", "market": "\#(market)", "probs_ppm": [500000, 500000]}"#))
        }
        #expect(closed.status == .unprocessableContent && closed.text.contains("closed at height 5"), "\(closed.text)")
    }

    private func client<T: Sendable>(of chain: WalkthroughChain, unlock: [String],
                                     _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await WebFixture(chain: chain, unlock: unlock).test(body)
    }
}
