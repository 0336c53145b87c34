import Foundation
import Hummingbird
import HummingbirdTesting
import PoTMarketsWeb
import PoTTestSupport
@testable import PoTWeb
import Testing

@Suite("The explorer's module seam")
struct ExplorerSeamTests {
    @Test("WEB-MODULES: a module written against the seam alone gets its page, twin, navigation link, block and account sections and OpenAPI paths")
    func testModule() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let modules = try ExplorerModules([MarketsExplorer.self, VoteCountExplorer.self])
        try await WebFixture(chain: chain, modules: modules).test { client in
            let counts = try await client.execute(uri: "/api/vote-counts", method: .get).json()
            let alice = try await client.execute(uri: "/api/accounts/alice", method: .get).json()
            let aliceKey = try #require(alice["public_key"]?.string)
            let cast = try #require(counts[aliceKey]?.int)
            #expect(cast > 0)
            #expect(alice["votes_cast"]?.int == cast, "the account's twin carries the module's section")
            #expect(alice["market_scores"] != nil, "the other modules' sections stay")
            // The kernel's own account fields are exactly those a module may not take.
            let kernelFields = Set(alice.object.keys).subtracting(["market_scores", "membership", "votes_cast"])
            #expect(kernelFields == Set(AccountDocument.kernelKeys))
            let accountPage = try await client.execute(uri: "/accounts/alice", method: .get).text
            #expect(accountPage.contains("<p id=\"votes-cast\">\(cast)</p>"))

            let page = try await client.execute(uri: "/vote-counts", method: .get)
            #expect(page.status == .ok && page.text.contains("<h1>Vote counts</h1>"))
            #expect(page.text.contains("<a href=\"/vote-counts\" aria-current=\"page\">Vote counts</a>"))
            let overview = try await client.execute(uri: "/", method: .get).text
            let markets = try #require(overview.range(of: "href=\"/markets\""))
            let voteCounts = try #require(overview.range(of: "href=\"/vote-counts\""))
            #expect(markets.lowerBound < voteCounts.lowerBound, "navigation follows the order of the list")

            var withVotes = 0
            for height in 1...50 {
                guard let id = try await client.execute(uri: "/api/heights/\(height)", method: .get).json()["canonical"]?.string else { break }
                let block = try await client.execute(uri: "/api/blocks/\(id)", method: .get).json()
                let votes = block["payload"]?["votes"]?.array.count ?? 0
                #expect(block["payload"]?["vote_count"]?.int == (votes > 0 ? Int64(votes) : nil), "height \(height)")
                if votes > 0 { withVotes += 1 }
            }
            #expect(withVotes > 0)

            let document = try await client.openAPIDocument()
            #expect(document["paths"]?["/api/vote-counts"]?["get"] != nil)
            #expect(document["components"]?["schemas"]?["Block"]?["properties"]?["payload"]?["properties"]?["vote_count"] != nil)
            #expect(document["components"]?["schemas"]?["Account"]?["properties"]?["votes_cast"] != nil)
            #expect(document["components"]?["schemas"]?["Account"]?["required"]?.array.contains { $0.string == "votes_cast" } == true)
            #expect(try await client.execute(uri: "/vote-counts", method: .post).status == .methodNotAllowed)
        }
    }

    @Test("WEB-MODULES: without modules the explorer has no module page, section or signing route")
    func kernelOnly() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        try await WebFixture(chain: chain, modules: .none).test { client in
            #expect(try await client.execute(uri: "/markets", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/accounts/alice", method: .get).json()["market_scores"] == nil)
            let document = try await client.openAPIDocument()
            #expect(document["paths"]?["/api/sign/bet"] == nil && document["paths"]?["/api/markets"] == nil)
            #expect(document["paths"]?["/api/sign/vote"] != nil)
            #expect(!(try await client.execute(uri: "/", method: .get).text.contains("href=\"/markets\"")))
        }
    }

    @Test("WEB-MODULES: two modules claiming one name, section key or signed kind, or a kernel section, field or kind, are refused")
    func collisions() throws {
        #expect(throws: (any Error).self) { try ExplorerModules([MarketsExplorer.self, MarketsExplorer.self]) }
        #expect(throws: (any Error).self) { try ExplorerModules([MarketsExplorer.self, CollidingExplorer.self]) }
        #expect(throws: (any Error).self) { try ExplorerModules([KernelSectionExplorer.self]) }
        #expect(throws: (any Error).self) { try ExplorerModules([KernelAccountExplorer.self]) }
        #expect(throws: Never.self) { try ExplorerModules([MarketsExplorer.self, VoteCountExplorer.self]) }
    }
}
