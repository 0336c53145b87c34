import GitKit
import PoTCore
import PoTStore

/// What `main` says, computed once per main commit: every block on it with its effects, the
/// states before the heights that are still open, and each account's history.
struct MainLedger: Sendable {
    let mainCommit: GitOID
    let tip: ChainState
    /// Blocks on main, index h − 1 for height h.
    let applied: [AppliedBlock]
    /// The state each open height (finalized + 1 ... tip + 1) is applied to.
    let statesBefore: [UInt64: ChainState]
    let history: [PublicKey: [BalancePoint]]
    let includedVotes: [Hash256: (vote: Vote, height: UInt64, block: Hash256)]
    /// Votes the chain included, by the height they are for.
    let votesForHeight: [UInt64: [Hash256]]
    let includedTransfers: [KnownTransfer]
    let penalties: [AccountPenalty]

    /// Replays `main` from genesis (every signature and commit checked by the store), then walks
    /// the verified blocks once more to record each account's balance after every block.
    static func build(_ store: ChainStore) throws -> MainLedger {
        let mainCommit = try store.mainCommit()
        let (tip, applied) = try store.replayFromGenesis()
        var state = store.genesisState
        var history: [PublicKey: [BalancePoint]] = [:]
        for (key, account) in state.accounts { history[key] = [BalancePoint(height: 0, balance: account.balance)] }
        var statesBefore: [UInt64: ChainState] = [:]
        var includedVotes: [Hash256: (vote: Vote, height: UInt64, block: Hash256)] = [:]
        var votesForHeight: [UInt64: [Hash256]] = [:]
        var transfers: [KnownTransfer] = []
        var penalties: [AccountPenalty] = []
        let openFrom = tip.finalizedHeight + 1
        let chain = store.chainId
        for entry in applied {
            let block = entry.block
            if block.height >= openFrom { statesBefore[block.height] = state }
            let before = state.accounts
            (state, _) = try StateTransition.apply(block.signed, payload: block.payload, to: state, signatures: Preverified())
            for (key, account) in state.accounts where before[key]?.balance != account.balance {
                history[key, default: [BalancePoint(height: 0, balance: 0)]].append(BalancePoint(height: block.height, balance: account.balance))
            }
            for signed in block.payload.votes {
                let id = signed.id(chain: chain)
                includedVotes[id] = (signed.vote, block.height, block.id)
                votesForHeight[signed.vote.height, default: []].append(id)
            }
            for signed in block.payload.transfers {
                transfers.append(KnownTransfer(transfer: signed.transfer, id: signed.id(chain: chain), includedIn: (block.height, block.id)))
            }
            penalties += entry.effects.penalties.map { AccountPenalty(penalty: $0, blockHeight: block.height) }
        }
        statesBefore[tip.height + 1] = tip
        return MainLedger(
            mainCommit: mainCommit, tip: tip, applied: applied, statesBefore: statesBefore, history: history,
            includedVotes: includedVotes, votesForHeight: votesForHeight, includedTransfers: transfers, penalties: penalties)
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
}

/// The blocks a ledger walks again were verified by the replay that produced them a moment
/// before; checking their signatures a second time would change nothing.
private struct Preverified: SignatureChecker {
    func isValid<Body: SignableBody>(_ signed: Signed<Body>, chain: Hash256) -> Bool { true }
}
