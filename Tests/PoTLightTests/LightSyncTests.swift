import PoTCore
import PoTLight
import PoTNet
import Testing

@Suite("LightSync")
struct LightSyncTests {
    static let chain = TestChain(length: 300)

    @discardableResult
    func withSync<T>(batchSize: UInt64 = 50, checkpointInterval: UInt64 = 100,
                     _ body: (LightSync) async throws -> T) async throws -> T {
        let base = TemporaryDirectory.make()
        defer { TemporaryDirectory.remove(base) }
        let sync = LightSync(directory: base + "/chain", connectTimeout: .seconds(5), requestTimeout: .seconds(5),
                             batchSize: batchSize, checkpointInterval: checkpointInterval)
        return try await body(sync)
    }

    func stored(_ sync: LightSync, chain: TestChain = LightSyncTests.chain) throws -> HeaderStore {
        try HeaderStore.read(directory: sync.directory, chainId: chain.chainId)
    }

    @Test("a full sync stores every header of the peer's chain, verified")
    func fullSync() async throws {
        try await withSync { sync in
            try await FakePeer.with(FakePeerScript(chain: Self.chain)) { peer in
                var events: [SyncEvent] = []
                let report = try await sync.sync(peers: [peer.address], chainId: Self.chain.chainId) { events.append($0) }
                #expect(report.tip.height == 300)
                #expect(report.tip.id == Self.chain.id(at: 300))
                #expect(report.fetched == 300 && report.source == peer.address)
                #expect(report.failures.isEmpty && report.comparisons.isEmpty && report.audit == nil)
                #expect(try stored(sync).ids == (1...300).map(Self.chain.id(at:)))
                #expect(peer.record.headerRequests == Array(stride(from: 1, through: 301, by: 50)))
                let progress = events.compactMap { event -> UInt64? in
                    if case let .stored(height, target) = event, target == 300 { return height }
                    return nil
                }
                #expect(progress == Array(stride(from: 50, through: 300, by: 50)))
            }
        }
    }

