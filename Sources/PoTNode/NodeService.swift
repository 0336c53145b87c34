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
    let duties: [StoreDuty]
    let onStart: @Sendable (NodeRuntime) -> Void

    /// How often the duties run.
    static let dutyInterval: Duration = .seconds(2)

    /// `onStart` runs once the node listens (to announce its addresses). `duties` run every two
    /// seconds on a store of their own, as a `pot` command would; what they store is relayed
    /// like any local object.
    public init(repo: String, chainId: String?, options: NodeOptions, join: JoinPolicy, logger: Logger, duties: [StoreDuty] = [],
                onStart: @escaping @Sendable (NodeRuntime) -> Void) {
        self.repo = repo
        self.chainId = chainId
        self.options = options
        self.join = join
        self.logger = logger
        self.duties = duties
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
        let chores = duties.isEmpty ? nil : Task.detached { [repo, duties, logger] in await Self.runDuties(duties, repo: repo, logger: logger) }
        try? await gracefulShutdown()
        chores?.cancel()
        await chores?.value
        await runtime.shutdown()
    }

    /// Runs every duty, then waits `dutyInterval`, until cancelled.
    static func runDuties(_ duties: [StoreDuty], repo: String, logger: Logger) async {
        let store: ChainStore
        do { store = try ChainStore.open(at: repo) } catch {
            logger.warning("the node's duties do not run: \(error)")
            return
        }
        while !Task.isCancelled {
            for duty in duties {
                do {
                    for line in try duty.run(store) { logger.notice("\(line)", metadata: ["duty": "\(duty.name)"]) }
                } catch {
                    logger.warning("\(error)", metadata: ["duty": "\(duty.name)"])
                }
            }
            try? await Task.sleep(for: dutyInterval)
        }
    }

    /// Runs the node until a shutdown signal arrives; errors of opening or joining are thrown.
    public func runUntilSignalled() async throws {
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: self, successTerminationBehavior: .gracefullyShutdownGroup, serviceName: "pot-node")],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
