import Foundation
import Hummingbird

/// The body of POST /api/sign/bet.
public struct BetRequest: Decodable, Sendable {
    /// The label of an unlocked key.
    public let `as`: String
    /// A market id or a unique prefix.
    public let market: String
    /// One probability per outcome, in ppm; they sum to 1 000 000.
    public let probs_ppm: [UInt64]

    enum CodingKeys: String, CodingKey, CaseIterable { case `as`, market, probs_ppm }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        `as` = try c.decodeText(.as, Schema.labelOrKey)
        market = try c.decodeText(.market, Schema.hexPrefix)
        probs_ppm = try c.decode([UInt64].self, forKey: .probs_ppm)
    }

    static let schema = Schema.object([
        "as": Schema.withDescription(Schema.labelOrKey, "The label of a key this server unlocked: the bettor."),
        "market": Schema.withDescription(Schema.hexPrefix, "A market id or a unique prefix."),
        "probs_ppm": Schema.withDescription(Schema.array(Schema.ppm), "One probability per outcome, in the declared order, in ppm; they sum to 1000000."),
    ], description: "A bet to sign with an unlocked key.")
}

/// What POST /api/sign/bet answers.
public struct SignedBetDocument: Codable, Sendable, Equatable {
    public let id: String
    public let market: String
    public let bettor: String
    public let bettor_label: String
    public let sequence: UInt64
    public let probs_ppm: [UInt64]

    static let schema = Schema.object([
        "id": Schema.hex64, "market": Schema.hex64, "bettor": Schema.hex64, "bettor_label": Schema.string,
        "sequence": Schema.integer, "probs_ppm": Schema.array(Schema.ppm),
    ], description: "The signed bet, stored under refs/pot/market-votes until a block carries it; it replaces the bettor's earlier bets on the market.")
}
