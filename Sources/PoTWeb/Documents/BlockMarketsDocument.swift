import PoTCore
import PoTMarkets

/// The markets section of a block's payload, as the block's page and `/api/blocks/{id}` show it.
public struct BlockMarketsDocument: Codable, Sendable, Equatable {
    public struct Declaration: Codable, Sendable, Equatable {
        public let id: String
        public let question: String
        public let outcomes: [String]
        public let creator: String
        public let creator_label: String?
        public let close_height: UInt64
        public let resolve_by: UInt64
    }

    public struct Bet: Codable, Sendable, Equatable {
        public let id: String
        public let market: String
        public let bettor: String
        public let bettor_label: String?
        public let sequence: UInt64
        public let probs_ppm: [UInt64]
    }

    public struct Resolution: Codable, Sendable, Equatable {
        public let id: String
        public let market: String
        public let resolver: String
        public let resolver_label: String?
        public let outcome_index: UInt64
    }

    public let declarations: [Declaration]
    public let bets: [Bet]
    public let resolutions: [Resolution]

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

extension BlockPage {
    /// The block's markets section, or nothing when its payload carries none.
    static func markets(_ m: BlockMarketsDocument?) -> HTML {
        guard let m else { return .empty }
        let declarations = Fragments.table(["market", "question", "outcomes", "creator", "closes", "resolve by"], m.declarations.map { d in
            ["<a href=\"/markets/\(d.id)\"><code>\(String(d.id.prefix(12)))</code></a>", "\(d.question)", "\(d.outcomes.joined(separator: ", "))",
             Fragments.accountLink(d.creator, label: d.creator_label), Fragments.heightLink(d.close_height), Fragments.heightLink(d.resolve_by)]
        }, empty: "no declaration")
        let bets = Fragments.table(["market", "bettor", "sequence", "probabilities"], m.bets.map { b in
            ["<a href=\"/markets/\(b.market)\"><code>\(String(b.market.prefix(12)))</code></a>", Fragments.accountLink(b.bettor, label: b.bettor_label),
             "\(b.sequence)", "<span class=\"probs\">\(b.probs_ppm.map(Figures.probability).joined(separator: " / "))</span>"]
        }, numeric: [2], empty: "no bet")
        let resolutions = Fragments.table(["market", "resolver", "outcome"], m.resolutions.map { r in
            ["<a href=\"/markets/\(r.market)\"><code>\(String(r.market.prefix(12)))</code></a>", Fragments.accountLink(r.resolver, label: r.resolver_label),
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
