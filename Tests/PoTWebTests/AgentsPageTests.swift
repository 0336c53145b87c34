import Foundation
import Hummingbird
import HummingbirdTesting
import PoTTestSupport
import PoTWeb
import Testing

@Suite("The agents pages")
struct AgentsPageTests {
    @Test("WEB-AGENTS: the directory lists a verified agent; its page draws the training curve and names its attesters; the twin, the account and refusals read right")
    func pages() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let name = try chain.verifiedAgent()
        let fixture = try await WebFixture(chain: chain)
        try await fixture.test { client in
            let list = try await client.execute(uri: "/agents", method: .get).text
            #expect(list.contains("href=\"/agents/\(name)\"") && list.contains("verified") && list.contains("<code>synthetic</code>"))
            let page = try await client.execute(uri: "/agents/\(name)", method: .get).text
            #expect(page.contains("Training curve: mean loss of each segment"))
            #expect(page.contains("aria-label=\"Training curve"))
            #expect(page.contains("Evaluation market") && page.contains("forecasts open until height"))
            let twin = try await client.execute(uri: "/api/agents/\(name)", method: .get).json()
            #expect(twin["status"]?.string == "verified")
            #expect(twin["proof"]?["attesters"]?.array.count == 2)
            #expect(twin["proof"]?["losses"]?.array.count == 10)
            #expect(twin["evaluation"]?["status"]?.string == "open")
            let byId = try await client.execute(uri: "/api/agents/\(twin["id"]!.string!.prefix(8))", method: .get).json()
            #expect(byId["name"]?.string == name)
            let account = try await client.execute(uri: "/api/accounts/alice", method: .get).json()
            #expect(account["agents"]?["agents"]?.array.first?.string == name)
            #expect(try await client.execute(uri: "/api/agents/nobody", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/agents/ffff", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/agents/Bad_Name", method: .get).status == .badRequest)
        }
    }
}
