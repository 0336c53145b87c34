import PoTCore

/// The markets module's part of the state transition: applies a block's declarations, bets and
/// resolutions, takes the closing trust of markets that close at the block, and voids markets
/// past their resolve-by height.
enum MarketTransition {
    static func declare(_ signed: SignedMarketDeclaration, in block: inout ModuleBlock<MarketsModule>) throws {
        let id = signed.id(chain: block.chain)
        try block.requireSignature(signed, .marketSignature)
        if let refusal = MarketAdmission.declaration(signed.declaration, id: id, creatorIsMember: block.isMember(signed.declaration.creator),
                                                     markets: block.state.markets, blockHeight: block.height, params: block.params) {
            throw refusal
        }
        block.state.markets[id] = MarketState(id: id, declaration: signed.declaration, declaredAt: block.height)
    }

    static func placeBet(_ signed: SignedMarketBet, in block: inout ModuleBlock<MarketsModule>) throws {
        let bet = signed.bet
        try block.requireSignature(signed, .betSignature)
        if let refusal = MarketAdmission.bet(bet, id: signed.id(chain: block.chain), bettorIsMember: block.isMember(bet.bettor),
                                             markets: block.state.markets, blockHeight: block.height) {
            throw refusal
        }
        block.state.markets[bet.market]!.bets[bet.bettor] = bet
    }

    static func resolve(_ signed: SignedMarketResolution, in block: inout ModuleBlock<MarketsModule>) throws {
        let resolution = signed.resolution
        try block.requireSignature(signed, .resolutionSignature)
        if let refusal = MarketAdmission.resolution(resolution, markets: block.state.markets, blockHeight: block.height) {
            throw refusal
        }
        var market = block.state.markets[resolution.market]!
        let outcome = Int(resolution.outcome)
        let settled = block.settle(market.forecasts(outcome: outcome))
        market.status = .resolved(outcome: outcome, height: block.height)
        block.state.markets[resolution.market] = market
        block.report.settlements.append(MarketSettlement(market: resolution.market, outcome: outcome, totalTrust: settled.totalTrust,
                                                         outcomeWeight: settled.weight, scores: settled.scores))
    }

    /// MARKET-CLOSE and MARKET-VOID, at the end of every block.
    static func closeAndVoid(in block: inout ModuleBlock<MarketsModule>) {
        let height = block.height
        let due = block.state.markets.filter { _, market in
            market.declaration.closeHeight == height || (market.status == .open && market.declaration.resolveBy < height)
        }
        for id in due.keys.sorted() {
            var market = due[id]!
            if market.declaration.closeHeight == height {
                var closing: [PublicKey: UInt64] = [:]
                for bettor in market.bets.keys { closing[bettor] = block.preBlockTrust[bettor] ?? 0 }
                market.closingTrust = closing
                block.state.markets[id] = market
            } else if market.status == .open, market.declaration.resolveBy < height {
                market.status = .voided(height: height)
                block.state.markets[id] = market
                block.report.settlements.append(MarketSettlement(market: id, outcome: nil, totalTrust: 0, outcomeWeight: 0, scores: []))
            }
        }
    }
}
