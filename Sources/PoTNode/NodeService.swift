import Logging
import PoTLight
import PoTStore
import ServiceLifecycle

/// The node as a service: opens (or joins) the chain, runs until SIGINT or SIGTERM, then shuts
/// down in order. A signal while joining stops the join and leaves the repository as it was.
public struct NodeService: Service {
    let repo: String
    let chainId: String?
    let options: NodeOptions
    let join: JoinPolicy
    let logger: Logger
    let onStart: @Sendable (NodeRuntime) -> Void

    /// `onStart` runs once the node listens (to announce its addresses).
    public init(repo: String, chainId: String?, options: NodeOptions, join: JoinPolicy, logger: Logger,
                onStart: @escaping @Sendable (NodeRuntime) -> Void) {
        self.repo = repo
        self.chainId = chainId
        self.options = options
        self.join = join
        self.logger = logger
        self.onStart = onStart
    }

    public func run() async throws {
        let store: ChainStore
        do {
            store = try await cancelWhenGracefulShutdown { [repo, chainId, options, join, logger] in
                try await JoinChain.openOrJoin(repo: repo, chainId: chainId, peers: options.peers, policy: join, logger: logger)
            }
        } catch is CancellationError {
            logger.info("stopped before the chain was joined")
            return
        }
        let runtime = try await NodeRuntime.start(store: store, options: options, logger: logger)
        onStart(runtime)
        try? await gracefulShutdown()
        await runtime.shutdown()
    }

    /// Runs the node until a shutdown signal arrives; errors of opening or joining are thrown.
    public func runUntilSignalled() async throws {
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: self, successTerminationBehavior: .gracefullyShutdownGroup, serviceName: "pot-node")],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
