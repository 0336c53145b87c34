import Testing
@testable import PoTCore
import PoTMarkets
import PoTModules

@Suite("Market payload selection")
struct MarketSelectionTests {
    @Test("MARKET-SELECT: a proposal carries each bettor's newest applicable bet, applicable declarations, and one resolution per market")
    func selection() throws {
        var state = Fx.genesis()
        let chain = state.chainId
        let d = Mx.declaration(chain: chain)
        let market = d.id(chain: chain)
        let outsider = Mx.declaration(Fx.dave, question: "From outside?", chain: chain)
        let bets = [
            Mx.bet(Fx.bob, on: market, [100_000, 100_000, 800_000], sequence: 1, chain: chain),
            Mx.bet(Fx.bob, on: market, [300_000, 300_000, 400_000], sequence: 3, chain: chain),
            Mx.bet(Fx.bob, on: market, [200_000, 200_000, 600_000], sequence: 2, chain: chain),
            Mx.bet(Fx.dave, on: market, [300_000, 300_000, 400_000], chain: chain),
        ]
        let payload = PayloadSelection.select(forBlockAt: 1, on: state, transfers: [], votes: [],
                                              markets: MarketSection(declarations: [outsider, d], bets: bets))
        #expect(payload.markets.declarations == [d])
        #expect(payload.markets.bets.map(\.bet.sequence) == [3])
        try Fx.apply(&state, payload: payload)
        try Mx.advance(&state, to: 3)
        let r0 = Mx.resolution(of: market, outcome: 0, chain: chain)
        let r1 = Mx.resolution(of: market, outcome: 1, chain: chain)
        let next = PayloadSelection.select(forBlockAt: 4, on: state, transfers: [], votes: [],
                                           markets: MarketSection(bets: bets, resolutions: [r0, r1]))
        #expect(next.markets.bets.isEmpty, "the market is closed")
        #expect(next.markets.resolutions == [[r0, r1].min(by: { $0.id(chain: chain) < $1.id(chain: chain) })!])
        try Fx.apply(&state, payload: next)
    }
}
