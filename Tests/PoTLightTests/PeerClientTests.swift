import NIOCore
import NIOPosix
import PoTCore
import PoTLight
import PoTNet
import Testing

@Suite("PeerClient")
struct PeerClientTests {
    static let chain = TestChain(length: 30)

    func connect(_ peer: FakePeer, chainId: Hash256 = PeerClientTests.chain.chainId) async throws -> PeerClient {
        try await PeerClient.connect(host: peer.address.host, port: peer.address.port, chainId: chainId,
                                     identity: .generate(), timeout: .seconds(5))
    }

    @Test("handshake, then genesis, headers and blocks are returned as replies to their requests")
    func requests() async throws {
        try await FakePeer.with(FakePeerScript(chain: Self.chain)) { peer in
            let client = try await connect(peer)
            #expect(client.peerHello.tipHeight == 30)
            #expect(client.peerHello.nodeKey == peer.identity.publicKey)

            #expect(try await client.request(.getGenesis, timeout: .seconds(5)) == .genesis(params: Self.chain.genesis))
            let headers = try await client.request(.getHeaders(from: 11, count: 5), timeout: .seconds(5))
            #expect(headers == .headers(from: 11, (11...15).map(Self.chain.header(at:))))
            #expect(try await client.request(.getHeaders(from: 31, count: 5), timeout: .seconds(5)) == .headers(from: 31, []))

            let item = InventoryItem(.block, Self.chain.id(at: 7))
            #expect(try await client.request(.getData([item]), timeout: .seconds(5)) == .object(.block(Self.chain.bundle(at: 7))))
            let unknown = InventoryItem(.block, Self.chain.id(at: 0))
            #expect(try await client.request(.getData([unknown]), timeout: .seconds(5)) == .notFound([unknown]))
            await client.close()
        }
    }

    @Test("several requests may wait at once; each gets its own reply")
    func concurrentRequests() async throws {
        try await FakePeer.with(FakePeerScript(chain: Self.chain)) { peer in
            let client = try await connect(peer)
            let replies = try await withThrowingTaskGroup(of: (UInt64, Message).self) { group in
                for from: UInt64 in [1, 10, 20] {
                    group.addTask { (from, try await client.request(.getHeaders(from: from, count: 2), timeout: .seconds(5))) }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            for from: UInt64 in [1, 10, 20] {
                #expect(replies[from] == .headers(from: from, [Self.chain.header(at: from), Self.chain.header(at: from + 1)]))
            }
            await client.close()
        }
    }

    @Test("the peer's pings and sync and address requests are answered; its other messages are ignored")
    func answersHousekeeping() async throws {
        try await FakePeer.with(FakePeerScript(chain: Self.chain)) { peer in
            let client = try await connect(peer)
            #expect(try await client.request(.getGenesis, timeout: .seconds(5)) == .genesis(params: Self.chain.genesis))
            #expect(await eventually { peer.record.pongs == [42] && peer.record.syncPages == 1 && peer.record.addressReplies == 1 })
            await client.close()
            #expect(await eventually { peer.record.goodbyes == ["shutdown: done"] })
        }
    }

    @Test("a peer on another chain is refused during the handshake with an error that says so")
    func wrongChain() async throws {
        try await FakePeer.with(FakePeerScript(chain: TestChain(length: 3, note: "another chain"))) { peer in
            do {
                _ = try await connect(peer)
                Issue.record("connected to a peer on another chain")
            } catch {
                guard let error = error as? PeerClientError, case .disconnected(_, let reason) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(reason.kind == .wrongChain)
                #expect(error.description.contains("\(peer.address) is on another chain"))
            }
        }
    }

    @Test("a closed port gives connection refused")
    func refused() async throws {
        let peer = try await FakePeer.start(FakePeerScript(chain: Self.chain))
        await peer.stop()
        await #expect(throws: PeerClientError.connectionRefused(peer.address)) {
            _ = try await connect(peer)
        }
    }

    @Test("a request the peer does not answer times out, naming the request")
    func timeout() async throws {
        var script = FakePeerScript(chain: Self.chain)
        script.ignoresHeaderRequests = true
        try await FakePeer.with(script) { peer in
            let client = try await connect(peer)
            await #expect(throws: PeerClientError.timedOut(peer.address, what: "getheaders")) {
                _ = try await client.request(.getHeaders(from: 1, count: 1), timeout: .milliseconds(200))
            }
            #expect(try await client.request(.getGenesis, timeout: .seconds(5)) == .genesis(params: Self.chain.genesis))
            await client.close()
        }
    }

    @Test("a peer that never completes the handshake times out")
    func handshakeTimeout() async throws {
        var script = FakePeerScript(chain: Self.chain)
        script.mute = true
        try await FakePeer.with(script) { peer in
            await #expect(throws: PeerClientError.timedOut(peer.address, what: "the handshake")) {
                _ = try await PeerClient.connect(host: peer.address.host, port: peer.address.port, chainId: Self.chain.chainId,
                                                 identity: .generate(), timeout: .milliseconds(300))
            }
        }
    }

    @Test("a dropped connection fails the waiting request; messages without a reply are refused as requests")
    func disconnect() async throws {
        var script = FakePeerScript(chain: Self.chain)
        script.dropAfterHeaderReplies = 0
        try await FakePeer.with(script) { peer in
            let client = try await connect(peer)
            await #expect(throws: PeerClientError.disconnected(peer.address, DisconnectReason(.closedByPeer, "connection closed"))) {
                _ = try await client.request(.getHeaders(from: 1, count: 1), timeout: .seconds(5))
            }
            await #expect(throws: PeerClientError.notARequest("inventory")) {
                _ = try await client.request(.inventory([]), timeout: .seconds(5))
            }
            await client.close()
        }
    }
}
