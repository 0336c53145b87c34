import Foundation
import PoTCore
import PoTStore
import PoTTestSupport
import Testing

@Suite("Light client against a daemon", .serialized)
struct LightSyncDaemonTests {
    /// A chain of `blocks` empty blocks written straight through the store, main moved once.
    static func buildChain(at directory: String, blocks: Int) throws -> (ChainStore, Hash256) {
        let proposer = try SigningKey(seed: [UInt8](repeating: 11, count: 32))
        let params = try ChainParams(confirmations: 2, alpha: 1000, initialAccounts: [.init(key: proposer.publicKey, balance: 1000)],
                                     createdAt: 1_700_000_000)
        let store = try ChainStore.initialize(at: directory, params: params)
        let tree = try store.git.readCommit(store.genesisCommit).tree
        let root = Payload().root(chain: store.chainId)
        var parent = store.chainId
        var commit = store.genesisCommit
        for height in 1...UInt64(blocks) {
            let header = try BlockHeader(height: height, parent: parent, proposer: proposer.publicKey, timestamp: 1_700_000_000 + height,
                                         tree: tree.bytes, codeCommits: [], payloadRoot: root)
            let stored = try store.writeBlock(SignedHeader.sign(header, with: proposer, chain: store.chainId), payload: Payload(), parentCommit: commit)
            parent = stored.id
            commit = stored.commit
        }
        try store.git.setReference(ChainLayout.main, to: commit, expecting: .some(store.genesisCommit), message: "test chain")
        return (store, parent)
    }

    @Test("LIGHT-RESUME: pot-light verifies the 10 000 headers a daemon serves, and resumes after being killed mid-sync")
    func tenThousandHeaders() throws {
        let root = TestEnvironment.temporaryDirectory("pot-light-daemon")
        defer { TestEnvironment.remove(root) }
        let started = Date()
        let (store, tip) = try Self.buildChain(at: root + "/node", blocks: 10_000)
        print("light: built a 10 000-block chain in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        let daemon = try Daemon(repo: root + "/node")
        defer { daemon.stop() }
        let light = TestEnvironment.binDirectory + "/pot-light"
        let arguments = ["sync", "--peer", daemon.address, "--chain-id", store.chainId.hex, "--dir", root + "/light", "--json"]

        // First attempt, killed while it downloads.
        let first = Process()
        first.executableURL = URL(fileURLWithPath: light)
        first.arguments = arguments
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        let stored = root + "/light/headers"
        _ = eventually(20) { ((try? FileManager.default.attributesOfItem(atPath: stored)[.size] as? Int) ?? 0) > 0 }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()

        let syncStarted = Date()
        let second = try Run.process(light, arguments, in: root, environment: [:])
        let seconds = Date().timeIntervalSince(syncStarted)
        #expect(second.status == 0, "\(second.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(report["height"] as? Int == 10_000)
        #expect(report["tip_id"] as? String == tip.hex)
        let resumedFrom = report["start_height"] as? Int ?? -1
        print("light: resumed from height \(resumedFrom), verified the rest in \(String(format: "%.2f", seconds)) s")
        #expect(resumedFrom > 0 && resumedFrom < 10_000, "the second sync did not resume: \(second.stdout.prefix(400))")

        let status = try Run.process(light, ["status", "--dir", root + "/light", "--json"], in: root, environment: [:])
        #expect(status.stdout.contains(tip.hex))
    }
}
