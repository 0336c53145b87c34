import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PoTCore
import PoTLight
import PoTNet
import PoTStore

/// Makes a module's agent for a node's store; nil when the module has nothing to do there.
public typealias AgentFactory = @Sendable (ChainStore) throws -> (any RelayAgent)?

/// Options of a running node.
public struct NodeOptions: Sendable {
    public var listen: PeerAddress
    public var peers: [PeerAddress]
    public var metrics: PeerAddress?
    public var tickMilliseconds: Int64 = 50
    public var protocolConfig = NodeConfig()
    /// The modules' agents (NET-RELAY), made on the node's own store when it starts.
    public var agents: [AgentFactory] = []

    public init(listen: PeerAddress, peers: [PeerAddress] = [], metrics: PeerAddress? = nil) {
        self.listen = listen
        self.peers = peers
        self.metrics = metrics
    }
}

/// A gossip node on TCP: SwiftNIO moves the bytes; the protocol runs on one thread of its own,
/// which is also the only thread that touches the repository, so git writes never stall I/O.
public final class NodeRuntime: @unchecked Sendable {
    public let store: ChainStore
    public let backend: StoreBackend
    let node: GossipNode
    let logger: Logger
    let ioGroup: MultiThreadedEventLoopGroup
    let nodeGroup: MultiThreadedEventLoopGroup
    var nodeLoop: EventLoop { nodeGroup.next() }
    let metrics = NodeMetrics()
    /// The modules' agents; touched on the node loop only.
    let agents: [any RelayAgent]
    private let ids = NIOLockedValueBox<PeerID>(0)
    private let inbox = PeerInbox()
    // Touched on the node loop only.
    var channels: [PeerID: Channel] = [:]
    var serverChannel: Channel?
    var metricsChannel: Channel?
    var tickTask: RepeatedTask?
    /// Set when shutdown begins; from then on the node loop leaves the I/O threads alone.
    var stopping = false
    var lastReportedTip: UInt64 = 0
    /// Where the node accepts connections (the real port when 0 was asked for).
    public private(set) var listenAddress: PeerAddress
    public private(set) var metricsAddress: PeerAddress?

    init(store: ChainStore, options: NodeOptions, logger: Logger) throws {
        self.store = store
        self.logger = logger
        backend = try StoreBackend(store: store)
        node = GossipNode(config: options.protocolConfig, identity: try NodeKey.loadOrCreate(in: store), backend: backend)
        agents = try options.agents.compactMap { try $0(store) }
        for agent in agents { node.addAgent(agent) }
        ioGroup = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        nodeGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        listenAddress = options.listen
    }

    /// Opens the repository's node: binds, dials the given peers and starts the timers.
    public static func start(store: ChainStore, options: NodeOptions, logger: Logger) async throws -> NodeRuntime {
        try NodeMarker.claim(store)
        let runtime: NodeRuntime
        do {
            runtime = try NodeRuntime(store: store, options: options, logger: logger)
            try await runtime.bind(options)
        } catch {
            NodeMarker.release(store)
            throw error
        }
        NodeMarker.write(store, address: runtime.listenAddress.description)
        return runtime
    }

    private func bind(_ options: NodeOptions) async throws {
        let server: Channel
        do {
            server = try await ServerBootstrap(group: ioGroup)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { [self] channel in
                    let id = nextID()
                    nodeLoop.execute { self.attach(channel, id: id, address: nil, outbound: false) }
                    return self.install(on: channel, id: id)
                }
                .bind(host: options.listen.host, port: options.listen.port).get()
        } catch {
            throw NodeError("cannot listen on \(options.listen): \(error)")
        }
        let port = server.localAddress?.port ?? options.listen.port
        listenAddress = PeerAddress(host: options.listen.host, port: port)
        if let metricsAt = options.metrics {
            metricsChannel = try await MetricsServer.bind(metricsAt, group: ioGroup, metrics: metrics)
            metricsAddress = PeerAddress(host: metricsAt.host, port: metricsChannel?.localAddress?.port ?? metricsAt.port)
        }
        let listen = listenAddress.description
        let peers = options.peers.map(\.description)
        let tick = options.tickMilliseconds
        try await nodeLoop.submit { [self] in
            serverChannel = server
            node.setListenAddress(listen)
            node.addStaticPeers(peers)
            backend.onSettle = { [logger] result in
                logger.info("main moved", metadata: ["height": "\(result.state.height)", "finalized": "\(result.state.finalizedHeight)",
                                                      "reorganized": "\(result.reorganized)"])
            }
            tickTask = nodeLoop.scheduleRepeatedTask(initialDelay: .zero, delay: .milliseconds(tick)) { _ in self.tick() }
        }.get()
        logger.info("listening", metadata: ["address": "\(listen)", "chain": "\(store.chainId.hex)",
                                            "height": "\(backend.tipHeight)", "objects": "\(backend.storedObjectCount)"])
    }

    private func nextID() -> PeerID { ids.withLockedValue { $0 += 1; return $0 } }

    private func install(on channel: Channel, id: PeerID) -> EventLoopFuture<Void> {
        let handler = PeerChannelHandler(
            onBytes: { [self] bytes in
                if inbox.add(bytes, from: id) { nodeLoop.execute { self.received(self.inbox.take(id), from: id) } }
            },
            onClose: { [self] in nodeLoop.execute { self.detach(id) } })
        return channel.pipeline.addHandler(handler)
    }

    static var now: UInt64 { NIODeadline.now().uptimeNanoseconds / 1_000_000 }

    // MARK: On the node loop

