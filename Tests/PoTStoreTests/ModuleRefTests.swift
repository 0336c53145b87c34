import Foundation
import GitKit
import PoTCore
import PoTMarketsHost
import PoTMarkets
import PoTStore
import Testing

@Suite("Module objects in the store")
struct ModuleRefTests {
    @Test("GIT-MODULE-REFS GIT-PRUNE: market objects are stored, listed and pruned by their kinds; a moved ref is named as tampered")
    func storedByKind() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let chain = f.store.chainId
        let alice = f.key("alice"), bob = f.key("bob")
        let declaration = SignedMarketDeclaration.sign(
            try MarketDeclaration(creator: alice.publicKey, question: "q?", outcomes: ["a", "b"], resolver: bob.publicKey,
                                  closeHeight: 2, resolveBy: 3), with: alice, chain: chain)
        let market = declaration.id(chain: chain)
        let bet = SignedMarketBet.sign(try MarketBet(bettor: bob.publicKey, market: market, sequence: 1, probsPpm: [600_000, 400_000]),
                                       with: bob, chain: chain)
        #expect(try f.store.storeModuleObject(declaration, kind: MarketsModule.declarationKind))
        #expect(try !f.store.storeModuleObject(declaration, kind: MarketsModule.declarationKind), "stored once")
        #expect(throws: StoreError.self) { try f.store.storeModuleObject(bet, kind: MarketsModule.declarationKind) }
        try f.store.storeModuleObject(bet, kind: MarketsModule.betKind)
        #expect(MarketsModule.betKind.ref(of: bet, chain: chain) == ChainLayout.betRef(market: market, bettor: bob.publicKey, sequence: 1))
        #expect(MarketsModule.declarationKind.ref(of: declaration, chain: chain) == ChainLayout.marketRef(market))

        var problems: [String] = []
        let sections = try f.store.pendingModuleSections(problems: &problems)
        #expect(sections[MarketsModule.self] == MarketSection(declarations: [declaration], bets: [bet]) && problems.isEmpty)

        // A bet moved to another slot is not what its ref promises.
        let moved = "refs/pot/market-votes/\(market.hex)/\(bob.publicKey.hex)/9"
        try f.store.git.setReference(moved, to: try f.store.git.reference(ChainLayout.betRef(market: market, bettor: bob.publicKey, sequence: 1))!,
                                     expecting: .some(nil), message: "test")
        _ = try f.store.pendingModuleSections(problems: &problems)
        #expect(problems.count == 1 && problems[0].contains(moved) && problems[0].contains("tampered"), "\(problems)")
        try f.store.git.deleteReference(moved)

        // Blocks 1 to 4: the market closes at 2 and is final from height 4 - 2; the bet is spent.
        for t in 1...4 { try f.propose("alice", at: 1_700_000_000 + UInt64(t), canonical: true) }
        #expect(try f.store.currentState().markets[market] != nil)
        _ = try f.store.prune()
        problems = []
        #expect(try f.store.pendingModuleObjects(MarketsModule.betKind, problems: &problems).isEmpty, "a bet on a market closed at a final height is pruned")
        #expect(try f.store.pendingModuleObjects(MarketsModule.declarationKind, problems: &problems).count == 1, "declarations stay for the markets list")
    }
}
