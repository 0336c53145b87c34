import PoTCore
import PoTModules
import PoTNet
import Testing

@Suite("Connection slots")
struct SlotPolicyTests {
    static func config(maxPeers: Int = 4, maxPending: Int = 3) -> NodeConfig {
        var config = NodeConfig()
        config.maxPeers = maxPeers
        config.maxPendingInbound = maxPending
        return config
    }

    /// Opens `count` inbound connections to node 0 that never send a byte.
    static func flood(_ h: NodeHarness, count: Int, firstID: PeerID) {
        for n in 0..<count {
            h.perform(h.nodes[0].peerConnected(firstID + n, address: "127.0.0.1:\(40_000 + n)", outbound: false, now: h.now), by: 0)
        }
    }

    static func pending(_ node: GossipNode) -> [PeerSummary] { node.peerSummaries.filter { !$0.ready } }

    @Test("NET-SLOTS: 300 silent connections hold only the handshake slots, evict one another, and an honest peer still joins")
    func silentFlood() {
        let h = NodeHarness(count: 3, config: Self.config())
        h.connect(1, 0)
        #expect(h.nodes[0].readyPeerCount == 1)
        Self.flood(h, count: 300, firstID: 10_000)
        #expect(Self.pending(h.nodes[0]).count == 3)
        #expect(h.closed.filter { $0.node == 0 && $0.reason.kind == .evicted }.count == 297)
        #expect(h.nodes[0].stats.disconnects["evicted"] == 297)
        // The newest three are the ones left; the established peer kept its slot.
        #expect(Set(Self.pending(h.nodes[0]).map(\.id)) == [10_297, 10_298, 10_299])
        #expect(h.nodes[0].readyPeerCount == 1)
        h.connect(2, 0)
        #expect(h.nodes[0].readyPeerCount == 2)
        #expect(h.nodes[2].readyPeerCount == 1)
    }

    @Test("NET-SLOTS: a connection that has sent its hello outlasts silent ones when the handshake slots are full")
    func helloProtects() {
        let h = NodeHarness(count: 1, config: Self.config())
        let client = PeerSession(identity: SigningKey.generate(), chainId: h.backends[0].chainId, modules: .standard, nonce: [UInt8](repeating: 7, count: 32),
                                 listenAddress: nil, tipHeight: 0)
        h.perform(h.nodes[0].peerConnected(500, address: "127.0.0.1:1", outbound: false, now: h.now), by: 0)
        Self.flood(h, count: 2, firstID: 600)
        h.perform(h.nodes[0].received(client.start(), from: 500, now: h.now), by: 0)
        Self.flood(h, count: 50, firstID: 700)
        #expect(Self.pending(h.nodes[0]).contains { $0.id == 500 })
        #expect(Self.pending(h.nodes[0]).count == 3)
    }

    @Test("NET-SLOTS: when every peer slot is taken, a further connection is refused as full")
    func fullRefuses() {
        let h = NodeHarness(count: 4, config: Self.config(maxPeers: 2))
        h.connect(1, 0)
        h.connect(2, 0)
        #expect(h.nodes[0].readyPeerCount == 2)
        h.connect(3, 0)
        #expect(h.closed.contains { $0.node == 0 && $0.reason.kind == .full })
        #expect(h.nodes[0].readyPeerCount == 2)
        #expect(h.nodes[0].stats.disconnects["full"] == 1)
    }
}
