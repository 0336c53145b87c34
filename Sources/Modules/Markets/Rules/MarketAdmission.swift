import PoTCore

/// The rules a market object must meet to enter a block at `blockHeight`, written once: the state
/// transition applies them, and `pot-market`, pot-web's signing and the gossip node call the same
/// functions, so a refusal reads the same wherever it happens. Signatures are checked by each
/// caller (the transition with the rules `marketSignature`, `betSignature`, `resolutionSignature`).
public enum MarketAdmission {
    /// MARKET-DECLARE: a member declares; the market closes after the block that declares it, gives
    /// its resolver no more than `markets.max_resolution_window` heights, and is new.
    public static func declaration(_ declaration: MarketDeclaration, id: Hash256, creatorIsMember: Bool,
                                   markets: [Hash256: MarketState], blockHeight: UInt64, params: ChainParams,
                                   named: (PublicKey) -> String = { $0.short }) -> BlockRejection? {
        guard creatorIsMember else {
            return BlockRejection(.marketCreator, "\(named(declaration.creator)) is not a member and cannot declare a market")
        }
        let window = params.value(of: MarketsModule.maxResolutionWindow)
        guard declaration.resolveBy - declaration.closeHeight <= window else {
            return BlockRejection(.marketResolutionWindow, "market \(id.short) gives its resolver \(declaration.resolveBy - declaration.closeHeight) heights after closing; this chain allows at most \(window)")
        }
        guard declaration.closeHeight > blockHeight else {
            return BlockRejection(.marketCloseHeight, "the close height \(declaration.closeHeight) must be above \(blockHeight), the height of the block that declares market \(id.short)", standing: .stale)
        }
        guard markets[id] == nil else {
            return BlockRejection(.marketDuplicate, "market \(id.short) is already declared", standing: .stale)
        }
        return nil
    }

    /// MARKET-BET: a member bets on a declared market up to its close height, with one probability
    /// per outcome, and a sequence above its last included bet there. `pending` is a declaration
    /// known but not yet in the chain (the gossip node keeps those).
    public static func bet(_ bet: MarketBet, id: Hash256, bettorIsMember: Bool, markets: [Hash256: MarketState],
                           pending: MarketDeclaration? = nil, blockHeight: UInt64,
                           named: (PublicKey) -> String = { $0.short }) -> BlockRejection? {
        let market = markets[bet.market]
        guard let declaration = market?.declaration ?? pending else {
            return BlockRejection(.marketUnknown, "market \(bet.market.short) is not in the chain yet; a block must carry its declaration first", standing: .notYet)
        }
        guard bettorIsMember else {
            return BlockRejection(.betNonMember, "\(named(bet.bettor)) is not a member and cannot bet")
        }
        guard blockHeight <= declaration.closeHeight else {
            return BlockRejection(.betClosed, "market \(bet.market.short) closed at height \(declaration.closeHeight); a block at height \(blockHeight) cannot carry bets on it", standing: .stale)
        }
        guard bet.probsPpm.count == declaration.outcomes.count else {
            return BlockRejection(.betOutcomes, "market \(bet.market.short) has \(declaration.outcomes.count) outcomes (\(declaration.outcomes.joined(separator: ", "))); the bet gives \(bet.probsPpm.count) probabilities")
        }
        if let previous = market?.bets[bet.bettor], bet.sequence <= previous.sequence {
            return BlockRejection(.betSequence, "\(named(bet.bettor))'s bet on market \(bet.market.short) has sequence \(bet.sequence), not above the included \(previous.sequence)", standing: .stale)
        }
        return nil
    }

    /// MARKET-RESOLVE: the market's resolver names one of its outcomes, in a block after the close
    /// height and no later than the resolve-by height, while the market is open. What can never
    /// be valid is checked before what depends on the height, so a resolution refused as `.early`
    /// may enter a later block as it is.
    public static func resolution(_ resolution: MarketResolution, markets: [Hash256: MarketState],
                                  pending: MarketDeclaration? = nil, blockHeight: UInt64,
                           named: (PublicKey) -> String = { $0.short }) -> BlockRejection? {
        let market = markets[resolution.market]
        guard let declaration = market?.declaration ?? pending else {
            return BlockRejection(.marketUnknown, "market \(resolution.market.short) is not in the chain yet; a block must carry its declaration first", standing: .notYet)
        }
        guard resolution.resolver == declaration.resolver else {
            return BlockRejection(.resolutionResolver, "only \(named(declaration.resolver)), the market's resolver, may resolve market \(resolution.market.short), not \(named(resolution.resolver))")
        }
        guard resolution.outcome < UInt64(declaration.outcomes.count) else {
            return BlockRejection(.resolutionOutcome, "market \(resolution.market.short) has no outcome \(resolution.outcome) (it has \(declaration.outcomes.count))")
        }
        switch market?.status ?? .open {
        case .open: break
        case .resolved(let outcome, let height):
            return BlockRejection(.resolutionSettled, "market \(resolution.market.short) was already resolved at height \(height) (outcome \(declaration.outcomes[outcome]))", standing: .stale)
        case .voided(let height):
            return BlockRejection(.resolutionSettled, "market \(resolution.market.short) was voided at height \(height)", standing: .stale)
        }
        guard blockHeight > declaration.closeHeight else {
            return BlockRejection(.resolutionEarly, "market \(resolution.market.short) closes at height \(declaration.closeHeight); a block at height \(blockHeight) cannot resolve it", standing: .early)
        }
        guard blockHeight <= declaration.resolveBy else {
            return BlockRejection(.resolutionLate, "market \(resolution.market.short) had to be resolved by height \(declaration.resolveBy)", standing: .stale)
        }
        return nil
    }
}

extension MarketAdmission {
    /// The declaration rules on top of `state`, for a block at `blockHeight` (default: the next).
    /// `named` names keys in the message (the transition uses their short hex).
    public static func declaration(_ signed: SignedMarketDeclaration, on state: ChainState, forBlockAt blockHeight: UInt64? = nil,
                                   named: (PublicKey) -> String = { $0.short }) -> BlockRejection? {
        declaration(signed.declaration, id: signed.id(chain: state.chainId), creatorIsMember: state.isMember(signed.declaration.creator),
                    markets: state.markets, blockHeight: blockHeight ?? state.height + 1, params: state.params, named: named)
    }

    /// The bet rules on top of `state`, for a block at `blockHeight` (default: the next).
    public static func bet(_ bet: MarketBet, on state: ChainState, pending: MarketDeclaration? = nil,
                           forBlockAt blockHeight: UInt64? = nil, named: (PublicKey) -> String = { $0.short }) -> BlockRejection? {
        self.bet(bet, id: bet.id(chain: state.chainId), bettorIsMember: state.isMember(bet.bettor), markets: state.markets,
                 pending: pending, blockHeight: blockHeight ?? state.height + 1, named: named)
    }

    /// The resolution rules on top of `state`, for a block at `blockHeight` (default: the next).
    public static func resolution(_ resolution: MarketResolution, on state: ChainState, pending: MarketDeclaration? = nil,
                                  forBlockAt blockHeight: UInt64? = nil, named: (PublicKey) -> String = { $0.short }) -> BlockRejection? {
        self.resolution(resolution, markets: state.markets, pending: pending, blockHeight: blockHeight ?? state.height + 1, named: named)
    }
}