    @Test("LIGHT-RESUME: after an interruption the next sync fetches only the headers it lacks")
    func resume() async throws {
        try await withSync { sync in
            var dropping = FakePeerScript(chain: Self.chain)
            dropping.dropAfterHeaderReplies = 2
            try await FakePeer.with(dropping) { peer in
                await #expect(throws: LightSyncError.self) {
                    _ = try await sync.sync(peers: [peer.address], chainId: Self.chain.chainId)
                }
            }
            #expect(try stored(sync).height == 100)
            try await FakePeer.with(FakePeerScript(chain: Self.chain)) { peer in
                let report = try await sync.sync(peers: [peer.address], chainId: Self.chain.chainId)
                #expect(report.startHeight == 100 && report.tip.height == 300 && report.fetched == 200)
                #expect(peer.record.headerRequests.first == 101)
                #expect(peer.record.headersServed == 200)
            }
            try await FakePeer.with(FakePeerScript(chain: Self.chain.extended(by: 7))) { peer in
                let report = try await sync.sync(peers: [peer.address], chainId: Self.chain.chainId)
                #expect(report.fetched == 7)
                #expect(peer.record.headersServed == 7)
            }
        }
    }

    @Test("LIGHT-SIG: a peer serving a badly signed header is dropped with what it served; the next peer completes")
    func lyingSignature() async throws {
        var bad = Self.chain.header(at: 137)
        bad.signature = TestChain.otherProposer.sign(bad.id(chain: Self.chain.chainId))
        let liar = FakePeerScript(chain: Self.chain.replacing(137, with: bad))
        try await withSync { sync in
            try await FakePeer.with([liar, FakePeerScript(chain: Self.chain)]) { peers in
                let report = try await sync.sync(peers: peers.map(\.address), chainId: Self.chain.chainId)
                #expect(report.source == peers[1].address)
                #expect(report.tip.id == Self.chain.id(at: 300))
                #expect(report.failures.map(\.description) == [
                    "peer \(peers[0].address) served an invalid header at height 137: LIGHT-SIG: the signature of proposer "
                        + "\(TestChain.proposer.publicKey.short) does not verify (the 100 headers it served before were dropped)",
                ])
                #expect(peers[1].record.headerRequests.first == 1)
                #expect(report.comparisons.isEmpty)
                #expect(try stored(sync).ids == (1...300).map(Self.chain.id(at:)))
            }
        }
    }

    @Test("LIGHT-PARENT: a broken parent link is rejected, naming the height; with no other peer the sync fails")
    func brokenParent() async throws {
        let broken = Self.chain.nextHeader(height: 42, parent: Hash256(bytes: Array(repeating: 3, count: 32))!)
        try await withSync { sync in
            try await FakePeer.with(FakePeerScript(chain: Self.chain.replacing(42, with: broken))) { peer in
                await #expect {
                    _ = try await sync.sync(peers: [peer.address], chainId: Self.chain.chainId)
                } throws: { error in
                    "\(error)".hasPrefix("peer \(peer.address) served an invalid header at height 42: LIGHT-PARENT: parent 030303")
                }
            }
            let height = try stored(sync).height
            #expect(height == 0)
        }
    }

    @Test("LIGHT-GENESIS: genesis parameters that do not hash to the chain id are refused")
    func badGenesis() async throws {
        var script = FakePeerScript(chain: Self.chain)
        script.genesis = TestChain(length: 0, note: "other").genesis
        try await withSync { sync in
            try await FakePeer.with(script) { peer in
                await #expect {
                    _ = try await sync.sync(peers: [peer.address], chainId: Self.chain.chainId)
                } throws: { error in
                    "\(error)".hasPrefix("peer \(peer.address) served invalid genesis parameters: LIGHT-GENESIS")
                }
            }
        }
    }

    @Test("a peer on another chain is skipped with a clear reason")
    func wrongChain() async throws {
        let other = TestChain(length: 5, note: "other")
        try await withSync { sync in
            try await FakePeer.with([FakePeerScript(chain: other), FakePeerScript(chain: Self.chain)]) { peers in
                let report = try await sync.sync(peers: peers.map(\.address), chainId: Self.chain.chainId)
                #expect(report.tip.height == 300)
                #expect(report.failures.count == 1)
                #expect(report.failures.first?.description.hasPrefix("peer \(peers[0].address) is on another chain") == true)
            }
            try await FakePeer.with(FakePeerScript(chain: other)) { peer in
                await #expect {
                    _ = try await sync.sync(peers: [peer.address], chainId: Self.chain.chainId)
                } throws: { error in
                    "\(error)".hasPrefix("peer \(peer.address) is on another chain")
                }
            }
        }
    }

    @Test("LIGHT-PEERS: peers that disagree with the synced chain are reported per height; a peer ahead is reported")
    func disagreement() async throws {
        let fork = Self.chain.truncated(to: 150).extended(by: 150, proposer: TestChain.otherProposer)
        let scripts = [
            FakePeerScript(chain: Self.chain),
            FakePeerScript(chain: fork),
            FakePeerScript(chain: Self.chain.extended(by: 20)),
            FakePeerScript(chain: Self.chain.truncated(to: 250)),
        ]
        try await withSync { sync in
            try await FakePeer.with(scripts) { peers in
                let report = try await sync.sync(peers: peers.map(\.address), chainId: Self.chain.chainId)
                #expect(report.tip.id == Self.chain.id(at: 300))
                #expect(report.comparisons.map(\.peer) == Array(peers.map(\.address).dropFirst()))
                let forked = report.comparisons[0]
                #expect(forked.heights == [100, 200, 300])
                #expect(forked.disagreements == [200, 300].map {
                    Disagreement(peer: peers[1].address, height: $0, ours: Self.chain.id(at: $0), theirs: fork.id(at: $0))
                })
                #expect(forked.description.hasPrefix("peer \(peers[1].address) disagrees at height 200: ours \(Self.chain.id(at: 200).hex), theirs"))
                #expect(forked.aheadAt == nil)

                let ahead = report.comparisons[1]
                #expect(ahead.disagreements.isEmpty && ahead.aheadAt == 320)
                #expect(ahead.description == "peer \(peers[2].address) is ahead of us: it is at height 320, we are at 300")

                let behind = report.comparisons[2]
                #expect(behind.disagreements.map(\.height) == [300] && behind.disagreements[0].theirs == nil)
                #expect(report.disagreements.count == 3)
            }
        }
    }

    @Test("LIGHT-AUDIT: the audit fetches full blocks and reports payloads that do not match their header or carry bad signatures")
    func audit() async throws {
        let sender = SigningKey.generate()
        let body = TrustTransfer(from: sender.publicKey, to: TestChain.proposer.publicKey, amount: 5, nonce: 1)
        let forged = Payload(transfers: [Signed(body, signature: TestChain.otherProposer.sign(body.id(chain: TestChain(length: 0).chainId)))])
        let genuine = Payload(transfers: [SignedTransfer.sign(body, with: sender, chain: TestChain(length: 0).chainId)])
        let chain = TestChain(length: 30, payloads: [5: genuine, 20: forged])
        var script = FakePeerScript(chain: chain)
        script.servedPayloads = [10: genuine]
        script.missingBlocks = [25]
        try await withSync { sync in
            try await FakePeer.with(script) { peer in
                let report = try await sync.sync(peers: [peer.address], chainId: chain.chainId, audit: 100)
                let audit = try #require(report.audit)
                #expect(audit.heights == Array(1...30))
                #expect(audit.failures.map(\.height) == [10, 20, 25])
                #expect(audit.failures[0].problem.hasPrefix("the payload hashes to"))
                #expect(audit.failures[1].problem.hasPrefix("transfer 0 ("))
                #expect(audit.failures[1].problem.hasSuffix("has an invalid signature"))
                #expect(audit.failures[2].description == "audit: block 25: peer \(peer.address) does not have it")
            }
        }
    }

    @Test("10 000 headers sync over TCP in batches of 2000, cross-checked, and load again from the store")
    func tenThousand() async throws {
        let chain = LongChain.chain
        try await withSync(batchSize: Message.maxHeaders, checkpointInterval: 1000) { sync in
            let clock = ContinuousClock()
            try await FakePeer.with([FakePeerScript(chain: chain), FakePeerScript(chain: chain)]) { peers in
                let start = clock.now
                let report = try await sync.sync(peers: peers.map(\.address), chainId: chain.chainId)
                let elapsed = clock.now - start
                print("synced, verified and cross-checked 10 000 headers in \(elapsed)")
                #expect(report.tip.height == 10_000)
                #expect(report.comparisons.first?.agrees == true)
                #expect(report.comparisons.first?.heights.count == 10)
            }
            let start = clock.now
            let store = try stored(sync, chain: chain)
            let elapsed = clock.now - start
            print("loaded 10 000 stored headers in \(elapsed)")
            #expect(store.tip?.id == chain.id(at: 10_000))
        }
    }
}
