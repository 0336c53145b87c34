import Testing
@testable import PoTCore

@Suite("Which votes are scored")
struct FinalizationVotesTests {
    @Test("FIN-VOTES: a vote carried by block h+K is scored; votes no block carried are not")
    func onlyIncludedVotesAreScored() throws {
        var (state, a, b) = try FinalizationTests.afterBlockA(k: 2)
        let votes = FinalizationTests.seedVotes(state.chainId, a: a, b: b)
        try Fx.apply(&state)                                   // height 2 carries nothing
        let effects = try Fx.apply(&state, payload: Payload(votes: [votes[0]]))   // height 3 = 1 + K carries alice's vote
        let report = try #require(effects.finalized)
        #expect(report.height == 1)
        #expect(report.scores.map(\.voter) == [Fx.alice.publicKey])
        // Alone in the market, alice's p_m(A) equals her q(A): margin 0, no change.
        #expect(report.scores[0].delta == 0)
        #expect(Fx.balance(state, Fx.alice) == 10_000)
        #expect(Fx.balance(state, Fx.carol) == 5_000)
    }
}