    func attach(_ channel: Channel, id: PeerID, address: String?, outbound: Bool) {
        // Stopping: the I/O group closes this channel when it shuts down.
        guard !stopping else { return }
        // An accepted channel becomes active only after its initializer; a dialed one already is.
        guard !outbound || channel.isActive else {
            if let address { node.dialFailed(address) }
            return
        }
        channels[id] = channel
        let remote = address ?? channel.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" }
        logger.debug("connected", metadata: ["peer": "\(id)", "address": "\(remote ?? "?")", "outbound": "\(outbound)"])
        perform(node.peerConnected(id, address: address ?? remote, outbound: outbound, now: Self.now))
    }

    func detach(_ id: PeerID) {
        guard channels.removeValue(forKey: id) != nil else { return }
        node.peerDisconnected(id, now: Self.now)
    }

    func received(_ bytes: [UInt8], from id: PeerID) {
        guard channels[id] != nil else { return }
        perform(node.received(bytes, from: id, now: Self.now))
    }

    func tick() {
        let now = Self.now
        let fresh = backend.absorbJournal()
        if !fresh.isEmpty { logger.debug("local objects", metadata: ["count": "\(fresh.count)"]) }
        perform(node.announceStored(fresh, now: now))
        perform(node.tick(now: now))
        for agent in agents { run(agent.tick(now: now), of: agent, now: now) }
        if let problem = backend.lastProblem {
            logger.warning("\(problem)")
            backend.lastProblem = nil
        }
        metrics.update(stats: node.stats, peerCount: node.readyPeerCount, tipHeight: backend.tipHeight,
                       finalizedHeight: backend.finalizedHeight)
    }

    /// Floods an agent's relays, validates and announces its objects, and logs its lines.
    func run(_ output: AgentOutput, of agent: any RelayAgent, now: UInt64) {
        for line in output.lines { logger.notice("\(line)") }
        for body in output.relays { perform(node.broadcastRelay(topic: agent.topic, body: body, now: now)) }
        for object in output.objects {
            let (result, actions) = node.submit(object, now: now)
            perform(actions)
            if result != .stored { logger.warning("an object of a module's agent was not stored", metadata: ["result": "\(result)"]) }
        }
    }

    func perform(_ actions: [NodeAction]) {
        for action in actions {
            switch action {
            case let .send(id, bytes):
                channels[id]?.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil)
            case let .close(id, reason):
                if reason.isMisbehavior || reason.kind == .banned {
                    logger.notice("disconnecting peer", metadata: ["peer": "\(id)", "reason": "\(reason)"])
                } else {
                    logger.debug("disconnecting peer", metadata: ["peer": "\(id)", "reason": "\(reason)"])
                }
                channels.removeValue(forKey: id)?.close(promise: nil)
            case let .connect(address):
                dial(address)
            }
        }
    }

    func dial(_ address: String) {
        guard !stopping else { return }
        guard let target = try? PeerAddress(parsing: address) else {
            node.dialFailed(address)
            return
        }
        let id = nextID()
        ClientBootstrap(group: ioGroup)
            .connectTimeout(.seconds(3))
            .channelInitializer { [self] channel in install(on: channel, id: id) }
            .connect(host: target.host, port: target.port)
            .whenComplete { [self] result in
                nodeLoop.execute {
                    switch result {
                    case .success(let channel): self.attach(channel, id: id, address: address, outbound: true)
                    case .failure: self.node.dialFailed(address)
                    }
                }
            }
    }

    // MARK: Inspection and shutdown

    /// A snapshot taken on the node loop.
    public func status() async throws -> (peers: [PeerSummary], tip: UInt64, finalized: UInt64, stats: NodeStats) {
        try await nodeLoop.submit { [self] in (node.peerSummaries, backend.tipHeight, backend.finalizedHeight, node.stats) }.get()
    }

    /// Validates, stores and announces an object made by this process.
    public func submit(_ object: WireObject) async throws -> Acceptance {
        try await nodeLoop.submit { [self] in
            let (result, actions) = node.submit(object, now: Self.now)
            perform(actions)
            return result
        }.get()
    }

    /// Runs `body` on the node's thread (for hooks on the backend).
    public func onNodeThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async throws -> T {
        try await nodeLoop.submit(body).get()
    }

    /// Shuts down in order: the node loop stops touching connections and says goodbye to every
    /// peer; once those connections and the listeners are closed, the I/O threads stop, then the
    /// node's thread; last the repository is released.
    public func shutdown() async {
        let closing = try? await nodeLoop.submit { [self] () -> [EventLoopFuture<Void>] in
            stopping = true
            tickTask?.cancel()
            var closing: [EventLoopFuture<Void>] = []
            for (id, channel) in channels {
                channel.writeAndFlush(ByteBuffer(bytes: PeerSession.frame(.goodbye(reason: "shutdown: node stopping"))), promise: nil)
                channel.close(promise: nil)
                closing.append(channel.closeFuture)
                node.peerDisconnected(id, now: Self.now)
            }
            channels = [:]
            for listener in [serverChannel, metricsChannel].compactMap({ $0 }) {
                listener.close(promise: nil)
                closing.append(listener.closeFuture)
            }
            backend.settle()
            return closing
        }.get()
        try? await EventLoopFuture.andAllComplete(closing ?? [], on: nodeLoop).get()
        try? await ioGroup.shutdownGracefully()
        // Callbacks of the I/O threads may still have queued work here; it finds `stopping` set.
        try? await nodeLoop.submit {}.get()
        try? await nodeGroup.shutdownGracefully()
        NodeMarker.release(store)
        logger.info("stopped")
    }
}
