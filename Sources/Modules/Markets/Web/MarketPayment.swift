import PoTCore
import PoTMarkets
import PoTStore

/// A bettor's payment when a market was resolved on main.
struct MarketPayment: Sendable {
    let market: Hash256
    /// Height of the block that resolved the market.
    let blockHeight: UInt64
    let outcome: Int
    let score: VoterScore

    /// Every payment of the resolutions on main, by bettor, newest first.
    static func byBettor(_ applied: [AppliedBlock]) -> [PublicKey: [MarketPayment]] {
        var payments: [PublicKey: [MarketPayment]] = [:]
        for entry in applied.reversed() {
            for settlement in entry.effects.markets.reversed() {
                guard let outcome = settlement.outcome else { continue }
                for score in settlement.scores.reversed() {
                    payments[score.voter, default: []].append(
                        MarketPayment(market: settlement.market, blockHeight: entry.block.height, outcome: outcome, score: score))
                }
            }
        }
        return payments
    }
}
