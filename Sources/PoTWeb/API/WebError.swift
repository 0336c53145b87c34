import HTTPTypes
import Hummingbird

/// A refusal with a status and one line saying why. API routes answer it as `{"error": "..."}`,
/// pages as an HTML page (see `ErrorMiddleware`).
public struct WebError: Error, Sendable, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let message: String
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { "\(status.code) \(message)" }

    /// The request cannot be read: bad syntax, a missing or mistyped field.
    public static func badRequest(_ message: String) -> WebError { WebError(.badRequest, message) }
    public static func notFound(_ message: String) -> WebError { WebError(.notFound, message) }
    public static func unauthorized(_ message: String) -> WebError {
        var error = WebError(.unauthorized, message)
        error.headers[.wwwAuthenticate] = "Bearer realm=\"pot-web\""
        return error
    }
    public static func forbidden(_ message: String) -> WebError { WebError(.forbidden, message) }
    /// The object conflicts with one already stored (a second vote, a taken nonce).
    public static func conflict(_ message: String) -> WebError { WebError(.conflict, message) }
    /// The request is well formed but the chain refuses the object it describes.
    public static func refused(_ message: String) -> WebError { WebError(.unprocessableContent, message) }
    public static func unsupportedMediaType(_ message: String) -> WebError { WebError(.unsupportedMediaType, message) }
}

/// The body of every error the API returns.
public struct ErrorDocument: Codable, Sendable, Equatable {
    public let error: String
    public init(error: String) { self.error = error }
}
