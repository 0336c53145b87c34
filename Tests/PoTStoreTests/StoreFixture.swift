import Foundation
import GitKit
import PoTCore
import PoTStore

/// A chain in a temporary repository, driven through the store API.
struct StoreFixture {
    let directory: String
    let store: ChainStore
    let keys: [String: SigningKey]

    init(confirmations: UInt64 = 2, balances: [(String, UInt64)] = [("alice", 10_000), ("bob", 5_000), ("carol", 5_000)]) throws {
        directory = NSTemporaryDirectory() + "pot-store-\(UUID().uuidString.prefix(8))"
        var keys: [String: SigningKey] = [:]
        for (i, (label, _)) in balances.enumerated() { keys[label] = try SigningKey(seed: [UInt8](repeating: UInt8(i + 1), count: 32)) }
        self.keys = keys
        let params = try ChainParams(confirmations: confirmations, alpha: 1000,
                                     initialAccounts: balances.map { .init(key: keys[$0.0]!.publicKey, balance: $0.1) },
                                     createdAt: 1_700_000_000)
        store = try ChainStore.initialize(at: directory, params: params)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    func key(_ label: String) -> SigningKey { keys[label]! }

    @discardableResult
    func propose(_ label: String, at time: UInt64, canonical: Bool = false) throws -> StoredBlock {
        try store.propose(as: key(label), merges: [], timestamp: time, now: time, canonical: canonical).block
    }

    /// Stores an empty block by `label` at `height` on `parent` (block commit `parentCommit`); main stays where it is.
    @discardableResult
    func writeEmptyBlock(_ label: String, height: UInt64, parent: Hash256, parentCommit: GitOID, at time: UInt64) throws -> StoredBlock {
        let header = try BlockHeader(height: height, parent: parent, proposer: key(label).publicKey, timestamp: time,
                                     tree: GitRepository.emptyTree.bytes, codeCommits: [], payloadRoot: Payload().root(chain: store.chainId))
        return try store.writeBlock(SignedHeader.sign(header, with: key(label), chain: store.chainId), payload: Payload(), parentCommit: parentCommit)
    }

    func vote(_ label: String, height: UInt64, _ candidates: [Hash256], _ ppm: [UInt64]) throws {
        let vote = try Vote(voter: key(label).publicKey, height: height, candidates: candidates, probsPpm: ppm)
        try store.addVote(SignedVote.sign(vote, with: key(label), chain: store.chainId))
    }
}
