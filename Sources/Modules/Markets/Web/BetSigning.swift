import Foundation
import Hummingbird
import PoTCore
import PoTMarketsHost
import PoTWeb

/// POST /api/sign/bet: a bet signed with an unlocked key and stored, with the checks
/// `pot markets bet` makes (the same store function, so the same refusals).
struct BetSigning: SigningOperation {
    var kind: String { "bet" }
    var noun: String { "bets" }

    func sign(_ request: Request, context: WebContext, desk: SigningDesk) async throws -> Response {
        let body = try await PoTWeb.RequestBody.decode(BetRequest.self, from: request, context: context)
        let label = body.as, market = body.market, probs = body.probs_ppm
        let document = try await desk.sign(as: label) { store, key in
            let (signed, listing) = try store.placeBet(as: key, label: label, market: market, probsPpm: probs)
            return SignedBetDocument(id: signed.id(chain: store.chainId).hex, market: listing.id.hex, bettor: key.publicKey.hex,
                                     bettor_label: label, sequence: signed.bet.sequence, probs_ppm: probs)
        }
        return try JSONOutput.response(document, status: .created)
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(
            paths: [
                "/api/sign/bet": ["post": OpenAPI.operation(
                    id: "signBet", summary: "Sign and store a bet with an unlocked key",
                    description: "Checked as pot-market bet checks it: the bettor is a member, the market is known (404 otherwise) and still takes bets (the next block is at most at its close height), and there is one probability per outcome, summing to 1. The sequence is one above the bettor's highest on this market.",
                    tag: "signing",
                    requestBody: ["required": true, "content": OpenAPI.jsonContent(Schema.ref("BetRequest"))],
                    responses: SigningResponses.refusals([
                        "201": OpenAPI.response("Signed and stored.", schema: "SignedBet"),
                        "404": OpenAPI.errorResponse("Signing is off (pot-web runs without --unlock) and the request carries a bearer token, or no market starts with the given id."),
                    ]),
                    security: true)],
            ],
            schemas: ["BetRequest": BetRequest.schema, "SignedBet": SignedBetDocument.schema])
    }
}

/// The body of POST /api/sign/bet.
struct BetRequest: Decodable, Sendable {
    /// The label of an unlocked key.
    let `as`: String
    /// A market id or a unique prefix.
    let market: String
    /// One probability per outcome, in ppm; they sum to 1 000 000.
    let probs_ppm: [UInt64]

    enum CodingKeys: String, CodingKey, CaseIterable { case `as`, market, probs_ppm }

    init(from decoder: any Decoder) throws {
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
struct SignedBetDocument: Encodable, Sendable {
    let id: String
    let market: String
    let bettor: String
    let bettor_label: String
    let sequence: UInt64
    let probs_ppm: [UInt64]

    static let schema = Schema.object([
        "id": Schema.hex64, "market": Schema.hex64, "bettor": Schema.hex64, "bettor_label": Schema.string,
        "sequence": Schema.integer, "probs_ppm": Schema.array(Schema.ppm),
    ], description: "The signed bet, stored under refs/pot/market-votes until a block carries it; it replaces the bettor's earlier bets on the market.")
}
