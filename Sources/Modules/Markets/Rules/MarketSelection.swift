import PoTCore

/// Chooses the markets section of a new block: every declaration that applies, each bettor's
/// highest-sequence bet that applies per market (only the last one would count), and the first
/// resolution (by id) that applies per market.
enum MarketSelection {
    static func select(_ pending: MarketSection, in block: inout ModuleBlock<MarketsModule>) -> MarketSection {
        let chain = block.chain
        var section = MarketSection()
        for declaration in pending.declarations.sorted(by: { $0.id(chain: chain) < $1.id(chain: chain) })
        where section.declarations.count < MarketLimits.maxDeclarationsPerBlock {
            if (try? MarketTransition.declare(declaration, in: &block)) != nil {
                section.declarations.append(declaration)
            }
        }
        struct Slot: Hashable, Comparable {
            let market: Hash256
            let bettor: PublicKey
            static func < (a: Slot, b: Slot) -> Bool { (a.market, a.bettor) < (b.market, b.bettor) }
        }
        var slots: [Slot: [SignedMarketBet]] = [:]
        for bet in pending.bets { slots[Slot(market: bet.bet.market, bettor: bet.bet.bettor), default: []].append(bet) }
        for slot in slots.keys.sorted() where section.bets.count < MarketLimits.maxBetsPerBlock {
            let newestFirst = slots[slot]!.sorted {
                ($0.bet.sequence, $0.id(chain: chain)) > ($1.bet.sequence, $1.id(chain: chain))
            }
            for bet in newestFirst {
                if (try? MarketTransition.placeBet(bet, in: &block)) != nil {
                    section.bets.append(bet)
                    break
                }
            }
        }
        for resolution in pending.resolutions.sorted(by: { $0.id(chain: chain) < $1.id(chain: chain) })
        where section.resolutions.count < MarketLimits.maxResolutionsPerBlock {
            if (try? MarketTransition.resolve(resolution, in: &block)) != nil {
                section.resolutions.append(resolution)
            }
        }
        return section
    }
}
