import Testing
@testable import PoTCore
import PoTMarkets

@Suite("Markets: worked example")
struct MarketWorkedExampleTests {
    /// alice 10 000, bob 5 000, carol 5 000 mT; alpha = 1000 mT per nat; outcomes rain/snow/sun.
    /// Bets that count: alice 0.6/0.3/0.1 (her second), bob 0.2/0.2/0.6, carol 0.5/0.25/0.25.
    /// Closing weights (before the block at the close height 3): 10 000, 5 000, 5 000.
    /// Outcome rain: p_m = (10 000·0.6 + 5 000·0.2 + 5 000·0.5) / 20 000 = 9 500 / 20 000 = 0.475.
    ///   alice: 1000 · ln(0.6 / 0.475) = 1000 · ln 1.263158 = +233.61 → +234
    ///   bob:   1000 · ln(0.2 / 0.475) = 1000 · ln 0.421053 = −864.997 → −865
    ///   carol: 1000 · ln(0.5 / 0.475) = 1000 · ln 1.052632 = +51.29 → +51
    /// alice sends carol 1 000 mT in the close block and 4 000 mT after it; neither changes the weights.
    @Test("MARKET-SCORE MARKET-CLOSE MARKET-LAST: a three-outcome market settles to the figures computed by hand")
    func workedExample() throws {
        var state = Fx.genesis()
        let chain = state.chainId
        let declaration = Mx.declaration(close: 3, resolveBy: 5, chain: chain)
        let market = declaration.id(chain: chain)
        try Fx.apply(&state, payload: Mx.payload(
            declarations: [declaration],
            bets: [Mx.bet(Fx.alice, on: market, [100_000, 100_000, 800_000], sequence: 1, chain: chain),
                   Mx.bet(Fx.bob, on: market, [200_000, 200_000, 600_000], chain: chain)]))
        try Fx.apply(&state, payload: Mx.payload(
            bets: [Mx.bet(Fx.alice, on: market, [600_000, 300_000, 100_000], sequence: 2, chain: chain),
                   Mx.bet(Fx.carol, on: market, [500_000, 250_000, 250_000], chain: chain)]))
        #expect(state.markets[market]?.closingTrust == nil)
        try Fx.apply(&state, payload: Mx.payload(transfers: [Fx.transfer(Fx.alice, to: Fx.carol, amount: 1_000, nonce: 1, chain: chain)]))
        #expect(state.markets[market]?.closingTrust == [Fx.alice.publicKey: 10_000, Fx.bob.publicKey: 5_000, Fx.carol.publicKey: 5_000])
        #expect(state.markets[market]?.bets[Fx.alice.publicKey]?.sequence == 2)
        #expect(state.markets[market]?.prices(current: state.memberTrust) == [475_000, 262_500, 262_500])

        let effects = try Fx.apply(&state, payload: Mx.payload(
            resolutions: [Mx.resolution(of: market, outcome: 0, chain: chain)],
            transfers: [Fx.transfer(Fx.alice, to: Fx.bob, amount: 4_000, nonce: 2, chain: chain)]))
        let settlement = try #require(effects.markets.first)
        #expect(settlement.outcome == 0)
        #expect(settlement.totalTrust == 20_000)
        #expect(settlement.outcomeWeight == 9_500 * 1_000_000)
        #expect(settlement.scores.map(\.delta) == [Fx.alice, Fx.bob, Fx.carol].sorted { $0.publicKey < $1.publicKey }.map {
            [Fx.alice.publicKey: Int64(234), Fx.bob.publicKey: -865, Fx.carol.publicKey: 51][$0.publicKey]!
        })
        // Balances: alice 10 000 − 1 000 − 4 000 + 234; bob 5 000 + 4 000 − 865; carol 5 000 + 1 000 + 51.
        #expect(Fx.balance(state, Fx.alice) == 5_234)
        #expect(Fx.balance(state, Fx.bob) == 8_135)
        #expect(Fx.balance(state, Fx.carol) == 6_051)
        #expect(state.markets[market]?.status == .resolved(outcome: 0, height: 4))
        #expect(state.markets[market]?.scores(outcome: 0, alpha: 1000, rule: .inclusive).map(\.delta).reduce(0, +) == 234 - 865 + 51)
    }
}
