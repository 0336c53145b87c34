import PoTCore

/// Where a market stands.
public enum MarketStatus: Equatable, Sendable {
    case open
    case resolved(outcome: Int, height: UInt64)
    case voided(height: UInt64)
}

/// The markets module's state: every market declared on the chain, open or settled.
public struct MarketsState: ModuleState {
    public internal(set) var markets: [Hash256: MarketState] = [:]

    public init() {}

    public func cacheEncoding() -> CBOR { .array(markets.keys.sorted().map { markets[$0]!.cacheEncoding() }) }

    public init(cacheEncoding: CBOR) throws {
        for entry in try cacheEncoding.array("markets", max: 1 << 24) {
            let market = try MarketState(cacheEncoding: entry)
            markets[market.id] = market
        }
    }
}

/// What one block did in the markets module: the markets it resolved or voided, in order.
public struct MarketsReport: ModuleReport {
    public var settlements: [MarketSettlement] = []
    public init() {}
    public var isEmpty: Bool { settlements.isEmpty }
}

/// What the chain remembers about a declared market.
public struct MarketState: Equatable, Sendable {
    public let id: Hash256
    public let declaration: MarketDeclaration
    /// Height of the block that included the declaration.
    public let declaredAt: UInt64
    /// The last included bet of each bettor.
    public internal(set) var bets: [PublicKey: MarketBet]
    /// Bettors' trust in the state before the block at the close height; nil until that block.
    public internal(set) var closingTrust: [PublicKey: UInt64]?
    public internal(set) var status: MarketStatus

    public init(id: Hash256, declaration: MarketDeclaration, declaredAt: UInt64, bets: [PublicKey: MarketBet] = [:],
                closingTrust: [PublicKey: UInt64]? = nil, status: MarketStatus = .open) {
        self.id = id
        self.declaration = declaration
        self.declaredAt = declaredAt
        self.bets = bets
        self.closingTrust = closingTrust
        self.status = status
    }

    /// p_m per outcome in ppm (rounded down) with the given trust, or nil when no bettor has trust.
    /// Display only: settlement uses the exact sums.
    public func prices(trust: [PublicKey: UInt64]) -> [UInt64]? {
        var total: UInt128 = 0
        var weights = [UInt128](repeating: 0, count: declaration.outcomes.count)
        for (bettor, bet) in bets {
            let t = UInt128(trust[bettor] ?? 0)
            total += t
            for (i, p) in bet.probsPpm.enumerated() { weights[i] += t * UInt128(p) }
        }
        guard total > 0 else { return nil }
        return weights.map { UInt64($0 / total) }
    }

    /// The prices a settlement uses: the closing trust once the market has closed, otherwise `current`.
    public func prices(current: [PublicKey: UInt64]) -> [UInt64]? { prices(trust: closingTrust ?? current) }

    /// What each bettor was (or would be) paid if `outcome` happened, with the closing trust.
    public func scores(outcome: Int, alpha: UInt64, rule: ScoringRule) -> [ForecastScore] {
        LogScoreSettlement.score(forecasts(outcome: outcome), alpha: alpha, rule: rule).scores
    }

    func forecasts(outcome: Int) -> [LogScoreSettlement.Forecast] {
        let closing = closingTrust ?? [:]
        return bets.keys.sorted().map { bettor in
            LogScoreSettlement.Forecast(key: bettor, trust: closing[bettor] ?? 0, ppm: bets[bettor]!.probsPpm[outcome])
        }
    }
}

/// The report of a market resolved or voided by a block.
public struct MarketSettlement: Equatable, Sendable {
    public var market: Hash256
    /// The realized outcome's index; nil when the market was voided.
    public var outcome: Int?
    /// Σ t_v over the bettors, in mT (closing trust).
    public var totalTrust: UInt128
    /// Σ t_v · q_v(outcome), in mT·ppm.
    public var outcomeWeight: UInt128
    /// One per bettor, sorted by key; `winnerPpm` is the probability the bet gave the outcome.
    public var scores: [VoterScore]
}
