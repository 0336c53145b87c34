import Foundation
import Hummingbird
import HummingbirdTesting
import PoTTestSupport
import PoTWeb
import Testing

@Suite("The contracts pages")
struct ContractsPageTests {
    @Test("WEB-CONTRACTS: the contracts page lists tasks, disputes and service trust; a disputed task's page draws its timeline; the block and the account show their sections")
    func pages() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let task = try chain.disputedTask()
        let fixture = try await WebFixture(chain: chain)
        try await fixture.test { client in
            let list = try await client.execute(uri: "/contracts", method: .get).text
            #expect(list.contains("Review the decoder") && list.contains("Service trust") && list.contains("settled without a committee"))
            let page = try await client.execute(uri: "/contracts/\(task)", method: .get).text
            #expect(page.contains("<svg viewBox=\"0 0 640 90\""), "the timeline")
            #expect(page.contains("the review &lt;b&gt;missed&lt;/b&gt; the tags"), "text from the chain is escaped once")
            #expect(page.contains("50.0%"), "the fallback split")
            let twin = try await client.execute(uri: "/api/contracts/\(task)", method: .get).json()
            #expect(twin["committee"]?["phase"]?.string == "settled without a committee")
            #expect(twin["contract"]?["closing"]?["worker_share_ppm"]?.int == 500_000)
            let account = try await client.execute(uri: "/api/accounts/bob", method: .get).json()
            #expect(account["service"]?["tasks"]?.array.count == 1)
            let delivered = twin["contract"]!["delivery"]!["height"]!.int!
            let blocks = try await client.execute(uri: "/api/heights/\(delivered)", method: .get).json()
            let canonical = blocks["canonical"]!.string!
            let block = try await client.execute(uri: "/api/blocks/\(canonical)", method: .get).json()
            #expect(block["payload"]?["contracts"]?["objects"]?.array.first?["kind"]?.string == "delivery")
        }
    }
}
