import Testing
@testable import PoTCore
import PoTMarkets

/// Signed market objects for consensus tests.
enum Mx {
    static func declaration(_ creator: SigningKey = Fx.alice, question: String = "Will it rain on Friday?",
                            outcomes: [String] = ["rain", "snow", "sun"], resolver: SigningKey = Fx.carol,
                            close: UInt64 = 3, resolveBy: UInt64 = 5, chain: Hash256,
                            signer: SigningKey? = nil) -> SignedMarketDeclaration {
        let d = try! MarketDeclaration(creator: creator.publicKey, question: question, outcomes: outcomes,
                                       resolver: resolver.publicKey, closeHeight: close, resolveBy: resolveBy)
        return SignedMarketDeclaration.sign(d, with: signer ?? creator, chain: chain)
    }

    static func bet(_ bettor: SigningKey, on market: Hash256, _ probs: [UInt64], sequence: UInt64 = 1,
                    chain: Hash256, signer: SigningKey? = nil) -> SignedMarketBet {
        let b = try! MarketBet(bettor: bettor.publicKey, market: market, sequence: sequence, probsPpm: probs)
        return SignedMarketBet.sign(b, with: signer ?? bettor, chain: chain)
    }

    static func resolution(_ resolver: SigningKey = Fx.carol, of market: Hash256, outcome: UInt64,
                           chain: Hash256) -> SignedMarketResolution {
        SignedMarketResolution.sign(MarketResolution(resolver: resolver.publicKey, market: market, outcome: outcome),
                                    with: resolver, chain: chain)
    }

    static func payload(declarations: [SignedMarketDeclaration] = [], bets: [SignedMarketBet] = [],
                        resolutions: [SignedMarketResolution] = [], transfers: [SignedTransfer] = []) -> Payload {
        Payload(transfers: transfers, markets: MarketSection(declarations: declarations, bets: bets, resolutions: resolutions))
    }

    /// A genesis with a market declared at height 1 (close 3, resolve by 5): returns the state and the market id.
    static func declared(close: UInt64 = 3, resolveBy: UInt64 = 5) throws -> (ChainState, Hash256) {
        var state = Fx.genesis()
        let d = declaration(close: close, resolveBy: resolveBy, chain: state.chainId)
        try Fx.apply(&state, payload: payload(declarations: [d]))
        return (state, d.id(chain: state.chainId))
    }

    /// Applies empty blocks until the tip is at `height`.
    static func advance(_ state: inout ChainState, to height: UInt64) throws {
        while state.height < height { try Fx.apply(&state) }
    }
}
