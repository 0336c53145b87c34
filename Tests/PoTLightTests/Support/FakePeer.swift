import NIOCore
import NIOPosix
import PoTCore
import PoTLight
import PoTModules
import PoTNet
import Synchronization

/// What a fake full node serves, and how it misbehaves.
struct FakePeerScript: Sendable {
    var chain: TestChain
    /// Genesis parameters served instead of the chain's.
    var genesis: [UInt8]?
    /// Full blocks served with another payload than the header's.
    var servedPayloads: [UInt64: Payload] = [:]
    /// Heights whose full block the node claims not to have.
    var missingBlocks: Set<UInt64> = []
    /// After answering this many header requests, the node drops the connection.
    var dropAfterHeaderReplies: Int?
    /// The node never answers header requests.
    var ignoresHeaderRequests = false
    /// The node accepts connections but never says hello.
    var mute = false
}

/// A full node on 127.0.0.1 that speaks the protocol through `PeerSession` and serves a
/// `TestChain`. It records what it was asked.
final class FakePeer: Sendable {
    struct Record: Sendable {
        var headerRequests: [UInt64] = []
        var headersServed = 0
        var pongs: [UInt64] = []
        var syncPages = 0
        var addressReplies = 0
        var goodbyes: [String] = []
    }

    let address: PeerAddress
    let identity: SigningKey
    private let channel: any Channel
    private let recorder: Recorder

    final class Recorder: Sendable {
        let state = Mutex(Record())
    }

    var record: Record { recorder.state.withLock { $0 } }

    static func start(_ script: FakePeerScript) async throws -> FakePeer {
        let recorder = Recorder()
        let identity = SigningKey.generate()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        FakePeerHandler(script: script, identity: identity, recorder: recorder))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return FakePeer(address: PeerAddress(host: "127.0.0.1", port: channel.localAddress!.port!),
                        identity: identity, channel: channel, recorder: recorder)
    }

    private init(address: PeerAddress, identity: SigningKey, channel: any Channel, recorder: Recorder) {
        self.address = address
        self.identity = identity
        self.channel = channel
        self.recorder = recorder
    }

    /// Stops listening; open connections stay up until their client closes them.
    func stop() async {
        try? await channel.close()
    }
}

private final class FakePeerHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let script: FakePeerScript
    private let recorder: FakePeer.Recorder
    private var session: PeerSession
    private var headerReplies = 0
    private let ids: [Hash256: UInt64]

    init(script: FakePeerScript, identity: SigningKey, recorder: FakePeer.Recorder) {
        self.script = script
        self.recorder = recorder
        let nonce = (0..<32).map { _ in UInt8.random(in: 0...255) }
        session = PeerSession(identity: identity, chainId: script.chain.chainId, modules: .standard, nonce: nonce,
                              listenAddress: nil, tipHeight: script.chain.height)
        var ids: [Hash256: UInt64] = [:]
        for height in stride(from: 1, through: script.chain.height, by: 1) { ids[script.chain.id(at: height)] = height }
        self.ids = ids
    }

    func channelActive(context: ChannelHandlerContext) {
        if !script.mute { send(context, bytes: session.start()) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if script.mute { return }
        var buffer = unwrapInboundIn(data)
        for event in session.receive(buffer.readBytes(length: buffer.readableBytes) ?? []) {
            switch event {
            case .send(let bytes):
                send(context, bytes: bytes)
            case .established:
                for message: Message in [.getSync(from: 1), .ping(42), .getAddresses, .inventory([]), .pong(5)] {
                    send(context, message)
                }
            case .message(let message):
                answer(message, context: context)
            case .close(let reason):
                if reason.kind == .goodbye {
                    recorder.state.withLock { $0.goodbyes.append(reason.detail) }
                } else {
                    send(context, .goodbye(reason: reason.description))
                }
                context.close(promise: nil)
                return
            }
        }
    }

    private func answer(_ message: Message, context: ChannelHandlerContext) {
        let chain = script.chain
        switch message {
        case .getGenesis:
            send(context, .genesis(params: script.genesis ?? chain.genesis))
        case let .getHeaders(from, count):
            recorder.state.withLock { $0.headerRequests.append(from) }
            if script.ignoresHeaderRequests { return }
            if let limit = script.dropAfterHeaderReplies, headerReplies >= limit {
                context.close(promise: nil)
                return
            }
            headerReplies += 1
            let heights = from == 0 || from > chain.height ? [] : Array(from...min(chain.height, from + min(count, Message.maxHeaders) - 1))
            recorder.state.withLock { $0.headersServed += heights.count }
            send(context, .headers(from: from, heights.map(chain.header(at:))))
        case .getData(let items):
            var missing: [InventoryItem] = []
            for item in items {
                if item.kind == .block, let height = ids[item.id], !script.missingBlocks.contains(height) {
                    let bundle = BlockBundle(header: chain.header(at: height),
                                             payload: script.servedPayloads[height] ?? chain.payload(at: height))
                    send(context, .object(.block(bundle)))
                } else {
                    missing.append(item)
                }
            }
            if !missing.isEmpty { send(context, .notFound(missing)) }
        case .pong(let n):
            recorder.state.withLock { $0.pongs.append(n) }
        case .syncPage:
            recorder.state.withLock { $0.syncPages += 1 }
        case .addresses:
            recorder.state.withLock { $0.addressReplies += 1 }
        default:
            break
        }
    }

    private func send(_ context: ChannelHandlerContext, _ message: Message) {
        send(context, bytes: PeerSession.frame(message))
    }

    private func send(_ context: ChannelHandlerContext, bytes: [UInt8]) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
    }
}

extension FakePeer {
    /// Runs `body` with a fake node per script, and stops them all afterwards.
    @discardableResult
    static func with<T>(_ scripts: [FakePeerScript], _ body: ([FakePeer]) async throws -> T) async throws -> T {
        var peers: [FakePeer] = []
        do {
            for script in scripts { peers.append(try await FakePeer.start(script)) }
            let result = try await body(peers)
            for peer in peers { await peer.stop() }
            return result
        } catch {
            for peer in peers { await peer.stop() }
            throw error
        }
    }

    @discardableResult
    static func with<T>(_ script: FakePeerScript, _ body: (FakePeer) async throws -> T) async throws -> T {
        try await with([script]) { try await body($0[0]) }
    }
}
