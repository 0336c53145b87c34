import PoTCore
import PoTStore
import PoTMarkets

/// A market as reports show it (the `--json` of pot-market and the explorer's API), with
/// accounts named by their labels where known.
public struct MarketReport: Encodable, Sendable {
    public struct BetLine: Encodable, Sendable {
        public let id: String
        public let bettor: String
        public let label: String?
        public let sequence: UInt64
        public let probs_ppm: [UInt64]
        /// The weight of the bet: trust at the close height once closed, current trust before.
        public let trust_mt: UInt64?
    }

    public struct ScoreLine: Encodable, Sendable {
        public let bettor: String
        public let label: String?
        public let trust_mt: UInt64
        public let outcome_ppm: UInt64
        public let delta_mt: Int64
    }

    public let id: String
    public let question: String
    public let outcomes: [String]
    public let creator: String
    public let creator_label: String?
    public let resolver: String
    public let resolver_label: String?
    public let close_height: UInt64
    public let resolve_by: UInt64
    /// The height of the block that declared it; nil while pending.
    public let declared_at: UInt64?
    /// pending, open, closed, resolved or voided.
    public let status: String
    public let outcome: String?
    public let settled_at: UInt64?
    /// p_m per outcome in ppm (rounded down); nil while no bettor has trust.
    public let prices_ppm: [UInt64]?
    public let bets: [BetLine]
    public let scores: [ScoreLine]

    public init(id: Hash256, declaration: MarketDeclaration, market: MarketState?, chain: ChainState, names: [PublicKey: String]) {
        self.id = id.hex
        question = declaration.question
        outcomes = declaration.outcomes
        creator = declaration.creator.hex
        creator_label = names[declaration.creator]
        resolver = declaration.resolver.hex
        resolver_label = names[declaration.resolver]
        close_height = declaration.closeHeight
        resolve_by = declaration.resolveBy
        declared_at = market?.declaredAt
        let memberTrust = chain.memberTrust
        let weights = market?.closingTrust ?? memberTrust
        status = MarketListing.phase(of: market, closeHeight: declaration.closeHeight, at: chain.height)
        switch market?.status {
        case .resolved(let index, let height)?: outcome = declaration.outcomes[index]; settled_at = height
        case .voided(let height)?: outcome = nil; settled_at = height
        case .open?, nil: outcome = nil; settled_at = nil
        }
        prices_ppm = market?.prices(current: memberTrust)
        bets = (market?.bets ?? [:]).keys.sorted().map { bettor in
            let bet = market!.bets[bettor]!
            return BetLine(id: bet.id(chain: chain.chainId).hex, bettor: bettor.hex, label: names[bettor],
                           sequence: bet.sequence, probs_ppm: bet.probsPpm, trust_mt: weights[bettor])
        }
        if let market, case .resolved(let index, _) = market.status {
            scores = market.scores(outcome: index, alpha: chain.params.alpha, rule: chain.params.scoring).map {
                ScoreLine(bettor: $0.key.hex, label: names[$0.key], trust_mt: $0.trust, outcome_ppm: $0.ppm, delta_mt: $0.delta)
            }
        } else {
            scores = []
        }
    }
}
