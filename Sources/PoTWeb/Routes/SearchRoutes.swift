import Foundation
import Hummingbird

/// `/search?q=` and its twin `/api/search?q=`.
struct SearchRoutes: RouteGroup {
    /// The query, checked against its declared limits, without the spaces and tabs around it.
    static func query(_ request: Request) throws -> String {
        guard let q = try formValue("q", in: request.uri.query) else {
            throw WebError.badRequest("give something to search for: ?q= followed by an id prefix, a label or a height")
        }
        return String(try APIParameters.query.check(q).trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
    }

    /// The first value of `name` in a query string as forms send it: `+` is a space, the rest
    /// percent-encoded UTF-8.
    static func formValue(_ name: String, in query: String?) throws -> String? {
        func decode(_ part: Substring) throws -> String {
            guard let text = part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                throw WebError.badRequest("the query string is not percent-encoded UTF-8")
            }
            return text
        }
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard try decode(parts[0]) == name else { continue }
            return parts.count > 1 ? try decode(parts[1]) : ""
        }
        return nil
    }

    func register(on router: some RouterMethods<WebContext>, site: Site) {
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
                    parameters: [APIParameters.query.document],
                    responses: [
                        "200": OpenAPI.response("What matches (possibly nothing).", schema: "Search"),
                        "400": OpenAPI.errorResponse("No query, one longer than 128 characters, or only spaces and tabs."),
                    ])],
            ],
            schemas: ["Search": SearchDocument.schema])
    }
}
