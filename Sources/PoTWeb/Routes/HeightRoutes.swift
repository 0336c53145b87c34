import Hummingbird

/// `/heights/{height}` and its twin `/api/heights/{height}`.
struct HeightRoutes: RouteGroup {
    func register(on router: Router<WebContext>, site: Site) {
        router.get("/heights/{height}") { _, context in
            let s = site.snapshot
            let view = try Lookup.height(try context.parameters.require("height"), in: s)
            return site.page("height \(view.height)", s) {
                site.layout(s).page(title: "Height \(view.height)", revision: s.revision, HeightPage.render(HeightDocument(view, snapshot: s)))
            }
        }
        router.get("/api/heights/{height}") { _, context in
            let s = site.snapshot
            let view = try Lookup.height(try context.parameters.require("height"), in: s)
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
                    parameters: [OpenAPI.pathParameter("height", "A height of at least 1.", schema: ["type": "integer", "minimum": 1])],
                    responses: [
                        "200": OpenAPI.response("The height.", schema: "Height"),
                        "400": OpenAPI.errorResponse("Not a whole number."),
                        "404": OpenAPI.errorResponse("Height 0, or no block stored at this height."),
                    ])],
            ],
            schemas: ["Height": HeightDocument.schema])
    }
}
