import Testing
@testable import PoTCore
@testable import PoTMarkets
import PoTModules
@testable import PoTStore

@Suite("State cache encoding")
struct StateCodecTests {
    static func key(_ i: UInt8) -> SigningKey { try! SigningKey(seed: [UInt8](repeating: i, count: 32)) }

    @Test("GIT-CACHE: a state with open, closed, resolved and voided markets and a bond decodes to itself")
    func marketsRoundTrip() throws {
        let alice = Self.key(1), bob = Self.key(2)
        let params = try ChainParams(confirmations: 2, alpha: 1000,
                                     initialAccounts: [.init(key: alice.publicKey, balance: 10_000), .init(key: bob.publicKey, balance: 5_000)],
                                     createdAt: 1_000)
        let declaration = try MarketDeclaration(creator: alice.publicKey, question: "q?", outcomes: ["a", "b", "c"],
                                                resolver: bob.publicKey, closeHeight: 3, resolveBy: 9)
        let bet = try MarketBet(bettor: bob.publicKey, market: DomainHash.sha256([1]), sequence: 4, probsPpm: [1, 2, 999_997])
        let markets: [MarketState] = [
            MarketState(id: DomainHash.sha256([1]), declaration: declaration, declaredAt: 1),
            MarketState(id: DomainHash.sha256([2]), declaration: declaration, declaredAt: 1, bets: [bob.publicKey: bet],
                        closingTrust: [bob.publicKey: 5_000], status: .open),
            MarketState(id: DomainHash.sha256([3]), declaration: declaration, declaredAt: 2, bets: [bob.publicKey: bet],
                        closingTrust: [:], status: .resolved(outcome: 2, height: 5)),
            MarketState(id: DomainHash.sha256([4]), declaration: declaration, declaredAt: 2, status: .voided(height: 10)),
        ]
        var marketsState = MarketsState()
        marketsState.markets = Dictionary(uniqueKeysWithValues: markets.map { ($0.id, $0) })
        let state = try ChainState(params: params, modules: .standard, height: 12, tip: DomainHash.sha256([9]), tipTimestamp: 2_000,
                                   finalizedHeight: 10, accounts: ChainState(genesis: params).accounts, open: [:],
                                   bonds: [alice.publicKey: 7], moduleStates: [MarketsModule.payloadKey: marketsState.cacheEncoding()])
        let decoded = try StateCodec.decode(try CBOR.decode(StateCodec.encode(state).encoded()))
        #expect(decoded == state)
        #expect(decoded.markets[DomainHash.sha256([3])]?.closingTrust == [:], "an empty closing snapshot is not confused with none")
    }
}
