import Hummingbird
import PoTCore
import PoTMembershipHost
import PoTWeb

/// `/membership`, `/membership/games/{id}` and their twins under `/api/membership`.
struct MembershipRoutes: RouteGroup {
    var navigation: NavigationItem? { NavigationItem(title: "Membership", path: "/membership") }

    func register(on router: some RouterMethods<WebContext>, site: Site) {
        router.get("/membership") { _, _ in
            let s = site.snapshot
            return site.page("membership", s) {
                site.layout(s).page(title: "Membership", revision: s.revision, active: "/membership", MembershipPage.render(Self.document(s), names: s.names))
            }
        }
        router.get("/membership/games/{id}") { _, context in
            let s = site.snapshot
            let game = try Self.game(context, in: s)
            return site.page("game \(game.id)", s) {
                site.layout(s).page(title: "Game \(game.id.prefix(12))", revision: s.revision, active: "/membership", MembershipPage.game(game))
            }
        }
        router.get("/api/membership") { _, _ in
            let s = site.snapshot
            return try site.json("membership", s) { Self.document(s) }
        }
        router.get("/api/membership/games/{id}") { _, context in
            let s = site.snapshot
            let game = try Self.game(context, in: s)
            return try site.json("game \(game.id)", s) { game }
        }
    }

    static func document(_ s: ChainSnapshot) -> MembershipDocument {
        let part = s.part(of: MembershipExplorer.self)
        return MembershipDocument(tip_height: s.tipHeight, games: part.games, members: part.members)
    }

    /// A game id, or a unique prefix of at least 4 hex digits.
    static let gameId = APIParameter(
        name: "id", location: .path, description: "A game id, or a unique prefix of at least 4 hexadecimal digits.",
        schema: ["type": "string", "pattern": "^[0-9a-fA-F]{4,64}$"], noun: "game id")

    /// The game the request's path names, or a refusal (404: none, 400: unreadable or ambiguous).
    static func game(_ context: WebContext, in s: ChainSnapshot) throws -> GameReport {
        try Lookup.unique(gameId, context, kind: "game", among: s.part(of: MembershipExplorer.self).games, id: { Hash256(hex: $0.id)! })
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(
            paths: [
                "/api/membership": ["get": OpenAPI.operation(
                    id: "getMembership", summary: "Admission games and members (twin of /membership)",
                    description: "Every game of the membership module (newest first) with its phase and outcome, and every member with its sponsors and its privilege to sponsor.",
                    tag: "membership",
                    responses: ["200": OpenAPI.response("Games and members.", schema: "Membership", links: [
                        .init("firstGame", to: "getGame", parameter: "id", from: "/games/0/id", "The first admission game listed."),
                    ])])],
                "/api/membership/games/{id}": ["get": OpenAPI.operation(
                    id: "getGame", summary: "One admission game (twin of /membership/games/{id})",
                    description: "Its players, newcomer, deadlines, the reveals on chain and, once ended, its outcome.",
                    tag: "membership",
                    parameters: [Self.gameId.document],
                    responses: [
                        "200": OpenAPI.response("The game.", schema: "SponsorGame"),
                        "400": OpenAPI.errorResponse("Not 4 to 64 hexadecimal digits, or a prefix of several games."),
                        "404": OpenAPI.errorResponse("No game starts with it."),
                    ])],
            ],
            schemas: ["Membership": MembershipDocument.schema, "SponsorGame": MembershipDocument.gameSchema,
                      "Member": MembershipDocument.memberSchema, "BlockMembership": BlockMembershipDocument.schema])
    }
}
