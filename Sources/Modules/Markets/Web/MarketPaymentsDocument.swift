import PoTCore
import PoTWeb

/// An account's market payments: `market_scores` of `/api/accounts/{account}` and the
/// "Market payments" section of its page.
struct MarketPaymentsDocument {
    /// A payment for a bet on a market resolved on main.
    struct Item: Encodable, Sendable {
        let market: String
        let block_height: UInt64
        let outcome_index: Int
        let trust_mt: UInt64
        let outcome_ppm: UInt64
        let margin_nats: String
        let delta_mt: Int64
        let balance_after_mt: UInt64
    }

    /// The newest payments, at most as many as the account's other lists hold.
    let items: [Item]

    init(_ payments: [MarketPayment]) {
        items = payments.prefix(AccountDocument.listLimit).map {
            Item(market: $0.market.hex, block_height: $0.blockHeight, outcome_index: $0.outcome, trust_mt: $0.score.trust,
                 outcome_ppm: $0.score.winnerPpm, margin_nats: Display.natsJSON($0.score.margin), delta_mt: $0.score.delta,
                 balance_after_mt: $0.score.balanceAfter)
        }
    }

    var html: HTML {
        let table = Fragments.table(["market", "resolved at height", "trust (mT)", "q(outcome)", "margin (nats)", "Δ (mT)", "balance after (mT)"], items.map { m in
            [MarketLink.to(m.market), Fragments.heightLink(m.block_height),
             "\(Figures.grouped(m.trust_mt))", "\(Figures.probability(m.outcome_ppm))", "\(m.margin_nats)",
             Fragments.delta(m.delta_mt), "\(Figures.grouped(m.balance_after_mt))"]
        }, numeric: [2, 3, 4, 5, 6], empty: "no market resolved with a bet of this account")
        return """
        <section>
        <h2>Market payments</h2>
        \(table)
        </section>
        """
    }

    static let schema = Schema.array(Schema.object([
        "market": Schema.hex64, "block_height": Schema.integer, "outcome_index": Schema.integer, "trust_mt": Schema.integer,
        "outcome_ppm": Schema.ppm, "margin_nats": Schema.nats, "delta_mt": Schema.signedInteger, "balance_after_mt": Schema.integer,
    ]))
}

/// A link to a market's page, showing the start of its id.
enum MarketLink {
    static func to(_ id: String) -> HTML { "<a href=\"/markets/\(id)\"><code>\(String(id.prefix(12)))</code></a>" }
}
