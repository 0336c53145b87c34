import Logging
import ServiceLifecycle

/// The node as a service: runs until SIGINT or SIGTERM, then shuts down cleanly.
public struct NodeService: Service {
    let runtime: NodeRuntime

    public init(runtime: NodeRuntime) { self.runtime = runtime }

    public func run() async throws {
        try? await gracefulShutdown()
        await runtime.shutdown()
    }

    /// Runs `runtime` until a shutdown signal arrives.
    public static func runUntilSignalled(_ runtime: NodeRuntime, logger: Logger) async throws {
        let group = ServiceGroup(services: [NodeService(runtime: runtime)],
                                 gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}
