/// The markets module of the state transition: applies a block's markets section, takes the
/// closing trust of markets that close at the block, and voids markets past their resolve-by height.
enum MarketTransition {
    static func apply(_ section: MarketSection, blockHeight: UInt64, preBlockTrust: [PublicKey: UInt64],
                      to state: inout ChainState, chain: Hash256, signatures: any SignatureChecker) throws -> [MarketSettlement] {
        for declaration in section.declarations {
            try declare(declaration, blockHeight: blockHeight, in: &state, chain: chain, signatures: signatures)
        }
        for bet in section.bets {
            try placeBet(bet, blockHeight: blockHeight, in: &state, chain: chain, signatures: signatures)
        }
        var settlements: [MarketSettlement] = []
        for resolution in section.resolutions {
            settlements.append(try resolve(resolution, blockHeight: blockHeight, in: &state, chain: chain, signatures: signatures))
        }
        let due = state.markets.filter { _, market in
            market.declaration.closeHeight == blockHeight || (market.status == .open && market.declaration.resolveBy < blockHeight)
        }
        for id in due.keys.sorted() {
            var market = due[id]!
            if market.declaration.closeHeight == blockHeight {
                var closing: [PublicKey: UInt64] = [:]
                for bettor in market.bets.keys { closing[bettor] = preBlockTrust[bettor] ?? 0 }
                market.closingTrust = closing
                state.markets[id] = market
            } else if market.status == .open, market.declaration.resolveBy < blockHeight {
                market.status = .voided(height: blockHeight)
                state.markets[id] = market
                settlements.append(MarketSettlement(market: id, outcome: nil, totalTrust: 0, outcomeWeight: 0, scores: []))
            }
        }
        return settlements
    }

    static func declare(_ signed: SignedMarketDeclaration, blockHeight: UInt64, in state: inout ChainState,
                        chain: Hash256, signatures: any SignatureChecker) throws {
        let declaration = signed.declaration
        let id = signed.id(chain: chain)
        guard signatures.isValid(signed, chain: chain) else {
            throw BlockRejection(.marketSignature, "market declaration \(id.short) has an invalid signature")
        }
        guard state.isMember(declaration.creator) else {
            throw BlockRejection(.marketCreator, "\(declaration.creator.short) is not a member and cannot declare a market")
        }
        guard declaration.closeHeight > blockHeight else {
            throw BlockRejection(.marketCloseHeight, "market \(id.short) closes at height \(declaration.closeHeight), not after the block at height \(blockHeight) that declares it")
        }
        guard state.markets[id] == nil else {
            throw BlockRejection(.marketDuplicate, "market \(id.short) is already declared")
        }
        state.markets[id] = MarketState(id: id, declaration: declaration, declaredAt: blockHeight)
    }

    static func placeBet(_ signed: SignedMarketBet, blockHeight: UInt64, in state: inout ChainState,
                         chain: Hash256, signatures: any SignatureChecker) throws {
        let bet = signed.bet
        guard signatures.isValid(signed, chain: chain) else {
            throw BlockRejection(.betSignature, "bet \(signed.id(chain: chain).short) has an invalid signature")
        }
        guard var market = state.markets[bet.market] else {
            throw BlockRejection(.marketUnknown, "bet \(signed.id(chain: chain).short) is on market \(bet.market.short), which is not declared")
        }
        guard state.isMember(bet.bettor) else {
            throw BlockRejection(.betNonMember, "\(bet.bettor.short) is not a member and cannot bet")
        }
        guard blockHeight <= market.declaration.closeHeight else {
            throw BlockRejection(.betClosed, "market \(bet.market.short) closed at height \(market.declaration.closeHeight); a block at height \(blockHeight) cannot include bets on it")
        }
        guard bet.probsPpm.count == market.declaration.outcomes.count else {
            throw BlockRejection(.betOutcomes, "market \(bet.market.short) has \(market.declaration.outcomes.count) outcomes; the bet gives \(bet.probsPpm.count) probabilities")
        }
        if let previous = market.bets[bet.bettor], bet.sequence <= previous.sequence {
            throw BlockRejection(.betSequence, "\(bet.bettor.short)'s bet on market \(bet.market.short) has sequence \(bet.sequence), not above the included \(previous.sequence)")
        }
        market.bets[bet.bettor] = bet
        state.markets[bet.market] = market
    }

    static func resolve(_ signed: SignedMarketResolution, blockHeight: UInt64, in state: inout ChainState,
                        chain: Hash256, signatures: any SignatureChecker) throws -> MarketSettlement {
        let resolution = signed.resolution
        guard signatures.isValid(signed, chain: chain) else {
            throw BlockRejection(.resolutionSignature, "resolution \(signed.id(chain: chain).short) has an invalid signature")
        }
        guard var market = state.markets[resolution.market] else {
            throw BlockRejection(.marketUnknown, "resolution of market \(resolution.market.short), which is not declared")
        }
        let declaration = market.declaration
        guard resolution.resolver == declaration.resolver else {
            throw BlockRejection(.resolutionResolver, "market \(resolution.market.short) is resolved by \(declaration.resolver.short), not \(resolution.resolver.short)")
        }
        switch market.status {
        case .open: break
        case .resolved(_, let height):
            throw BlockRejection(.resolutionSettled, "market \(resolution.market.short) was already resolved at height \(height)")
        case .voided(let height):
            throw BlockRejection(.resolutionSettled, "market \(resolution.market.short) was voided at height \(height)")
        }
        guard blockHeight > declaration.closeHeight else {
            throw BlockRejection(.resolutionEarly, "market \(resolution.market.short) closes at height \(declaration.closeHeight); a block at height \(blockHeight) cannot resolve it")
        }
        guard blockHeight <= declaration.resolveBy else {
            throw BlockRejection(.resolutionLate, "market \(resolution.market.short) had to be resolved by height \(declaration.resolveBy)")
        }
        guard resolution.outcome < UInt64(declaration.outcomes.count) else {
            throw BlockRejection(.resolutionOutcome, "market \(resolution.market.short) has no outcome \(resolution.outcome) (it has \(declaration.outcomes.count))")
        }
        let outcome = Int(resolution.outcome)
        let settled = LogScoreSettlement.settle(market.forecasts(outcome: outcome), alpha: state.params.alpha,
                                                rule: state.params.scoring, accounts: &state.accounts)
        market.status = .resolved(outcome: outcome, height: blockHeight)
        state.markets[resolution.market] = market
        return MarketSettlement(market: resolution.market, outcome: outcome, totalTrust: settled.totalTrust,
                                outcomeWeight: settled.weight, scores: settled.scores)
    }
}
