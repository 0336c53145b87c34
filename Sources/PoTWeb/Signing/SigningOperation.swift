import Hummingbird

/// An object a module lets pot-web sign: `POST /api/sign/<kind>` decodes the body, signs with
/// an unlocked key through `SigningDesk.sign(as:_:)` and answers the signed object.
package protocol SigningOperation: Sendable {
    /// The last segment of the route: "bet".
    var kind: String { get }
    /// What is signed, in the plural, for the line saying how to turn signing on: "bets".
    var noun: String { get }
    /// Signs what `request` asks for.
    func sign(_ request: Request, context: WebContext, desk: SigningDesk) async throws -> Response
    /// The route's OpenAPI operation (with `SigningRoutes.refusals` among its responses) and
    /// the schemas it names.
    var openAPI: OpenAPIFragment { get }
}
