import PoTCore
import PoTModules
import PoTNet
import Testing

@Suite("Handshake")
struct HandshakeTests {
    static let chain = DomainHash.sha256([7])

    static func session(_ seed: UInt8, chain: Hash256 = chain) throws -> PeerSession {
        PeerSession(identity: try SigningKey(seed: [UInt8](repeating: seed, count: 32)), chainId: chain, modules: .standard,
                    nonce: [UInt8](repeating: seed &+ 100, count: 32), listenAddress: nil, tipHeight: 0)
    }

    /// Feeds each side's output to the other until both are quiet; returns every event seen.
    static func run(_ a: inout PeerSession, _ b: inout PeerSession) -> (a: [PeerSession.Event], b: [PeerSession.Event]) {
        var toB = a.start(), toA = b.start()
        var seenA: [PeerSession.Event] = [], seenB: [PeerSession.Event] = []
        while !toA.isEmpty || !toB.isEmpty {
            let eventsB = b.receive(toB), eventsA = a.receive(toA)
            toB = []; toA = []
            for e in eventsA { if case .send(let bytes) = e { toB += bytes } }
            for e in eventsB { if case .send(let bytes) = e { toA += bytes } }
            seenA += eventsA; seenB += eventsB
        }
        return (seenA, seenB)
    }

    @Test("NET-HANDSHAKE: both sides prove their keys by signing the other's nonce for this chain")
    func established() throws {
        var a = try Self.session(1), b = try Self.session(2)
        let (ea, eb) = Self.run(&a, &b)
        #expect(a.isReady && b.isReady)
        #expect(ea.contains { if case .established(let h) = $0 { h.nodeKey == b.localHello.nodeKey } else { false } })
        #expect(eb.contains { if case .established(let h) = $0 { h.nodeKey == a.localHello.nodeKey } else { false } })
        // The proof is bound to the chain, the nonce and both keys.
        let digest = HandshakeProof.digest(chain: Self.chain, nonce: a.localHello.nonce, signer: b.localHello.nodeKey, verifier: a.localHello.nodeKey)
        let other = HandshakeProof.digest(chain: DomainHash.sha256([8]), nonce: a.localHello.nonce, signer: b.localHello.nodeKey, verifier: a.localHello.nodeKey)
        #expect(digest != other)
    }

    @Test("NET-HANDSHAKE: a wrong chain id, another version, a bad signature or a message before auth end the session with a reason")
    func refused() throws {
        var a = try Self.session(1), b = try Self.session(2, chain: DomainHash.sha256([99]))
        let (ea, _) = Self.run(&a, &b)
        #expect(ea.contains { if case .close(let r) = $0 { r.kind == .wrongChain } else { false } })

        var c = try Self.session(3)
        var hello = try Self.session(4).localHello
        hello.version = 2
        #expect(c.receive(PeerSession.frame(.hello(hello))).contains { if case .close(let r) = $0 { r.kind == .badVersion } else { false } })

        var d = try Self.session(5), e = try Self.session(6)
        _ = d.receive(e.start())
        let forged = d.receive(PeerSession.frame(.auth(signature: [UInt8](repeating: 0, count: 64))))
        #expect(forged.contains { if case .close(let r) = $0 { r.kind == .badSignature } else { false } })

        var f = try Self.session(7)
        #expect(f.receive(PeerSession.frame(.ping(1))).contains { if case .close(let r) = $0 { r.kind == .protocolViolation } else { false } })
        var g = try Self.session(8)
        #expect(g.receive(g.start()).contains { if case .close(let r) = $0 { r.kind == .selfConnection } else { false } })
    }
}
