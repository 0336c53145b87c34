import Hummingbird
import PoTCore
import PoTMarketsHost
import PoTWeb

/// `/markets`, `/markets/{id}` and their twins under `/api/markets`.
struct MarketRoutes: RouteGroup {
    var navigation: NavigationItem? { NavigationItem(title: "Markets", path: "/markets") }

    func register(on router: some RouterMethods<WebContext>, site: Site) {
        router.get("/markets") { _, _ in
            let s = site.snapshot
            return site.page("markets", s) {
                site.layout(s).page(title: "Markets", revision: s.revision, active: "/markets",
                                    MarketPage.list(MarketListDocument(tip_height: s.tipHeight, markets: s.part(of: MarketsExplorer.self).markets)))
            }
        }
        router.get("/markets/{id}") { _, context in
            let s = site.snapshot
            let market = try Self.market(context, in: s)
            return site.page("market \(market.id)", s) {
                site.layout(s).page(title: "Market \(market.id.prefix(12))", revision: s.revision, active: "/markets",
                                    MarketPage.market(market, tipHeight: s.tipHeight))
            }
        }
        router.get("/api/markets") { _, _ in
            let s = site.snapshot
            return try site.json("markets", s) { MarketListDocument(tip_height: s.tipHeight, markets: s.part(of: MarketsExplorer.self).markets) }
        }
        router.get("/api/markets/{id}") { _, context in
            let s = site.snapshot
            let market = try Self.market(context, in: s)
            return try site.json("market \(market.id)", s) { market }
        }
    }

    /// A market id, or a unique prefix of at least 4 hex digits.
    static let marketId = APIParameter(
        name: "id", location: .path, description: "A market id, or a unique prefix of at least 4 hexadecimal digits.",
        schema: ["type": "string", "pattern": "^[0-9a-fA-F]{4,64}$"], noun: "market id")

    /// The market the request's path names, or a refusal (404: none, 400: unreadable or ambiguous).
    static func market(_ context: WebContext, in s: ChainSnapshot) throws -> MarketReport {
        try Lookup.unique(marketId, context, kind: "market", among: s.part(of: MarketsExplorer.self).markets, id: { Hash256(hex: $0.id)! })
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(
            paths: [
                "/api/markets": ["get": OpenAPI.operation(
                    id: "listMarkets", summary: "Every market (twin of /markets)",
                    description: "Markets declared in the chain and declarations stored under refs/pot/markets that no block carries yet, by close height.",
                    tag: "markets",
                    responses: ["200": OpenAPI.response("The markets.", schema: "MarketList", links: [
                        .init("firstMarket", to: "getMarket", parameter: "id", from: "/markets/0/id", "The first market listed."),
                    ])])],
                "/api/markets/{id}": ["get": OpenAPI.operation(
                    id: "getMarket", summary: "One market (twin of /markets/{id})",
                    description: "Its declaration, prices, the last included bet of each bettor, and once resolved every bettor's score.",
                    tag: "markets",
                    parameters: [Self.marketId.document],
                    responses: [
                        "200": OpenAPI.response("The market.", schema: "Market"),
                        "400": OpenAPI.errorResponse("Not 4 to 64 hexadecimal digits, or a prefix of several markets."),
                        "404": OpenAPI.errorResponse("No market starts with it."),
                    ])],
            ],
            schemas: ["MarketList": MarketListDocument.schema, "Market": MarketListDocument.marketSchema,
                      "BlockMarkets": BlockMarketsDocument.schema])
    }
}
