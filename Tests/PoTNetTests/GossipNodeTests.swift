import PoTCore
import PoTModules
import PoTNet
import Testing

@Suite("Gossip node")
struct GossipNodeTests {
    @Test("NET-INV: a stored object is announced, requested and delivered, then relayed onward")
    func inventoryPropagation() {
        let h = NodeHarness(count: 3)
        h.connect(0, 1)
        h.connect(1, 2)
        let vote = h.backends[0].vote(1)
        let (result, actions) = h.nodes[0].submit(vote, now: h.now)
        #expect(result == .stored)
        h.perform(actions, by: 0)
        let item = vote.item(chain: h.backends[0].chainId)
        #expect(h.backends[1].has(item) && h.backends[2].has(item))
        // Objects travel only on request.
        let objectSends = h.sent.filter { if case .object = $0.message { true } else { false } }
        let requests = h.sent.filter { if case .getData(let items) = $0.message { items.contains(item) } else { false } }
        #expect(objectSends.count == 2 && requests.count == 2)
    }

    @Test("NET-DEDUP: an object already stored is dropped by id without revalidation; unsolicited duplicates cost the sender")
    func duplicates() {
        let h = NodeHarness(count: 2)
        h.connect(0, 1)
        let vote = h.backends[0].vote(1)
        h.perform(h.nodes[0].submit(vote, now: h.now).1, by: 0)
        let before = h.nodes[1].stats.duplicates
        // node 0 pushes the same object unasked, repeatedly.
        let end = h.links[0].keys.first!
        for _ in 0..<19 { h.perform([.send(end, PeerSession.frame(.object(vote)))], by: 0) }
        #expect(h.nodes[1].stats.duplicates == before + 19)
        #expect(h.nodes[1].peerSummaries.first?.score == 19 * Penalty.unsolicitedDuplicate)
        h.perform([.send(end, PeerSession.frame(.object(vote)))], by: 0)
        #expect(h.closed.contains { $0.node == 1 && $0.reason.kind == .misbehavior })
        #expect(h.nodes[1].stats.bans == 1)
        #expect(h.nodes[1].stats.penalties["unsolicited-duplicate"] == 20 * Penalty.unsolicitedDuplicate)
    }

    @Test("NET-SCORE: invalid objects add points; at 100 the peer is disconnected and its key banned for a while")
    func scoring() throws {
        let h = NodeHarness(count: 3)
        h.connect(0, 1)
        let end = h.links[0].keys.first!
        let key = h.backends[0].member
        for i in 0..<4 {
            var bad = SignedVote.sign(try Vote(voter: key.publicKey, height: UInt64(i + 1), candidates: [h.backends[0].chainId], probsPpm: [1, 999_999]),
                                      with: key, chain: h.backends[0].chainId)
            bad.signature[5] ^= 1
            h.perform([.send(end, PeerSession.frame(.object(.vote(bad))))], by: 0)
        }
        #expect(h.nodes[1].stats.rejected["bad-signature"] == 4)
        #expect(h.closed.contains { $0.node == 1 && $0.reason.kind == .misbehavior })
        #expect(h.nodes[1].isBanned(h.nodes[0].identity.publicKey, now: h.now))
        // Reconnecting with the banned key is refused after the handshake.
        h.connect(0, 1)
        #expect(h.closed.contains { $0.node == 1 && $0.reason.kind == .banned })
        #expect(!h.nodes[1].isBanned(h.nodes[0].identity.publicKey, now: h.now + NodeConfig().banDuration + 1))

        // An undecodable message from a proven key bans it at once.
        h.connect(1, 2)
        let toTwo = h.links[1].keys.first!
        h.perform([.send(toTwo, Frame.encode([0xFF, 0x00]))], by: 1)
        #expect(h.closed.contains { $0.node == 2 && $0.reason.kind == .malformed })
        #expect(h.nodes[2].isBanned(h.nodes[1].identity.publicKey, now: h.now))
    }

    @Test("NET-ORPHAN: a block with an unknown parent waits while the parent is fetched; a parent the sender cannot supply costs it")
    func orphans() {
        let h = NodeHarness(count: 2)
        let b = h.backends[0]
        let one = b.block(1)
        let two = b.block(2, parent: one.item(chain: b.chainId).id)
        h.connect(0, 1)
        _ = b.accept(one)
        _ = b.accept(two)
        guard let end = h.links[0].keys.first else {
            Issue.record("connection closed: \(h.closed)")
            return
        }
        // Only block 2 is pushed; node 1 asks for its parent and then takes both.
        h.perform([.send(end, PeerSession.frame(.object(two)))], by: 0)
        #expect(h.backends[1].has(one.item(chain: b.chainId)) && h.backends[1].has(two.item(chain: b.chainId)))

        let stranger = b.block(5, parent: DomainHash.sha256([1, 2, 3]))
        h.perform([.send(end, PeerSession.frame(.object(stranger)))], by: 0)
        #expect(h.nodes[1].stats.rejected["unknown-parent"] == 1)
        #expect(!h.backends[1].has(stranger.item(chain: b.chainId)))
    }

