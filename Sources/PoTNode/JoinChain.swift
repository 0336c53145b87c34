import Foundation
import Logging
import PoTCore
import PoTLight
import PoTNet
import PoTStore

/// Opens the chain of a repository, or — when it holds none and a chain id is given — creates
/// it from the genesis parameters a peer serves, after checking they hash to that id.
public enum JoinChain {
    public static func openOrJoin(repo: String, chainId: String?, peers: [PeerAddress], logger: Logger) async throws -> ChainStore {
        let expected = try chainId.map { text -> Hash256 in
            guard let id = Hash256(hex: text) else { throw NodeError("--chain-id must be 64 hexadecimal digits") }
            return id
        }
        if let store = try? ChainStore.open(at: repo) {
            if let expected, store.chainId != expected {
                throw NodeError("the repository holds chain \(store.chainId.hex), not \(expected.hex)")
            }
            return store
        }
        guard let expected else {
            _ = try ChainStore.open(at: repo)  // rethrows the reason the repository cannot be opened
            throw NodeError("\(repo) holds no chain; give --chain-id to join one from --peers")
        }
        guard !peers.isEmpty else { throw NodeError("joining chain \(expected.short) needs at least one peer in --peers") }
        var reasons: [String] = []
        for peer in peers {
            do {
                let params = try await fetchGenesis(from: peer, chain: expected)
                try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
                let store = try ChainStore.initialize(at: repo, params: params)
                logger.info("joined chain", metadata: ["chain": "\(expected.hex)", "from": "\(peer)"])
                return store
            } catch {
                reasons.append("\(peer): \(error)")
            }
        }
        throw NodeError("no peer gave the genesis of chain \(expected.short): \(reasons.joined(separator: "; "))")
    }

    static func fetchGenesis(from peer: PeerAddress, chain: Hash256) async throws -> ChainParams {
        let client = try await PeerClient.connect(host: peer.host, port: peer.port, chainId: chain,
                                                  identity: SigningKey.generate(), timeout: .seconds(5))
        defer { Task { await client.close() } }
        guard case .genesis(let bytes) = try await client.request(.getGenesis, timeout: .seconds(5)) else {
            throw NodeError("the peer did not answer with genesis parameters")
        }
        let params = try ChainParams(bytes: bytes)
        guard params.chainId == chain else {
            throw NodeError("the peer's genesis parameters hash to \(params.chainId.short), not \(chain.short)")
        }
        return params
    }
}
