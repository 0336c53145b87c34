import NIOCore
import NIOPosix
import PoTCore
import PoTModules
import PoTNet

/// A connection to one peer, after the authenticated handshake. Each request is one message and
/// returns the reply that answers it; several may wait at once. The peer's own requests for
/// pings, sync pages and addresses are answered (with nothing to offer); its other unsolicited
/// messages are ignored.
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
    /// are what this side announces in its hello; `modules` are the chain's modules, whose
    /// objects the peer may send.
    public static func connect(
        host: String, port: Int, chainId: Hash256, identity: SigningKey, timeout: Duration,
        tipHeight: UInt64 = 0, listenAddress: String? = nil, modules: ChainModules = .standard,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(PeerClientError) -> PeerClient {
        let peer = PeerAddress(host: host, port: port)
        var random = SystemRandomNumberGenerator()
        let nonce = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        let connection: Connection
        do {
            connection = try await ClientBootstrap(group: group)
                .connectTimeout(TimeAmount(timeout))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let session = PeerSession(identity: identity, chainId: chainId, modules: modules, nonce: nonce,
                                                  listenAddress: listenAddress, tipHeight: tipHeight)
                        let handler = PeerClientHandler(peer: peer, session: session, handshakeDeadline: deadline,
                                                        handshake: channel.eventLoop.makePromise())
                        try channel.pipeline.syncOperations.addHandler(handler)
                        return Connection(channel: channel, handler: NIOLoopBound(handler, eventLoop: channel.eventLoop),
                                          handshake: handler.handshake.futureResult)
                    }
                }
        } catch {
            throw PeerClientError(connecting: peer, error)
        }
        do {
            let hello = try await connection.handshake.get()
            return PeerClient(address: peer, peerHello: hello, chainId: chainId, channel: connection.channel,
                              handler: connection.handler)
        } catch {
            connection.channel.close(promise: nil)
            throw error as? PeerClientError ?? .unreachable(peer, detail: "\(error)")
        }
    }

    private struct Connection: Sendable {
        let channel: any Channel
        let handler: NIOLoopBound<PeerClientHandler>
        let handshake: EventLoopFuture<Hello>
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
