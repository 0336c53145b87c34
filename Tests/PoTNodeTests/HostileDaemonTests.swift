import Foundation
import PoTCore
import PoTModules
import PoTNet
import PoTTestSupport
import Testing

@Suite("A daemon under attack", .serialized)
struct HostileDaemonTests {
    /// The reason in the goodbye a daemon sends before it closes, if any.
    static func goodbye(in bytes: [UInt8]) -> String? {
        var decoder = FrameDecoder()
        decoder.append(bytes)
        while let body = try? decoder.next() {
            if case .goodbye(let reason)? = try? Message(bytes: body, modules: .standard) { return reason }
        }
        return nil
    }

    @Test("NET-HOSTILE NET-METRICS: garbage, an oversized frame, another chain and a slow sender are cut off; the daemon keeps serving and counts it")
    func attacks() throws {
        let root = TestEnvironment.temporaryDirectory("pot-hostile")
        defer { TestEnvironment.remove(root) }
        let repo = root + "/node"
        let chain = Hash256(hex: try initChain(at: repo))!
        let daemon = try Daemon(repo: repo, metrics: true, arguments: ["--handshake-timeout", "1.5"])
        defer { daemon.stop() }

        let garbage = try RawSocket(port: daemon.port)
        garbage.send(Frame.encode([0xFF, 0x13, 0x37]))
        let afterGarbage = garbage.readUntilClosed(within: 5)
        #expect(afterGarbage.closed)
        #expect(Self.goodbye(in: afterGarbage.bytes)?.hasPrefix("malformed") == true)

        let huge = try RawSocket(port: daemon.port)
        huge.send([0x40, 0, 0, 0])
        let afterHuge = huge.readUntilClosed(within: 5)
        #expect(afterHuge.closed)
        #expect(Self.goodbye(in: afterHuge.bytes)?.hasPrefix("oversized") == true)

        let stranger = try RawSocket(port: daemon.port)
        let other = PeerSession(identity: SigningKey.generate(), chainId: DomainHash.sha256([1]), modules: .standard, nonce: [UInt8](repeating: 1, count: 32),
                                listenAddress: nil, tipHeight: 0)
        stranger.send(other.start())
        let afterStranger = stranger.readUntilClosed(within: 5)
        #expect(afterStranger.closed)
        #expect(Self.goodbye(in: afterStranger.bytes)?.hasPrefix("wrongChain") == true)

        // A slow sender: a few bytes of a hello, then nothing. The handshake deadline ends it.
        let slow = try RawSocket(port: daemon.port)
        let hello = PeerSession(identity: SigningKey.generate(), chainId: chain, modules: .standard, nonce: [UInt8](repeating: 2, count: 32),
                                listenAddress: nil, tipHeight: 0).start()
        slow.send(Array(hello.prefix(6)))
        let afterSlow = slow.readUntilClosed(within: 8)
        #expect(afterSlow.closed)
        #expect(Self.goodbye(in: afterSlow.bytes)?.hasPrefix("timeout") == true)

        // The daemon still serves an honest client.
        let honest = try RawSocket(port: daemon.port)
        var session = PeerSession(identity: SigningKey.generate(), chainId: chain, modules: .standard, nonce: [UInt8](repeating: 3, count: 32),
                                  listenAddress: nil, tipHeight: 0)
        honest.send(session.start())
        var ready = false
        let deadline = Date().addingTimeInterval(5)
        while !ready, Date() < deadline {
            let (bytes, closed) = honest.readUntilClosed(within: 0.3)
            for event in session.receive(bytes) {
                if case .send(let out) = event { honest.send(out) }
                if case .established = event { ready = true }
            }
            if closed { break }
        }
        #expect(ready)

        let metrics = try daemon.scrapeMetrics()
        #expect(metrics.contains("pot_disconnects_total{reason=\"malformed\"} 1"))
        #expect(metrics.contains("pot_disconnects_total{reason=\"oversized\"} 1"))
        #expect(metrics.contains("pot_disconnects_total{reason=\"wrongChain\"} 1"))
        #expect(metrics.contains("pot_disconnects_total{reason=\"timeout\"} 1"))
        #expect(metrics.contains("pot_tip_height 0"))
    }
}
