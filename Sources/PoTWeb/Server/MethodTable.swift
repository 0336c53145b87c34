import HTTPTypes
import Hummingbird
import Synchronization

/// Which methods each route of the server answers, learnt by registering every route group on
/// a recorder. A request for a known path with another method answers 405 with an `Allow`
/// header naming them (see `MethodNotAllowedMiddleware`); HEAD goes with GET.
struct MethodTable: Sendable {
    private let responder: RouterResponder<WebContext>

    init(groups: [any RouteGroup], site: Site) {
        let recorder = RouteRecorder()
        for group in groups { group.register(on: recorder, site: site) }
        let router = Router(context: WebContext.self)
        for (path, methods) in recorder.routes {
            // HEAD is answered wherever GET is (the router makes those routes itself).
            let allow = (methods.contains(.get) ? methods.union([.head]) : methods).map(\.rawValue).sorted().joined(separator: ", ")
            router.get(RouterPath(path)) { _, _ in Response(status: .methodNotAllowed, headers: [.allow: allow]) }
        }
        responder = router.buildResponder()
    }

    /// The value of the `Allow` header for `request`'s path, or nil when no route has this path.
    func allowed(_ request: Request, context: WebContext) async -> String? {
        var head = request.head
        head.method = .get
        let probe = Request(head: head, body: request.body)
        guard let response = try? await responder.respond(to: probe, context: context),
              response.status == .methodNotAllowed else { return nil }
        return response.headers[.allow]
    }
}

/// Collects the path and method of every route registered on it, and nothing else.
private final class RouteRecorder: RouterMethods, Sendable {
    typealias Context = WebContext
    private let table = Mutex<[String: Set<HTTPRequest.Method>]>([:])

    var routes: [String: Set<HTTPRequest.Method>] { table.withLock { $0 } }

    @discardableResult
    func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
        where Responder.Context == WebContext {
        table.withLock { _ = $0[path.description, default: []].insert(method) }
        return self
    }

    @discardableResult
    func add(middleware: any MiddlewareProtocol<Request, Response, WebContext>) -> Self { self }
}

/// Turns "no route" into 405 with `Allow` when the path has routes for other methods.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let table: MethodTable

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let allow = await table.allowed(request, context: context) else { throw error }
            var refusal = WebError(.methodNotAllowed, "\(request.method.rawValue) is not answered at \(request.uri.path); use \(allow)")
            refusal.headers[.allow] = allow
            throw refusal
        }
    }
}
