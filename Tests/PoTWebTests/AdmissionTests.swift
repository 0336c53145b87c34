import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PoTCore
import PoTMarketsHost
import PoTMarkets
import PoTNet
import PoTNode
import PoTStore
import PoTTestSupport
import Testing

@Suite("One admission check per object kind")
struct AdmissionTests {
    @Test("MOD-ADMISSION: a bet refused by pot-market bet, by POST /api/sign/bet and by the node prints the same message")
    func sameRefusalEverywhere() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let market = try chain.declareMarket()
        let before = try chain.refsAndFiles()

        let cli = try Run.pot(["market", "bet", "--market", market, "--probs", "0.5,0.3,0.2", "--as", "carol"], in: chain.directory)
        let cliLine = cli.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(cli.status != 0 && cliLine.hasPrefix("Error: "), "\(cli.stderr)")
        let message = String(cliLine.dropFirst("Error: ".count))
        #expect(message.contains("has 2 outcomes (yes, no); the bet gives 3 probabilities"), "\(message)")

        let web = try await WebFixture(chain: chain, unlock: ["carol"]).test { client in
            try await client.execute(uri: "/api/sign/bet", method: .post, headers: signingHeaders(),
                                     body: ByteBuffer(string: #"{"as": "carol", "market": "\#(market)", "probs_ppm": [500000, 300000, 200000]}"#))
        }
        #expect(web.status == .unprocessableContent)
        #expect(try web.json()["error"]?.string == message)

        let store = try ChainStore.open(at: chain.directory)
        let carol = try SigningKey(seed: Array(try Data(contentsOf: URL(fileURLWithPath: chain.directory + "/.git/pot/keys/carol.key"))))
        let bet = try MarketBet(bettor: carol.publicKey, market: Hash256(hex: market)!, sequence: 1, probsPpm: [500_000, 300_000, 200_000])
        let signed = SignedMarketBet.sign(bet, with: carol, chain: store.chainId)
        let backend = try StoreBackend(store: store)
        let node = backend.accept(.marketBet(signed), item: InventoryItem(.marketBet, signed.id(chain: store.chainId)))
        #expect(node == .invalid(code: .brokenRule, detail: message))
        #expect(try chain.refsAndFiles() == before, "no refusal stored anything")
    }
}
