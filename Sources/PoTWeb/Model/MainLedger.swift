import GitKit
import PoTCore
import PoTStore

/// What `main` says: every block on it with its effects, the states after its most recent
/// blocks, and each account's history. It follows `main` block by block (see `follow`), so each
/// part can take a block on or give the last one back.
struct MainLedger: Sendable {
    let chainId: Hash256
    let genesisCommit: GitOID
    let genesis: ChainState
    private(set) var mainCommit: GitOID
    private(set) var tip: ChainState
    /// Blocks on main, index h − 1 for height h.
    private(set) var applied: [AppliedBlock] = []
    /// The state after each of the last `retainedHeights` heights (0: genesis).
    private(set) var statesAfter: [UInt64: ChainState]
    private(set) var history: [PublicKey: [BalancePoint]] = [:]
    /// The keys whose balance each block changed, index h − 1 for height h.
    private var balanceChanges: [[PublicKey]] = []
    private(set) var includedVotes: [Hash256: (vote: Vote, height: UInt64, block: Hash256)] = [:]
    /// Votes the chain included, by the height they are for.
    private(set) var votesForHeight: [UInt64: [Hash256]] = [:]
    private(set) var includedTransfers: [KnownTransfer] = []
    private(set) var penalties: [AccountPenalty] = []

    /// The ledger of a chain holding only its genesis.
    init(store: ChainStore) {
        chainId = store.chainId
        genesisCommit = store.genesisCommit
        genesis = store.genesisState
        mainCommit = store.genesisCommit
        tip = store.genesisState
        statesAfter = [0: store.genesisState]
        for (key, account) in genesis.accounts { history[key] = [BalancePoint(height: 0, balance: account.balance)] }
    }

    /// How many heights below the tip keep their state: enough for the open heights of a main
    /// that `pot advance` reorganised (it never goes below the finalized height).
    var retainedHeights: UInt64 { 2 * genesis.confirmations + 2 }

    /// The state the block at `height` is applied to, for the heights that are still open
    /// (finalized + 1 ... tip + 1).
    func stateBefore(_ height: UInt64) -> ChainState? {
        guard height > tip.finalizedHeight, height <= tip.height + 1 else { return nil }
        return statesAfter[height - 1]
    }

    func commit(at height: UInt64) -> GitOID {
        height == 0 ? genesisCommit : applied[Int(height - 1)].block.commit
    }

    func mainBlock(at height: UInt64) -> StoredBlock? {
        guard height >= 1, height <= UInt64(applied.count) else { return nil }
        return applied[Int(height - 1)].block
    }

    func finalization(at height: UInt64) -> FinalizedHeight? {
        let above = height + tip.confirmations
        guard above <= UInt64(applied.count) else { return nil }
        return applied[Int(above - 1)].effects.finalized
    }

    /// Takes on a block the store has just verified on top of `tip`.
    mutating func append(_ entry: AppliedBlock) throws {
        let block = entry.block
        let before = tip.accounts
        (tip, _) = try StateTransition.apply(block.signed, payload: block.payload, to: tip, signatures: Preverified())
        var changed: [PublicKey] = []
        for (key, account) in tip.accounts where before[key]?.balance != account.balance {
            history[key, default: [BalancePoint(height: 0, balance: 0)]].append(BalancePoint(height: block.height, balance: account.balance))
            changed.append(key)
        }
        balanceChanges.append(changed)
        for signed in block.payload.votes {
            let id = signed.id(chain: chainId)
            includedVotes[id] = (signed.vote, block.height, block.id)
            votesForHeight[signed.vote.height, default: []].append(id)
        }
        for signed in block.payload.transfers {
            includedTransfers.append(KnownTransfer(transfer: signed.transfer, id: signed.id(chain: chainId), includedIn: (block.height, block.id)))
        }
        penalties += entry.effects.penalties.map { AccountPenalty(penalty: $0, blockHeight: block.height) }
        applied.append(entry)
        mainCommit = block.commit
        statesAfter[tip.height] = tip
        if tip.height > retainedHeights { statesAfter[tip.height - retainedHeights - 1] = nil }
    }

    /// Gives back the last block; false (and nothing changed) when the state below it is no
    /// longer retained.
    mutating func removeLast() -> Bool {
        guard let entry = applied.last, let below = statesAfter[tip.height - 1] else { return false }
        let block = entry.block
        for key in balanceChanges.removeLast() {
            history[key]!.removeLast()
            if history[key]!.count == 1 && genesis.accounts[key] == nil { history[key] = nil }
        }
        for signed in block.payload.votes.reversed() {
            includedVotes[signed.id(chain: chainId)] = nil
            votesForHeight[signed.vote.height]!.removeLast()
            if votesForHeight[signed.vote.height]!.isEmpty { votesForHeight[signed.vote.height] = nil }
        }
        includedTransfers.removeLast(block.payload.transfers.count)
        penalties.removeLast(entry.effects.penalties.count)
        applied.removeLast()
        statesAfter[tip.height] = nil
        tip = below
        mainCommit = commit(at: tip.height)
        return true
    }
}

/// The blocks a ledger takes on were verified by the store's replay a moment before; checking
/// their signatures a second time would change nothing.
private struct Preverified: SignatureChecker {
    func isValid<Body: SignableBody>(_ signed: Signed<Body>, chain: Hash256) -> Bool { true }
}
