import Foundation
import HTTPTypes
import Hummingbird

/// Who may use the signing endpoints: requests from this machine's browser tabs of this very
/// site, or from programs, that carry the token; nothing cross-site.
struct SigningPolicy: Sendable {
    let token: AccessToken
    /// Accept a Host header that is not a loopback name (only with --allow-remote-signing).
    let allowRemote: Bool

    /// Why the request must be refused, or nil.
    func refusal(_ request: Request) -> WebError? {
        let headers = request.headers
        let authority = request.head.authority ?? ""
        if !allowRemote, !ListenAddress.isLoopbackAuthority(authority) {
            return .forbidden("signing answers only requests addressed to this machine (Host was '\(authority)')")
        }
        if let site = headers[.secFetchSite], site != "same-origin", site != "none" {
            return .forbidden("cross-site request refused (Sec-Fetch-Site: \(site)); sign from this server's own pages or from a program")
        }
        if let origin = headers[.origin] {
            guard origin == "http://\(authority)" else {
                return .forbidden("cross-site request refused (Origin \(origin) is not http://\(authority))")
            }
        }
        let mediaType = headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/json" else {
            return .unsupportedMediaType("signing requests are JSON: send Content-Type: application/json")
        }
        guard token.admits(authorization: headers[.authorization]) else {
            return headers[.authorization] == nil
                ? .unauthorized("signing needs the token pot-web printed at start: send Authorization: Bearer <token>")
                : .unauthorized("the bearer token is wrong")
        }
        return nil
    }
}

/// Applies `SigningPolicy` to every route under /api/sign.
struct SigningGuard: RouterMiddleware {
    typealias Context = WebContext
    let policy: SigningPolicy

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if let refusal = policy.refusal(request) { throw refusal }
        return try await next(request, context)
    }
}
