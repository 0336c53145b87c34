import Foundation
import Hummingbird
import Logging
import NIOCore

/// How to run pot-web.
public struct WebConfiguration: Sendable {
    public var repository: String
    public var listen: ListenAddress
    /// Labels whose keys may sign; empty: read-only.
    public var unlock: [String]
    public var allowRemoteSigning: Bool
    public var token: AccessToken
    /// A directory served under /static/ (the benchmark compares it with the JSON API).
    public var staticDirectory: String?
    /// How often the refs are looked at.
    public var refreshInterval: Duration

    public init(repository: String, listen: ListenAddress, unlock: [String] = [], allowRemoteSigning: Bool = false,
                token: AccessToken = .random(), staticDirectory: String? = nil, refreshInterval: Duration = .milliseconds(500)) {
        self.repository = repository
        self.listen = listen
        self.unlock = unlock
        self.allowRemoteSigning = allowRemoteSigning
        self.token = token
        self.staticDirectory = staticDirectory
        self.refreshInterval = refreshInterval
    }

    /// Refuses what must not run: signing on an address other machines can reach, unless asked for.
    public func validate() throws {
        if !unlock.isEmpty, !listen.isLoopback, !allowRemoteSigning {
            throw ConfigurationError("--unlock signs with local keys, so pot-web listens only on a loopback address (127.0.0.1, ::1, localhost); \(listen.host) is not one. Give --allow-remote-signing to accept requests from other machines anyway.")
        }
        for label in unlock where label.isEmpty {
            throw ConfigurationError("--unlock names an empty label; give labels separated by commas, e.g. --unlock alice,bob")
        }
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Assembles pot-web: the route groups, their OpenAPI document and the middleware.
public enum WebServer {
    /// Every route group, in the order their links appear in the navigation bar: the kernel's,
    /// with the modules' after the accounts.
    static func routeGroups(modules: ExplorerModules, signing desk: SigningDesk?, policy: SigningPolicy?) -> [any RouteGroup] {
        [OverviewRoutes(), BlockRoutes(modules: modules), HeightRoutes(), AccountRoutes(modules: modules)]
            + modules.routeGroups
            + [SearchRoutes(), EventRoutes(), SigningRoutes(desk: desk, policy: policy, operations: modules.signing), AssetRoutes()]
    }

    /// The OpenAPI document of a server with `modules`, as served at /api/openapi.json and kept
    /// in docs/api.md.
    public static func openAPIDocument(modules: ExplorerModules) throws -> ByteBuffer {
        let fragments = routeGroups(modules: modules, signing: nil, policy: nil).map(\.openAPI) + [DocumentRoutes.fragment]
        return try JSONOutput.encode(OpenAPI.document(fragments), pretty: true)
    }

    /// The router of a server reading `reader`, signing with `desk` (nil: read-only).
    public static func router(reader: ChainReader, desk: SigningDesk?, configuration: WebConfiguration) throws -> Router<WebContext> {
        let policy = desk.map { _ in SigningPolicy(token: configuration.token, allowRemote: configuration.allowRemoteSigning) }
        let groups = routeGroups(modules: reader.modules, signing: desk, policy: policy)
        let site = Site(reader: reader, navigation: groups.compactMap(\.navigation))
        let all = groups + [DocumentRoutes(document: try openAPIDocument(modules: reader.modules))]
        let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(site: site))
        router.add(middleware: MethodNotAllowedMiddleware(table: MethodTable(groups: all, site: site)))
        if let directory = configuration.staticDirectory {
            router.add(middleware: FileMiddleware(directory, urlBasePath: "/static", cacheControl: .init([]), searchForIndexHtml: false))
        }
        for group in all {
            group.register(on: router, site: site)
        }
        return router
    }

    /// The application: the router, the watcher that follows the chain, and `onRunning` once
    /// the socket is bound (with the address actually bound, which matters for port 0).
    public static func application(
        reader: ChainReader, desk: SigningDesk?, configuration: WebConfiguration, logger: Logger,
        onRunning: @escaping @Sendable (ListenAddress) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let router = try router(reader: reader, desk: desk, configuration: configuration)
        let watcher = ChainWatcher(reader: reader, interval: configuration.refreshInterval, logger: logger)
        let listen = configuration.listen
        return Application(
            router: router,
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "pot-web"),
            services: [watcher],
            onServerRunning: { channel in
                await onRunning(ListenAddress(host: listen.host, port: channel.localAddress?.port ?? listen.port))
            },
            logger: logger)
    }
}
