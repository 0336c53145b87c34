import Foundation
import PoTCore
import PoTNet
import PoTNode
import PoTStore
import PoTTestSupport

/// A gossip node over its own git repository, driven by the simulation.
final class HonestNode: SimEndpoint {
    let address: String
    let store: ChainStore
    /// The repository as local commands see it: a second store on the same directory.
    let cli: ChainStore
    let backend: StoreBackend
    let node: GossipNode
    let directory: String

    init(address: String, directory: String, params: ChainParams, seed: UInt64, config: NodeConfig) throws {
        self.address = address
        self.directory = directory
        store = try ChainStore.initialize(at: directory, params: params)
        // Local commands write to the journal while a node runs, as with the daemon.
        try FileManager.default.createDirectory(atPath: store.potDirectory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: Journal.nodeMarker(in: store.potDirectory), contents: Data("sim".utf8))
        backend = try StoreBackend(store: store)
        cli = try ChainStore.open(at: directory)
        var config = config
        config.listenAddress = address
        node = GossipNode(config: config, identity: try SigningKey(seed: Self.seedBytes(seed)),
                          backend: backend, random: SplitMix64(seed: seed))
    }

    static func seedBytes(_ seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed ^ 0xA5A5)
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    func connected(_ end: PeerID, remote: String?, outbound: Bool, now: UInt64) -> [SimAction] {
        node.peerConnected(end, address: remote, outbound: outbound, now: now).simActions
    }
    func dialFailed(_ address: String) { node.dialFailed(address) }
    func received(_ bytes: [UInt8], on end: PeerID, now: UInt64) -> [SimAction] {
        node.received(bytes, from: end, now: now).simActions
    }
    func disconnected(_ end: PeerID, now: UInt64) { node.peerDisconnected(end, now: now) }
    func tick(now: UInt64) -> [SimAction] {
        let fresh = backend.absorbJournal()
        return (node.announceStored(fresh, now: now) + node.tick(now: now)).simActions
    }

    var mainCommit: String { (try? store.mainCommit().hex) ?? "?" }
}
