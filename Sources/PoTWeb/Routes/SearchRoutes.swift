import Foundation
import Hummingbird

/// `/search?q=` and its twin `/api/search?q=`.
struct SearchRoutes: RouteGroup {
    static func query(_ request: Request) throws -> String {
        guard let q = request.uri.queryParameters.get("q")?.trimmingCharacters(in: .whitespaces), !q.isEmpty else {
            throw WebError.badRequest("give something to search for: ?q= followed by an id prefix, a label or a height")
        }
        guard q.count <= SearchDocument.maxQuery else {
            throw WebError.badRequest("a search is at most \(SearchDocument.maxQuery) characters, got \(q.count)")
        }
        return q
    }

    func register(on router: Router<WebContext>, site: Site) {
        router.get("/search") { request, _ in
            let s = site.snapshot
            let document = SearchDocument(query: try Self.query(request), snapshot: s)
            if document.results.count == 1 {
                return Response(status: .seeOther, headers: [.location: document.results[0].href])
            }
            return site.page("search \(document.query)", s) {
                site.layout(s).page(title: "Search", revision: s.revision, SearchPage.render(document))
            }
        }
        router.get("/api/search") { request, _ in
            let s = site.snapshot
            let q = try Self.query(request)
            return try site.json("search \(q)", s) { SearchDocument(query: q, snapshot: s) }
        }
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(
            paths: [
                "/api/search": ["get": OpenAPI.operation(
                    id: "search", summary: "Search (twin of /search)",
                    description: "Heights by number, labels by prefix (ignoring case), and block, vote and transfer ids and public keys by hexadecimal prefix.",
                    tag: "chain",
                    parameters: [OpenAPI.queryParameter("q", "What to look for (1-128 characters).", required: true)],
                    responses: [
                        "200": OpenAPI.response("What matches (possibly nothing).", schema: "Search"),
                        "400": OpenAPI.errorResponse("No query, or one longer than 128 characters."),
                    ])],
            ],
            schemas: ["Search": SearchDocument.schema])
    }
}
