import PoTCore

/// One connection's protocol state: framing, the authenticated handshake, then messages.
/// It holds no socket; bytes go in, and what to send, deliver or close comes out.
public struct PeerSession: Sendable {
    public enum Phase: Equatable, Sendable { case awaitingHello, awaitingAuth, ready, closed }

    public enum Event: Equatable, Sendable {
        case send([UInt8])
        /// The peer proved its key; messages follow.
        case established(Hello)
        case message(Message)
        case close(DisconnectReason)
    }

    public static let protocolVersion: UInt64 = 1

    public private(set) var phase: Phase = .awaitingHello
    public private(set) var peerHello: Hello?
    public let localHello: Hello
    private let identity: SigningKey
    private var decoder: FrameDecoder
    /// The modules whose objects this side understands; an object of any other kind is malformed.
    private let modules: ChainModules

    public init(identity: SigningKey, chainId: Hash256, modules: ChainModules, nonce: [UInt8], listenAddress: String?,
                tipHeight: UInt64, maxFrameBytes: Int = Frame.defaultMaxBytes) {
        self.identity = identity
        self.modules = modules
        self.decoder = FrameDecoder(maxBytes: maxFrameBytes)
        self.localHello = Hello(version: Self.protocolVersion, chainId: chainId, nodeKey: identity.publicKey,
                                nonce: nonce, listenAddress: listenAddress, tipHeight: tipHeight)
    }

    public var isReady: Bool { phase == .ready }
    /// Bytes of a frame still being received.
    public var bufferedBytes: Int { decoder.bufferedBytes }

    /// The hello to send as soon as the connection is open.
    public func start() -> [UInt8] { Frame.encode(Message.hello(localHello).encoded()) }

    public static func frame(_ message: Message) -> [UInt8] { Frame.encode(message.encoded()) }

    public mutating func receive(_ bytes: some Collection<UInt8>) -> [Event] {
        guard phase != .closed else { return [] }
        decoder.append(bytes)
        var events: [Event] = []
        while phase != .closed {
            let body: [UInt8]
            do {
                guard let next = try decoder.next() else { break }
                body = next
            } catch {
                return events + [fail(error == .empty ? .malformed : .oversized, error.description)]
            }
            let message: Message
            do { message = try Message(bytes: body, modules: modules) } catch {
                return events + [fail(.malformed, "undecodable message: \(error)")]
            }
            events += handle(message)
        }
        return events
    }

    private mutating func handle(_ message: Message) -> [Event] {
        if case .goodbye(let reason) = message {
            phase = .closed
            return [.close(DisconnectReason(.goodbye, reason))]
        }
        switch phase {
        case .awaitingHello:
            guard case .hello(let hello) = message else {
                return [fail(.protocolViolation, "expected hello, got \(message.name)")]
            }
            guard hello.version == Self.protocolVersion else {
                return [fail(.badVersion, "peer speaks protocol version \(hello.version); this node speaks \(Self.protocolVersion)")]
            }
            guard hello.chainId == localHello.chainId else {
                return [fail(.wrongChain, "peer is on chain \(hello.chainId.short), not \(localHello.chainId.short)")]
            }
            guard hello.nodeKey != localHello.nodeKey else {
                return [fail(.selfConnection, "connected to itself")]
            }
            peerHello = hello
            phase = .awaitingAuth
            let digest = HandshakeProof.digest(chain: localHello.chainId, nonce: hello.nonce,
                                               signer: localHello.nodeKey, verifier: hello.nodeKey)
            return [.send(Self.frame(.auth(signature: identity.sign(digest))))]
        case .awaitingAuth:
            guard case .auth(let signature) = message, let hello = peerHello else {
                return [fail(.protocolViolation, "expected auth, got \(message.name)")]
            }
            let digest = HandshakeProof.digest(chain: localHello.chainId, nonce: localHello.nonce,
                                               signer: hello.nodeKey, verifier: localHello.nodeKey)
            guard hello.nodeKey.verifies(signature, over: digest) else {
                return [fail(.badSignature, "handshake signature does not verify for key \(hello.nodeKey.short)")]
            }
            phase = .ready
            return [.established(hello)]
        case .ready:
            if case .hello = message { return [fail(.protocolViolation, "second hello")] }
            if case .auth = message { return [fail(.protocolViolation, "second auth")] }
            return [.message(message)]
        case .closed:
            return []
        }
    }

    /// Ends the session, saying why to the peer (the caller closes the channel after sending).
    public mutating func fail(_ kind: DisconnectReason.Kind, _ detail: String) -> Event {
        phase = .closed
        return .close(DisconnectReason(kind, detail))
    }

    public mutating func markClosed() { phase = .closed }
}
