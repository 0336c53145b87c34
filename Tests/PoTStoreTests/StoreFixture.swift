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

    func vote(_ label: String, height: UInt64, _ candidates: [Hash256], _ ppm: [UInt64]) throws {
        let vote = try Vote(voter: key(label).publicKey, height: height, candidates: candidates, probsPpm: ppm)
        try store.addVote(SignedVote.sign(vote, with: key(label), chain: store.chainId))
    }
}
