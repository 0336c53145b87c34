import PoTMarketsHost
import PoTWeb

/// `/api/markets`: every market, declared in the chain or waiting for a block.
struct MarketListDocument: Encodable, Sendable {
    let tip_height: UInt64
    let markets: [MarketReport]

    static let schema = Schema.object([
        "tip_height": Schema.integer,
        "markets": Schema.array(Schema.ref("Market")),
    ])

    /// A market as `MarketReport` encodes it (also what `pot-market show --json` prints).
    static let marketSchema = Schema.object([
        "id": Schema.hex64, "question": Schema.string, "outcomes": Schema.array(Schema.string),
        "creator": Schema.hex64, "creator_label": Schema.string, "resolver": Schema.hex64, "resolver_label": Schema.string,
        "close_height": Schema.integer, "resolve_by": Schema.integer,
        "declared_at": Schema.withDescription(Schema.integer, "Height of the block that declared it; absent while pending."),
        "status": Schema.enumeration(["pending", "open", "closed", "resolved", "voided"]),
        "outcome": Schema.withDescription(Schema.string, "The resolved outcome."),
        "settled_at": Schema.withDescription(Schema.integer, "Height of the block that resolved or voided it."),
        "prices_ppm": Schema.withDescription(Schema.array(Schema.ppm), "p_m per outcome (closing weights once closed, current trust before); absent while no bettor has trust."),
        "bets": Schema.array(Schema.object([
            "id": Schema.hex64, "bettor": Schema.hex64, "label": Schema.string, "sequence": Schema.integer,
            "probs_ppm": Schema.array(Schema.ppm), "trust_mt": Schema.integer,
        ], optional: ["label", "trust_mt"])),
        "scores": Schema.array(Schema.object([
            "bettor": Schema.hex64, "label": Schema.string, "trust_mt": Schema.integer, "outcome_ppm": Schema.ppm,
            "delta_mt": Schema.signedInteger,
        ], optional: ["label"])),
    ], optional: ["creator_label", "resolver_label", "declared_at", "outcome", "settled_at", "prices_ppm"],
       description: "A prediction market: its declaration, the last included bet of each bettor, and once resolved every bettor's score.")
}
