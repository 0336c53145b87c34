import NIOCore
import PoTCore
import PoTNet

/// Runs one `PeerSession` on its channel's event loop: answers the peer's housekeeping requests,
/// hands each reply to the request it answers, and fails every waiter once the session ends.
/// Every method runs on the channel's event loop.
final class PeerClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct Waiter {
        let id: UInt64
        let expected: ExpectedReply
        let promise: EventLoopPromise<Message>
        let timeout: Scheduled<Void>
    }

    /// Replies still expected after their request timed out, so that a late one is not taken
    /// for the answer to a newer request.
    private static let maxAbandoned = 64

    let peer: PeerAddress
    let handshake: EventLoopPromise<Hello>
    private let handshakeDeadline: NIODeadline
    private var session: PeerSession
    private var context: ChannelHandlerContext?
    private var waiters: [Waiter] = []
    private var abandoned: [ExpectedReply] = []
    private var nextId: UInt64 = 0
    private var handshakeTimeout: Scheduled<Void>?
    private var failure: PeerClientError?

    init(peer: PeerAddress, session: PeerSession, handshakeDeadline: NIODeadline, handshake: EventLoopPromise<Hello>) {
        self.peer = peer
        self.handshakeDeadline = handshakeDeadline
        self.session = session
        self.handshake = handshake
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        end(.disconnected(peer, DisconnectReason(.closedByPeer, "connection closed")))
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        handshakeTimeout = context.eventLoop.assumeIsolated().scheduleTask(deadline: handshakeDeadline) { [self] in
            guard session.phase != .ready else { return }
            fail(.timedOut(peer, what: "the handshake"), goodbye: DisconnectReason(.timeout, "no handshake in time"))
        }
        write(session.start())
        context.flush()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        end(.disconnected(peer, DisconnectReason(.closedByPeer, "connection closed")))
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        process(session.receive(bytes))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        end(.disconnected(peer, DisconnectReason(.closedByPeer, "\(error)")))
        context.close(promise: nil)
    }

    func request(_ expected: ExpectedReply, timeout: TimeAmount) -> EventLoopFuture<Message> {
        guard let context else { return handshake.futureResult.eventLoop.makeFailedFuture(failure ?? .closed(peer)) }
        if let failure { return context.eventLoop.makeFailedFuture(failure) }
        let id = nextId
        nextId += 1
        let promise = context.eventLoop.makePromise(of: Message.self)
        let timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in expire(id) }
        waiters.append(Waiter(id: id, expected: expected, promise: promise, timeout: timer))
        write(PeerSession.frame(expected.request))
        context.flush()
        return promise.futureResult
    }

    func send(_ message: Message) -> EventLoopFuture<Void> {
        guard let context else { return handshake.futureResult.eventLoop.makeFailedFuture(failure ?? .closed(peer)) }
        if let failure { return context.eventLoop.makeFailedFuture(failure) }
        return context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: PeerSession.frame(message))))
    }

    /// Says goodbye and closes the connection.
    func close() -> EventLoopFuture<Void> {
        guard let context else { return handshake.futureResult.eventLoop.makeSucceededVoidFuture() }
        fail(.closed(peer), goodbye: DisconnectReason(.shutdown, "done"))
        return context.channel.closeFuture
    }

    private func process(_ events: [PeerSession.Event]) {
        for event in events {
            switch event {
            case .send(let bytes):
                write(bytes)
            case .established(let hello):
                handshakeTimeout?.cancel()
                handshake.succeed(hello)
            case .message(let message):
                deliver(message)
            case .close(let reason):
                fail(.disconnected(peer, reason), goodbye: reason.kind == .goodbye ? nil : reason)
            }
        }
        context?.flush()
    }

    private func deliver(_ message: Message) {
        switch message {
        case .ping(let n):
            write(PeerSession.frame(.pong(n)))
            return
        case .getSync:
            write(PeerSession.frame(.syncPage(items: [], next: nil)))
            return
        case .getAddresses:
            write(PeerSession.frame(.addresses([])))
            return
        default:
            break
        }
        if let index = waiters.firstIndex(where: { $0.expected.judge(message) == .answers }) {
            let waiter = waiters.remove(at: index)
            waiter.timeout.cancel()
            waiter.promise.succeed(message)
        } else if let index = abandoned.firstIndex(where: { $0.judge(message) == .answers }) {
            abandoned.remove(at: index)
        } else if let index = waiters.firstIndex(where: { $0.expected.judge(message) == .wrongContent }) {
            let waiter = waiters.remove(at: index)
            waiter.timeout.cancel()
            waiter.promise.fail(PeerClientError.unexpectedReply(peer, request: waiter.expected.request.name, reply: message.name))
        }
    }

    private func expire(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        abandoned.append(waiter.expected)
        if abandoned.count > Self.maxAbandoned { abandoned.removeFirst() }
        waiter.promise.fail(PeerClientError.timedOut(peer, what: waiter.expected.request.name))
    }

    /// Ends the session: tells the peer why when `goodbye` is given, then closes the channel.
    private func fail(_ error: PeerClientError, goodbye: DisconnectReason?) {
        guard failure == nil, let context else { return end(error) }
        end(error)
        session.markClosed()
        let channel = context.channel
        if let goodbye {
            let text = String(goodbye.description.utf8.prefix(Message.maxReasonBytes)) ?? goodbye.kind.rawValue
            context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(bytes: PeerSession.frame(.goodbye(reason: text)))))
                .whenComplete { _ in channel.close(promise: nil) }
        } else {
            channel.close(promise: nil)
        }
    }

    /// Records why the session ended and fails everything still waiting.
    private func end(_ error: PeerClientError) {
        guard failure == nil else { return }
        failure = error
        handshakeTimeout?.cancel()
        handshake.fail(error)
        let pending = waiters
        waiters = []
        for waiter in pending {
            waiter.timeout.cancel()
            waiter.promise.fail(error)
        }
    }

    private func write(_ bytes: [UInt8]) {
        guard let context else { return }
        context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
    }
}
