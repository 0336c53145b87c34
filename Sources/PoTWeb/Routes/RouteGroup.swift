import Hummingbird

/// A set of routes with its share of the OpenAPI document and, optionally, a link in the
/// navigation bar. The server is the list of its route groups (see `WebServer.routeGroups`).
package protocol RouteGroup: Sendable {
    var navigation: NavigationItem? { get }
    var openAPI: OpenAPIFragment { get }
    func register(on router: some RouterMethods<WebContext>, site: Site)
}

extension RouteGroup {
    package var navigation: NavigationItem? { nil }
}

/// What every handler needs: the chain's read model and the shared page frame.
package struct Site: Sendable {
    let reader: ChainReader
    let navigation: [NavigationItem]

    package var snapshot: ChainSnapshot { reader.snapshot }

    package func layout(_ snapshot: ChainSnapshot) -> Layout { Layout(navigation: navigation, chainId: snapshot.chainId.hex) }

    /// A page response, made once per snapshot and key.
    package func page(_ key: String, _ snapshot: ChainSnapshot, render: () throws -> HTML) rethrows -> Response {
        let body = try snapshot.responses.value("page " + key) { ByteBuffer(string: try render().text) }
        return HTMLOutput.response(body)
    }

    /// A JSON response, made once per snapshot and key.
    package func json<T: Encodable>(_ key: String, _ snapshot: ChainSnapshot, make: () throws -> T) throws -> Response {
        JSONOutput.response(try snapshot.responses.value("json " + key) { try JSONOutput.encode(try make()) })
    }
}

enum HTMLOutput {
    static func response(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: body))
    }
}
