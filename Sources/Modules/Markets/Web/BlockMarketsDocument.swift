import PoTCore
import PoTMarkets
import PoTWeb

/// The markets section of a block's payload, as the block's page and `/api/blocks/{id}` show it.
struct BlockMarketsDocument: Encodable, Sendable {
    struct Declaration: Encodable, Sendable {
        let id: String
        let question: String
        let outcomes: [String]
        let creator: String
        let creator_label: String?
        let close_height: UInt64
        let resolve_by: UInt64
    }

    struct Bet: Encodable, Sendable {
        let id: String
        let market: String
        let bettor: String
        let bettor_label: String?
        let sequence: UInt64
        let probs_ppm: [UInt64]
    }

    struct Resolution: Encodable, Sendable {
        let id: String
        let market: String
        let resolver: String
        let resolver_label: String?
        let outcome_index: UInt64
    }

    let declarations: [Declaration]
    let bets: [Bet]
    let resolutions: [Resolution]

    /// Nil when the payload carries no markets section.
    init?(_ section: MarketSection, chain: Hash256, names: [PublicKey: String]) {
        guard !section.isEmpty else { return nil }
        declarations = section.declarations.map { signed in
            let d = signed.declaration
            return Declaration(id: signed.id(chain: chain).hex, question: d.question, outcomes: d.outcomes, creator: d.creator.hex,
                               creator_label: names[d.creator], close_height: d.closeHeight, resolve_by: d.resolveBy)
        }
        bets = section.bets.map { signed in
            let b = signed.bet
            return Bet(id: signed.id(chain: chain).hex, market: b.market.hex, bettor: b.bettor.hex, bettor_label: names[b.bettor],
                       sequence: b.sequence, probs_ppm: b.probsPpm)
        }
        resolutions = section.resolutions.map { signed in
            let r = signed.resolution
            return Resolution(id: signed.id(chain: chain).hex, market: r.market.hex, resolver: r.resolver.hex,
                              resolver_label: names[r.resolver], outcome_index: r.outcome)
        }
    }

    static let schema = Schema.object([
        "declarations": Schema.array(Schema.object([
            "id": Schema.hex64, "question": Schema.string, "outcomes": Schema.array(Schema.string), "creator": Schema.hex64,
            "creator_label": Schema.string, "close_height": Schema.integer, "resolve_by": Schema.integer,
        ], optional: ["creator_label"])),
        "bets": Schema.array(Schema.object([
            "id": Schema.hex64, "market": Schema.hex64, "bettor": Schema.hex64, "bettor_label": Schema.string,
            "sequence": Schema.integer, "probs_ppm": Schema.array(Schema.ppm),
        ], optional: ["bettor_label"])),
        "resolutions": Schema.array(Schema.object([
            "id": Schema.hex64, "market": Schema.hex64, "resolver": Schema.hex64, "resolver_label": Schema.string,
            "outcome_index": Schema.integer,
        ], optional: ["resolver_label"])),
    ], description: "The markets section of a payload (payload key 4): declarations, bets and resolutions, in payload order.")
}

extension BlockMarketsDocument {
    /// The block page's markets section.
    var html: HTML {
        let declarations = Fragments.table(["market", "question", "outcomes", "creator", "closes", "resolve by"], self.declarations.map { d in
            [MarketLink.to(d.id), "\(d.question)", "\(d.outcomes.joined(separator: ", "))",
             Fragments.accountLink(d.creator, label: d.creator_label), Fragments.heightLink(d.close_height), Fragments.heightLink(d.resolve_by)]
        }, empty: "no declaration")
        let bets = Fragments.table(["market", "bettor", "sequence", "probabilities"], self.bets.map { b in
            [MarketLink.to(b.market), Fragments.accountLink(b.bettor, label: b.bettor_label),
             "\(b.sequence)", "<span class=\"probs\">\(b.probs_ppm.map(Figures.probability).joined(separator: " / "))</span>"]
        }, numeric: [2], empty: "no bet")
        let resolutions = Fragments.table(["market", "resolver", "outcome"], self.resolutions.map { r in
            [MarketLink.to(r.market), Fragments.accountLink(r.resolver, label: r.resolver_label),
             "\(r.outcome_index)"]
        }, empty: "no resolution")
        return """
        <section>
        <h2>Markets</h2>
        <h3>Declarations carried</h3>
        \(declarations)
        <h3>Bets carried</h3>
        \(bets)
        <h3>Resolutions carried</h3>
        \(resolutions)
        </section>
        """
    }
}
