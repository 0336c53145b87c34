import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PoTTestSupport
import PoTModuleExplorers
import PoTWeb

/// pot-web's router over a chain, for tests that send requests straight to it.
struct WebFixture {
    static let token = AccessToken(value: String(repeating: "ab", count: 32))

    let chain: WalkthroughChain
    let reader: ChainReader
    let app: Application<RouterResponder<WebContext>>

    init(chain: WalkthroughChain, unlock: [String] = [], modules: ExplorerModules = ModuleExplorers.all) async throws {
        self.chain = chain
        reader = try ChainReader(repository: chain.directory, modules: modules)
        let desk = unlock.isEmpty ? nil : try await SigningDesk(reader: reader, unlock: unlock)
        app = try Self.application(reader: reader, directory: chain.directory, desk: desk, unlock: unlock)
    }

    /// pot-web's router serving `reader`'s model of the repository at `directory`.
    static func application(reader: ChainReader, directory: String, desk: SigningDesk? = nil,
                            unlock: [String] = []) throws -> Application<RouterResponder<WebContext>> {
        let configuration = WebConfiguration(repository: directory, listen: ListenAddress(host: "127.0.0.1", port: 0),
                                             unlock: unlock, token: Self.token)
        let router = try WebServer.router(reader: reader, desk: desk, configuration: configuration)
        return Application(router: router, logger: Logger(label: "pot-web-test"))
    }

    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await app.test(.router, body)
    }
}

extension TestClientProtocol {
    /// The OpenAPI document the server serves.
    func openAPIDocument() async throws -> JSON { try await execute(uri: "/api/openapi.json", method: .get).json() }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    func json() throws -> JSON { try JSON.parse(text) }
}

/// Headers of a well-formed signing request from a program on this machine.
func signingHeaders(token: String? = WebFixture.token.value, extra: HTTPFields = [:]) -> HTTPFields {
    var headers: HTTPFields = [.contentType: "application/json"]
    if let token { headers[.authorization] = "Bearer \(token)" }
    for field in extra { headers[field.name] = field.value }
    return headers
}

/// A path of the OpenAPI document with its placeholders filled in from the walkthrough's chain,
/// `market`, `game`, `task` and the agent `registerAgent` registers, and a query where the route needs one.
func exampleURI(_ path: String, chain: WalkthroughChain, market: String, game: String, task: String) -> String {
    var uri = path.hasPrefix("/api/markets/") ? path.replacingOccurrences(of: "{id}", with: market) : path
    if path.hasPrefix("/api/membership/games/") { uri = path.replacingOccurrences(of: "{id}", with: game) }
    if path.hasPrefix("/api/contracts/") { uri = path.replacingOccurrences(of: "{id}", with: task) }
    uri = uri.replacingOccurrences(of: "{agent}", with: "lab-agent")
    for (placeholder, value) in ["{id}": chain.a, "{height}": "1", "{account}": "alice"] {
        uri = uri.replacingOccurrences(of: placeholder, with: value)
    }
    return path == "/api/search" ? uri + "?q=\(chain.a.prefix(6))" : uri
}
