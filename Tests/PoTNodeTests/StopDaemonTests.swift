import Foundation
import PoTTestSupport
import Testing

@Suite("Stopping a daemon", .serialized)
struct StopDaemonTests {
    static let eventLoopComplaint = "Cannot schedule tasks on an EventLoop that has already shut down"

    @Test("NET-STOP: SIGTERM while a joining node syncs and takes new connections ends it cleanly, status 0, with no complaint from the event loops")
    func sigtermWhileSyncing() throws {
        let root = TestEnvironment.temporaryDirectory("pot-stop-sync")
        defer { TestEnvironment.remove(root) }
        let (store, _) = try LightSyncDaemonTests.buildChain(at: root + "/node", blocks: 600)
        let daemon = try Daemon(repo: root + "/node")
        defer { daemon.stop() }
        // The first round joins from an empty repository; each later one resumes the sync. A stop
        // races with the connections being accepted, so it is tried more than once.
        for round in 1...5 {
            let joiner = try Daemon(repo: root + "/joiner", peers: [daemon.address], chainId: store.chainId.hex)
            defer { joiner.stop() }
            let before = (try? refs(in: root + "/joiner", under: "refs/pot/blocks").count) ?? 0
            let syncing = eventually(60) { ((try? refs(in: root + "/joiner", under: "refs/pot/blocks").count) ?? 0) >= min(before + 20, 600) }
            #expect(syncing, "round \(round): the joiner did not sync: \(joiner.log.suffix(1500))")
            // New connections keep arriving while it stops: accepting them must not outlive the I/O threads.
            let flood = try Flood(port: joiner.port, count: 100)
            flood.keepUp(perRound: 100, pause: 0.002)
            Thread.sleep(forTimeInterval: 0.3)
            kill(joiner.process.processIdentifier, SIGTERM)
            let status = joiner.waitForExit()
            _ = flood.stop()
            // The daemon runs with SWIFTNIO_STRICT: work handed to a closed event loop crashes it, and the backtrace ends its log.
            #expect(status == 0, "round \(round): \(joiner.log.suffix(8000))")
            #expect(!joiner.log.contains(Self.eventLoopComplaint), "round \(round): \(joiner.log.suffix(8000))")
            #expect(joiner.log.contains("stopped"))
            #expect(!FileManager.default.fileExists(atPath: root + "/joiner/.git/pot/node.pid"))
        }
        #expect(try Run.pot(["verify"], in: root + "/joiner").status == 0)
    }

    @Test("NET-STOP NET-JOIN-RETRY: SIGTERM while a node waits to join ends it cleanly, status 0, and creates nothing")
    func sigtermWhileJoining() throws {
        let root = TestEnvironment.temporaryDirectory("pot-stop-join")
        defer { TestEnvironment.remove(root) }
        let joiner = try Daemon(repo: root + "/joiner", peers: ["127.0.0.1:\(RawSocket.freePort())"],
                                chainId: String(repeating: "cd", count: 32), waiting: false)
        defer { joiner.stop() }
        #expect(eventually(20) { joiner.log.contains("attempt 1 of") })
        kill(joiner.process.processIdentifier, SIGTERM)
        #expect(joiner.waitForExit() == 0, "\(joiner.log)")
        #expect(!joiner.log.contains(Self.eventLoopComplaint))
        #expect(!joiner.log.contains("Error:"))
        #expect(joiner.log.contains("stopped before the chain was joined"))
        #expect(!FileManager.default.fileExists(atPath: root + "/joiner"))
    }
}
