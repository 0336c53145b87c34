import Hummingbird

/// `/` and its twin `/api/status`.
struct OverviewRoutes: RouteGroup {
    var navigation: NavigationItem? { NavigationItem(title: "Overview", path: "/") }

    func register(on router: some RouterMethods<WebContext>, site: Site) {
        router.get("/") { _, _ in
            let s = site.snapshot
            return site.page("overview", s) {
                site.layout(s).page(title: "Overview", revision: s.revision, active: "/", OverviewPage.render(StatusDocument(s)))
            }
        }
        router.get("/api/status") { _, _ in
            let s = site.snapshot
            return try site.json("status", s) { StatusDocument(s) }
        }
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(
            paths: [
                "/api/status": ["get": OpenAPI.operation(
                    id: "getStatus", summary: "The chain now (twin of /)",
                    description: "Tip, finalized height, parameters, every account with its share of trust, I_h per height, the latest blocks of main and the pending candidates, votes and transfers.",
                    tag: "chain", responses: ["200": OpenAPI.response("The chain's status.", schema: "Status", links: [
                        .init("tipBlock", to: "getBlock", parameter: "id", from: "/tip/id", "The block at the tip of main."),
                        .init("tipHeight", to: "getHeight", parameter: "height", from: "/tip/height", "The tip's height."),
                        .init("firstAccount", to: "getAccount", parameter: "account", from: "/accounts/0/public_key", "The first account listed."),
                    ])])],
            ],
            schemas: ["Status": StatusDocument.schema])
    }
}
