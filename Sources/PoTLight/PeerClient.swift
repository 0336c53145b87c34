import NIOCore
import NIOPosix
import PoTCore
import PoTNet

/// A connection to one peer, after the authenticated handshake: requests go out one message at a
/// time and each call returns the reply that answers it. The peer's own requests for pings,
/// sync pages and addresses are answered (with nothing to offer); its other unsolicited messages
/// are ignored. Several requests may wait at once.
public final class PeerClient: Sendable {
    public let address: PeerAddress
    /// What the peer announced in the handshake: its key, its tip height, where it listens.
    public let peerHello: Hello
    public let chainId: Hash256
    private let channel: any Channel
    private let handler: NIOLoopBound<PeerClientHandler>

    private init(address: PeerAddress, peerHello: Hello, chainId: Hash256, channel: any Channel,
                 handler: NIOLoopBound<PeerClientHandler>) {
        self.address = address
        self.peerHello = peerHello
        self.chainId = chainId
        self.channel = channel
        self.handler = handler
    }

    /// Connects and completes the handshake within `timeout`. `tipHeight` and `listenAddress`
    /// are what this side announces in its hello.
    public static func connect(
        host: String, port: Int, chainId: Hash256, identity: SigningKey, timeout: Duration,
        tipHeight: UInt64 = 0, listenAddress: String? = nil,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(PeerClientError) -> PeerClient {
        let peer = PeerAddress(host: host, port: port)
        var random = SystemRandomNumberGenerator()
        let nonce = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(timeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let session = PeerSession(identity: identity, chainId: chainId, nonce: nonce,
                                              listenAddress: listenAddress, tipHeight: tipHeight)
                    let handler = PeerClientHandler(peer: peer, session: session, handshake: channel.eventLoop.makePromise())
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            throw PeerClientError(connecting: peer, error)
        }
        let established = channel.eventLoop.flatSubmit { () -> EventLoopFuture<(NIOLoopBound<PeerClientHandler>, Hello)> in
            guard let handler = try? channel.pipeline.syncOperations.handler(type: PeerClientHandler.self) else {
                return channel.eventLoop.makeFailedFuture(
                    PeerClientError.disconnected(peer, DisconnectReason(.closedByPeer, "connection closed")))
            }
            handler.armHandshakeTimeout(deadline: deadline)
            let bound = NIOLoopBound(handler, eventLoop: channel.eventLoop)
            return handler.handshake.futureResult.map { hello in (bound, hello) }
        }
        do {
            let (handler, hello) = try await established.get()
            return PeerClient(address: peer, peerHello: hello, chainId: chainId, channel: channel, handler: handler)
        } catch {
            channel.close(promise: nil)
            throw error as? PeerClientError ?? .unreachable(peer, detail: "\(error)")
        }
    }

    /// Sends a request (getGenesis, getHeaders, getData, ping, getSync, getAddresses) and returns
    /// its reply: genesis, headers from the asked height, the object or notFound for an asked
    /// item, and so on. A getData of several items returns the first of their replies.
    public func request(_ message: Message, timeout: Duration) async throws(PeerClientError) -> Message {
        guard let expected = ExpectedReply(message, chain: chainId) else { throw .notARequest(message.name) }
        let handler = self.handler
        do {
            return try await channel.eventLoop.flatSubmit { handler.value.request(expected, timeout: TimeAmount(timeout)) }.get()
        } catch {
            throw error as? PeerClientError ?? .disconnected(address, DisconnectReason(.closedByPeer, "\(error)"))
        }
    }

    /// Sends a message that has no reply (an inventory, for instance).
    public func send(_ message: Message) async throws(PeerClientError) {
        let handler = self.handler
        do {
            try await channel.eventLoop.flatSubmit { handler.value.send(message) }.get()
        } catch {
            throw error as? PeerClientError ?? .disconnected(address, DisconnectReason(.closedByPeer, "\(error)"))
        }
    }

    /// Says goodbye and closes the connection; waiting requests fail with `.closed`.
    public func close() async {
        let handler = self.handler
        try? await channel.eventLoop.flatSubmit { handler.value.close() }.get()
    }
}
