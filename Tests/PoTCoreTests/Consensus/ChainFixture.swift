import Testing
@testable import PoTCore
import PoTModules

/// Deterministic keys, genesis parameters, signed blocks, votes and transfers for consensus tests.
enum Fx {
    static func key(_ i: UInt8) -> SigningKey { try! SigningKey(seed: [UInt8](repeating: i, count: 32)) }

    static let alice = key(1)
    static let bob = key(2)
    static let carol = key(3)
    /// Not in any genesis built here.
    static let dave = key(4)
    static let erin = key(5)

    static let zeroTree = [UInt8](repeating: 0, count: 20)
    static let createdAt: UInt64 = 1_000

    /// A hash made of one repeated byte, for candidates that are not real blocks.
    static func hash(_ b: UInt8) -> Hash256 { Hash256(bytes: [UInt8](repeating: b, count: 32))! }

    /// The seed example's genesis: alice 10 000, bob 5 000, carol 5 000 mT.
    static func params(k: UInt64 = 2, alpha: UInt64 = 1000,
                       balances: [(SigningKey, UInt64)] = [(alice, 10_000), (bob, 5_000), (carol, 5_000)],
                       createdAt: UInt64 = Fx.createdAt, note: String = "") -> ChainParams {
        try! ChainParams(confirmations: k, alpha: alpha,
                         initialAccounts: balances.map { .init(key: $0.0.publicKey, balance: $0.1) },
                         createdAt: createdAt, note: note)
    }

    static func genesis(k: UInt64 = 2, alpha: UInt64 = 1000,
                        balances: [(SigningKey, UInt64)] = [(alice, 10_000), (bob, 5_000), (carol, 5_000)]) -> ChainState {
        ChainState(genesis: params(k: k, alpha: alpha, balances: balances))
    }

    /// A signed header on top of `state` (defaults: next height, tip as parent, one second after the tip,
    /// proposer alice, zero tree, payload root of `payload` on this chain).
    static func header(on state: ChainState, payload: Payload = Payload(), proposer: SigningKey = alice,
                       signer: SigningKey? = nil, height: UInt64? = nil, parent: Hash256? = nil,
                       timestamp: UInt64? = nil, codeCommits: [[UInt8]] = [], payloadRoot: Hash256? = nil,
                       chain: Hash256? = nil) -> SignedHeader {
        let h = try! BlockHeader(
            height: height ?? state.height + 1, parent: parent ?? state.tip, proposer: proposer.publicKey,
            timestamp: timestamp ?? state.tipTimestamp + 1, tree: zeroTree, codeCommits: codeCommits,
            payloadRoot: payloadRoot ?? payload.root(chain: state.chainId))
        return SignedHeader.sign(h, with: signer ?? proposer, chain: chain ?? state.chainId)
    }

    static func vote(_ key: SigningKey, height: UInt64, _ candidates: [Hash256], _ probs: [UInt64],
                     chain: Hash256, signer: SigningKey? = nil) -> SignedVote {
        let v = try! Vote(voter: key.publicKey, height: height, candidates: candidates, probsPpm: probs)
        return SignedVote.sign(v, with: signer ?? key, chain: chain)
    }

    static func transfer(_ from: SigningKey, to: SigningKey, amount: UInt64, nonce: UInt64, memo: String = "",
                         chain: Hash256, signer: SigningKey? = nil) -> SignedTransfer {
        let t = TrustTransfer(from: from.publicKey, to: to.publicKey, amount: amount, nonce: nonce, memo: memo)
        return SignedTransfer.sign(t, with: signer ?? from, chain: chain)
    }

    /// Applies a block built with `header(on:)` and returns the new state and effects.
    @discardableResult
    static func apply(_ state: inout ChainState, payload: Payload = Payload(), proposer: SigningKey = alice,
                      timestamp: UInt64? = nil) throws -> BlockEffects {
        let signed = header(on: state, payload: payload, proposer: proposer, timestamp: timestamp)
        let (next, effects) = try StateTransition.apply(signed, payload: payload, to: state)
        state = next
        return effects
    }

    /// The rule a block breaks, or nil if it applies.
    static func rejection(_ signed: SignedHeader, _ payload: Payload = Payload(), on state: ChainState) -> BlockRejection.Rule? {
        do {
            _ = try StateTransition.apply(signed, payload: payload, to: state)
            return nil
        } catch let r as BlockRejection {
            return r.rule
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// The rule a block with this payload on top of `state` breaks (header otherwise valid), or nil.
    static func rejection(of payload: Payload, on state: ChainState) -> BlockRejection.Rule? {
        rejection(header(on: state, payload: payload), payload, on: state)
    }

    static func balance(_ state: ChainState, _ key: SigningKey) -> UInt64? { state.accounts[key.publicKey]?.balance }
}
