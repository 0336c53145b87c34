import PoTCore

/// Prediction markets (system 000, section "prediction markets"): members declare questions,
/// bet probability distributions over their outcomes, and a named resolver settles each one;
/// bettors are scored by the log score against the trust-weighted market, as votes are.
public enum MarketsModule: ChainModule {
    public typealias Section = MarketSection
    public typealias State = MarketsState
    public typealias Report = MarketsReport

    public static let name = "markets"
    public static let summary = "prediction markets scored by the log score (system 000)"
    public static let payloadKey: UInt64 = 4

    /// Declarations wait under `refs/pot/markets/<market id>`.
    public static let declarationKind = ModuleObjectKind(MarketDeclaration.self, shortName: "market", wireKind: 4, refRoot: "markets") {
        $0.id(chain: $1).hex
    }
    /// Bets wait under `refs/pot/market-votes/<market>/<bettor>/<sequence>`: one slot per sequence.
    public static let betKind = ModuleObjectKind(MarketBet.self, shortName: "bet", wireKind: 5, refRoot: "market-votes") { signed, _ in
        "\(signed.bet.market.hex)/\(signed.bet.bettor.hex)/\(signed.bet.sequence)"
    }
    /// Resolutions wait under `refs/pot/market-res/<market>/<resolution id>`.
    public static let resolutionKind = ModuleObjectKind(MarketResolution.self, shortName: "resolution", wireKind: 6, refRoot: "market-res") {
        "\($0.resolution.market.hex)/\($0.id(chain: $1).hex)"
    }
    public static let kinds = [declarationKind, betKind, resolutionKind]

    public static let rules: [BlockRejection.Rule] = [
        .marketSignature, .marketCreator, .marketCloseHeight, .marketDuplicate, .marketUnknown, .marketResolutionWindow,
        .betSignature, .betNonMember, .betClosed, .betOutcomes, .betSequence,
        .resolutionSignature, .resolutionResolver, .resolutionEarly, .resolutionLate, .resolutionSettled, .resolutionOutcome,
    ]

    /// The longest a declaration may give its resolver after the close height. The default is the
    /// decoders' own limit, so a chain that does not set it behaves as before the parameter existed.
    public static let maxResolutionWindow = ModuleParameter(
        "markets.max_resolution_window", default: MarketLimits.maxResolutionWindow, range: 1...MarketLimits.maxResolutionWindow,
        summary: "heights a resolver may be given after a market's close height")
    public static let parameters = [maxResolutionWindow]

    public static func initialState(_ params: ChainParams) -> MarketsState { MarketsState() }

    public static func apply(_ section: MarketSection, in block: inout ModuleBlock<MarketsModule>) throws {
        for declaration in section.declarations { try MarketTransition.declare(declaration, in: &block) }
        for bet in section.bets { try MarketTransition.placeBet(bet, in: &block) }
        for resolution in section.resolutions { try MarketTransition.resolve(resolution, in: &block) }
    }

    public static func endBlock(in block: inout ModuleBlock<MarketsModule>) { MarketTransition.closeAndVoid(in: &block) }

    public static func select(_ pending: MarketSection, in block: inout ModuleBlock<MarketsModule>) -> MarketSection {
        MarketSelection.select(pending, in: &block)
    }

    public static func pendingSection(_ objects: [any SignedObject]) -> MarketSection {
        MarketSection(declarations: objects.compactMap { $0 as? SignedMarketDeclaration }, bets: objects.compactMap { $0 as? SignedMarketBet },
                      resolutions: objects.compactMap { $0 as? SignedMarketResolution })
    }

    /// A creator or bettor who is not a member.
    public static let memberRules: [BlockRejection.Rule] = [.marketCreator, .betNonMember]

    public static func admit(_ object: any SignedObject, on state: ChainState, stored: (ModuleObjectKind, Hash256) -> (any SignedObject)?,
                             named: (PublicKey) -> String) -> BlockRejection? {
        func declaration(_ market: Hash256) -> MarketDeclaration? {
            (stored(declarationKind, market) as? SignedMarketDeclaration)?.declaration
        }
        switch object {
        case let signed as SignedMarketDeclaration:
            return MarketAdmission.declaration(signed, on: state, named: named)
        case let signed as SignedMarketBet:
            return MarketAdmission.bet(signed.bet, on: state, pending: declaration(signed.bet.market), named: named)
        case let signed as SignedMarketResolution:
            return MarketAdmission.resolution(signed.resolution, on: state, pending: declaration(signed.resolution.market), named: named)
        default:
            return BlockRejection(.marketUnknown, "not an object of the markets module")
        }
    }

    /// A bet on a market closed at a final height (or below a final bet's sequence), and a
    /// resolution of a market settled or past its resolve-by height in the final state, can never
    /// enter a block; declarations are kept, since the markets list shows them.
    public static func isSpent(_ object: any SignedObject, final: ChainState) -> Bool {
        if let bet = object as? SignedMarketBet {
            return MarketAdmission.bet(bet.bet, on: final)?.standing == .stale
        }
        if let resolution = object as? SignedMarketResolution {
            return MarketAdmission.resolution(resolution.resolution, on: final)?.standing == .stale
        }
        return false
    }
}

extension DomainTag {
    public static let marketDeclaration = DomainTag("pot/market/decl/v1")
    public static let marketBet = DomainTag("pot/market/bet/v1")
    public static let marketResolution = DomainTag("pot/market/res/v1")
}

extension BlockRejection.Rule {
    public static let marketSignature = Self("marketSignature"), marketCreator = Self("marketCreator")
    public static let marketCloseHeight = Self("marketCloseHeight"), marketDuplicate = Self("marketDuplicate")
    public static let marketUnknown = Self("marketUnknown"), marketResolutionWindow = Self("marketResolutionWindow")
    public static let betSignature = Self("betSignature"), betNonMember = Self("betNonMember"), betClosed = Self("betClosed")
    public static let betOutcomes = Self("betOutcomes"), betSequence = Self("betSequence")
    public static let resolutionSignature = Self("resolutionSignature"), resolutionResolver = Self("resolutionResolver")
    public static let resolutionEarly = Self("resolutionEarly"), resolutionLate = Self("resolutionLate")
    public static let resolutionSettled = Self("resolutionSettled"), resolutionOutcome = Self("resolutionOutcome")
}

extension ChainState {
    /// Every market declared on this chain, open or settled.
    public var markets: [Hash256: MarketState] { state(of: MarketsModule.self).markets }
}

extension Payload {
    /// The markets section (payload key 4).
    public var markets: MarketSection {
        get { sections[MarketsModule.self] }
        set { sections[MarketsModule.self] = newValue }
    }

    public init(transfers: [SignedTransfer] = [], votes: [SignedVote] = [], evidence: [EquivocationEvidence] = [],
                markets: MarketSection) {
        self.init(transfers: transfers, votes: votes, evidence: evidence)
        self.markets = markets
    }
}

extension BlockEffects {
    /// Markets resolved or voided by the block.
    public var markets: [MarketSettlement] { modules[MarketsModule.self].settlements }
}

extension PayloadSelection {
    /// Chooses a payload with the markets objects given as one section.
    public static func select(forBlockAt blockHeight: UInt64, on state: ChainState, transfers: [SignedTransfer], votes: [SignedVote],
                              markets: MarketSection) -> Payload {
        var pending = ModuleSections()
        pending[MarketsModule.self] = markets
        return select(forBlockAt: blockHeight, on: state, transfers: transfers, votes: votes, pending: pending)
    }
}
