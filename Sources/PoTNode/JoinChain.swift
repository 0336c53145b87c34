import Foundation
import Logging
import PoTCore
import PoTLight
import PoTNet
import PoTStore

/// Opens the chain of a repository, or — when it holds none and a chain id is given — creates
/// it from the genesis parameters a peer serves, after checking they hash to that id.
public enum JoinChain {
    /// Opens or joins; joining retries as `policy` says and throws `CancellationError` when the
    /// task is cancelled meanwhile (the repository is then left as it was).
    public static func openOrJoin(repo: String, chainId: String?, peers: [PeerAddress], policy: JoinPolicy = JoinPolicy(),
                                  logger: Logger) async throws -> ChainStore {
        let expected = try chainId.map { text -> Hash256 in
            guard let id = Hash256(hex: text) else { throw NodeError("--chain-id must be 64 hexadecimal digits") }
            return id
        }
        let store: ChainStore
        do { store = try ChainStore.open(at: repo) } catch {
            guard let expected else { throw NodeError("\(error); to join a chain from --peers, give --chain-id") }
            return try await join(repo: repo, chain: expected, peers: peers, policy: policy, logger: logger)
        }
        if let expected, store.chainId != expected {
            throw NodeError("the repository holds chain \(store.chainId.hex), not \(expected.hex)")
        }
        return store
    }

    static func join(repo: String, chain expected: Hash256, peers: [PeerAddress], policy: JoinPolicy,
                     logger: Logger) async throws -> ChainStore {
        guard !peers.isEmpty else { throw NodeError("joining chain \(expected.short) needs at least one peer in --peers") }
        var lastFailure = ""
        for attempt in 1...max(policy.attempts, 1) {
            let peer = peers[(attempt - 1) % peers.count]
            let params: ChainParams
            do {
                params = try await fetchGenesis(from: peer, chain: expected)
            } catch {
                try Task.checkCancellation()
                lastFailure = "\(peer): \(error)"
                let pause = policy.pause(after: attempt, peers: peers.count)
                let next = attempt < policy.attempts ? "next attempt in \(pause.components.seconds) s" : "giving up"
                logger.warning("joining chain \(expected.short): attempt \(attempt) of \(policy.attempts) at \(peer) failed: \(error); \(next)")
                if attempt < policy.attempts { try await Task.sleep(for: pause) }
                continue
            }
            try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
            let store = try ChainStore.initialize(at: repo, params: params)
            logger.info("joined chain", metadata: ["chain": "\(expected.hex)", "from": "\(peer)", "attempt": "\(attempt)"])
            return store
        }
        throw NodeError("no peer gave the genesis of chain \(expected.short) in \(policy.attempts) attempts; last: \(lastFailure)")
    }

    static func fetchGenesis(from peer: PeerAddress, chain: Hash256) async throws -> ChainParams {
        let client = try await PeerClient.connect(host: peer.host, port: peer.port, chainId: chain,
                                                  identity: SigningKey.generate(), timeout: .seconds(5))
        let reply: Message
        do { reply = try await client.request(.getGenesis, timeout: .seconds(5)) } catch {
            await client.close()
            throw error
        }
        await client.close()
        guard case .genesis(let bytes) = reply else {
            throw NodeError("the peer did not answer with genesis parameters")
        }
        let params = try ChainParams(bytes: bytes)
        guard params.chainId == chain else {
            throw NodeError("the peer's genesis parameters hash to \(params.chainId.short), not \(chain.short)")
        }
        return params
    }
}
