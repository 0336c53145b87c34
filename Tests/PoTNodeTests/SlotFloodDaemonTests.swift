import Foundation
import PoTCore
import PoTStore
import PoTTestSupport
import Testing

@Suite("A daemon flooded with idle connections", .serialized)
struct SlotFloodDaemonTests {
    /// A daemon serving a chain of `blocks` empty blocks, and 300 idle connections to it from
    /// loopback, reopened (32 at most every 50 ms) as the daemon closes them.
    static func floodedDaemon(at root: String, blocks: Int) throws -> (store: ChainStore, tip: Hash256, daemon: Daemon, flood: Flood) {
        let (store, tip) = try LightSyncDaemonTests.buildChain(at: root + "/node", blocks: blocks)
        let daemon = try Daemon(repo: root + "/node")
        let flood = try Flood(port: daemon.port, count: 300)
        flood.keepUp(perRound: 32, pause: 0.05)
        return (store, tip, daemon, flood)
    }

    @Test("NET-SLOTS: pot-light completes its sync while 300 idle connections from the same address flood the daemon")
    func lightSyncDuringFlood() throws {
        let root = TestEnvironment.temporaryDirectory("pot-flood")
        defer { TestEnvironment.remove(root) }
        let (store, tip, daemon, flood) = try Self.floodedDaemon(at: root, blocks: 300)
        defer { daemon.stop() }
        let started = Date()
        let light = try Run.process(TestEnvironment.binDirectory + "/pot-light",
                                    ["sync", "--peer", daemon.address, "--chain-id", store.chainId.hex, "--dir", root + "/light", "--json"],
                                    in: root, environment: [:])
        let seconds = Date().timeIntervalSince(started)
        let opened = flood.stop()
        #expect(light.status == 0, "\(light.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(light.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(report["height"] as? Int == 300)
        #expect(report["tip_id"] as? String == tip.hex)
        let evicted = daemon.log.components(separatedBy: "evicted:").count - 1
        print("flood: light sync of 300 headers took \(String(format: "%.2f", seconds)) s while \(opened) idle connections were opened; the daemon logged \(evicted) evictions")
        #expect(evicted > 0, "the flood never filled the handshake slots")
    }

    @Test("NET-SLOTS NET-SYNC-GENESIS: a node joins and syncs from a daemon that 300 idle connections from the same address flood")
    func joinDuringFlood() throws {
        let root = TestEnvironment.temporaryDirectory("pot-flood-join")
        defer { TestEnvironment.remove(root) }
        let (store, _, daemon, flood) = try Self.floodedDaemon(at: root, blocks: 50)
        defer { daemon.stop() }
        defer { _ = flood.stop() }
        let started = Date()
        let joiner = try Daemon(repo: root + "/joiner", peers: [daemon.address], chainId: store.chainId.hex)
        defer { joiner.stop() }
        let synced = eventually(60) { ((try? refs(in: root + "/joiner", under: "refs/pot/blocks").count) ?? 0) == 50 }
        let retries = joiner.log.components(separatedBy: "failed: ").count - 1
        print("flood: a node joined (\(retries) failed attempts first) and fetched 50 blocks in \(String(format: "%.2f", Date().timeIntervalSince(started))) s during the flood")
        #expect(synced, "\(joiner.log.suffix(2000))")
    }
}