    @Test("NET-SYNC: after the handshake a node pages through its peer's inventory and fetches what it lacks")
    func sync() {
        let h = NodeHarness(count: 2)
        for height in 1...5 { _ = h.backends[0].accept(h.backends[0].vote(UInt64(height))) }
        h.connect(0, 1)
        #expect(h.backends[1].objects.count == 5)
        #expect(h.sent.contains { if case .getSync = $0.message { $0.from == 1 } else { false } })
    }

    @Test("NET-HEADERS: headers are served by range from the canonical chain, at most 2000 at a time")
    func headers() {
        let h = NodeHarness(count: 2)
        var parent = h.backends[0].chainId
        for height in 1...3 {
            let block = h.backends[0].block(UInt64(height), parent: parent)
            _ = h.backends[0].accept(block)
            parent = block.item(chain: h.backends[0].chainId).id
        }
        h.connect(0, 1)
        guard let end = h.links[1].keys.first else {
            Issue.record("connection closed: \(h.closed)")
            return
        }
        h.perform([.send(end, PeerSession.frame(.getHeaders(from: 2, count: 1_000_000)))], by: 1)
        let reply = h.sent.last { if case .headers = $0.message { $0.from == 0 } else { false } }
        guard case .headers(let from, let list)? = reply?.message else { Issue.record("no headers reply"); return }
        #expect(from == 2 && list.map(\.header.height) == [2, 3])
    }

    @Test("NET-ADDR: peers exchange listening addresses, learned ones are dialed, and static peers are redialed")
    func addresses() {
        let h = NodeHarness(count: 3) { i in
            var config = NodeConfig(listenAddress: "n\(i):1")
            config.reconnectInterval = 1_000
            return config
        }
        h.connect(2, 0)
        h.nodes[1].addStaticPeers(["n0:1", "n9:9"])
        let dials = h.nodes[1].tick(now: h.now).compactMap { if case .connect(let a) = $0 { a } else { nil } }
        #expect(dials == ["n0:1", "n9:9"])
        h.nodes[1].dialFailed("n9:9")
        h.nodes[1].dialFailed("n0:1")
        h.connect(1, 0)
        #expect(h.sent.contains { if case .addresses(let list) = $0.message { $0.from == 0 && list == ["n2:1"] } else { false } })
        let later = h.nodes[1].tick(now: h.now + 1_500).compactMap { if case .connect(let a) = $0 { a } else { nil } }
        #expect(later.contains("n9:9") && later.contains("n2:1") && !later.contains("n0:1"))
    }

    @Test("NET-SLOW: no handshake in time, a frame that never completes, or silence ends the connection")
    func timeouts() {
        let config = NodeConfig()
        let h = NodeHarness(count: 1, config: config)
        let node = h.nodes[0]
        _ = node.peerConnected(100, address: nil, outbound: false, now: 0)
        let closed = node.tick(now: config.handshakeTimeout).contains { if case .close(100, let r) = $0 { r.kind == .timeout } else { false } }
        #expect(closed)

        // A peer that completes the handshake, then dribbles a frame one byte at a time.
        let peer = try! PeerSession(identity: SigningKey(seed: [UInt8](repeating: 77, count: 32)), chainId: h.backends[0].chainId, modules: .standard,
                                    nonce: [UInt8](repeating: 1, count: 32), listenAddress: nil, tipHeight: 0)
        var session = peer
        var toNode = session.start()
        var actions = node.peerConnected(101, address: nil, outbound: false, now: 0)
        actions += node.received(toNode, from: 101, now: 0)
        for case .send(101, let bytes) in actions { for e in session.receive(bytes) { if case .send(let b) = e { toNode = b } } }
        _ = node.received(toNode, from: 101, now: 1)
        #expect(session.isReady)
        _ = node.received([0, 0, 1, 0, 1], from: 101, now: 2)
        var t: UInt64 = 2
        var cut = false
        while t < 2 + config.frameTimeout + 1_000, !cut {
            t += 1_000
            _ = node.received([1], from: 101, now: t)
            cut = node.tick(now: t).contains { if case .close(101, let r) = $0 { r.kind == .timeout } else { false } }
        }
        #expect(cut)
        #expect(t <= 2 + config.frameTimeout + 1_000)
    }

    @Test("NET-SETTLE: fork choice runs after objects are stored, once nothing requested is still on its way")
    func settles() {
        let h = NodeHarness(count: 2)
        h.connect(0, 1)
        h.perform(h.nodes[0].submit(h.backends[0].vote(1), now: h.now).1, by: 0)
        #expect(h.backends[1].settles == 0)
        h.tick(by: 100)
        #expect(h.backends[1].settles == 1 && h.backends[0].settles == 1, "\(h.backends.map(\.settles)) \(h.closed) \(h.nodes[1].outstandingRequests)")
        h.tick(by: 100)
        #expect(h.backends[1].settles == 1)
    }
}
