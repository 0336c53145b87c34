import HTTPTypes
import Hummingbird
import Logging

/// Turns every refusal into a response: `{"error": "..."}` under /api/, an HTML page elsewhere.
/// Errors that are not refusals become a 500 whose detail goes to the log, not to the client.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let site: Site

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return respond(request, status: error.status, message: error.message, headers: error.headers)
        } catch let error as HTTPError {
            let message = error.status == .notFound
                ? "nothing at \(request.uri.path)"
                : (error.body ?? error.status.reasonPhrase)
            return respond(request, status: error.status, message: message, headers: error.headers)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return respond(request, status: .internalServerError, message: "internal error; the server log has the details", headers: [:])
        }
    }

    private func respond(_ request: Request, status: HTTPResponse.Status, message: String, headers: HTTPFields) -> Response {
        var response: Response
        if request.uri.path.hasPrefix("/api/") || request.uri.path == "/api" {
            let body = (try? JSONOutput.encode(ErrorDocument(error: message))) ?? ByteBuffer(string: "{\"error\":\"internal error\"}")
            response = JSONOutput.response(body, status: status)
        } else {
            let s = site.snapshot
            let page = site.layout(s).page(title: "\(status.code) \(status.reasonPhrase)", revision: s.revision,
                                           ErrorPage.render(status: status.code, reason: status.reasonPhrase, message: message))
            response = HTMLOutput.response(ByteBuffer(string: page.text), status: status)
        }
        for field in headers where field.name != .contentType && field.name != .contentLength { response.headers.append(field) }
        return response
    }
}

/// Headers every response carries: no framing, no sniffing, no referrer, and a content
/// security policy that allows only this server's own style sheet and script.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let policy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-cache" }
        return response
    }
}
