import Hummingbird

/// `/api/openapi.json`: the document describing this API.
struct DocumentRoutes: RouteGroup {
    let document: ByteBuffer

    func register(on router: some RouterMethods<WebContext>, site: Site) {
        router.get("/api/openapi.json") { _, _ in JSONOutput.response(document) }
    }

    var openAPI: OpenAPIFragment { Self.fragment }

    static let fragment = OpenAPIFragment(paths: [
            "/api/openapi.json": ["get": OpenAPI.operation(
                id: "openapi", summary: "This document",
                description: "The OpenAPI 3.1 description of the API, as kept in docs/api.md.", tag: "meta",
                responses: ["200": ["description": "The OpenAPI document.", "content": OpenAPI.jsonContent(["type": "object"])]])],
    ])
}
