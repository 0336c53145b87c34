import Hummingbird

/// `/heights/{height}` and its twin `/api/heights/{height}`.
struct HeightRoutes: RouteGroup {
    func register(on router: some RouterMethods<WebContext>, site: Site) {
        router.get("/heights/{height}") { _, context in
            let s = site.snapshot
            let view = try Lookup.height(context, in: s)
            return site.page("height \(view.height)", s) {
                site.layout(s).page(title: "Height \(view.height)", revision: s.revision, HeightPage.render(HeightDocument(view, snapshot: s)))
            }
        }
        router.get("/api/heights/{height}") { _, context in
            let s = site.snapshot
            let view = try Lookup.height(context, in: s)
            return try site.json("height \(view.height)", s) { HeightDocument(view, snapshot: s) }
        }
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(
            paths: [
                "/api/heights/{height}": ["get": OpenAPI.operation(
                    id: "getHeight", summary: "One height (twin of /heights/{height})",
                    description: "The blocks stored at a height, fork choice among those that extend main, I_h and, once final, the scores.",
                    tag: "chain",
                    parameters: [APIParameters.height.document],
                    responses: [
                        "200": OpenAPI.response("The height.", schema: "Height"),
                        "400": OpenAPI.errorResponse("Not a whole number from 1 to 9223372036854775807."),
                        "404": OpenAPI.errorResponse("No block is stored at this height."),
                    ])],
            ],
            schemas: ["Height": HeightDocument.schema])
    }
}
