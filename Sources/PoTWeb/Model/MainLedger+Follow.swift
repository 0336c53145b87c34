import GitKit
import PoTStore

extension MainLedger {
    /// Moves the ledger to the main commit `newMain`. Blocks above the newest retained state that
    /// `newMain` still holds are given back, then the store replays only the blocks above it
    /// (every signature and commit checked). A reorganisation below every retained state starts
    /// over from genesis. Returns how many blocks the store replayed.
    @discardableResult
    mutating func follow(_ store: ChainStore, to newMain: GitOID) throws -> Int {
        guard newMain != mainCommit else { return 0 }
        var retained: [GitOID: UInt64] = [:]
        for height in statesAfter.keys { retained[commit(at: height)] = height }
        let walk = try store.mainLinks(from: newMain, stop: { retained[$0] != nil })
        let base = walk.reachedGenesis ? 0 : walk.links.first.map { $0.height - 1 } ?? retained[newMain] ?? 0
        if walk.reachedGenesis && retained[genesisCommit] == nil { self = MainLedger(store: store) }
        while tip.height > base {
            guard removeLast() else { self = MainLedger(store: store); break }
        }
        guard let (_, blocks) = try store.replay(from: tip, commit: mainCommit, to: newMain) else {
            throw StoreError("main at \(newMain.hex) does not lead back to block commit \(mainCommit.hex)")
        }
        for block in blocks { try append(block) }
        // Main moved back below the retained states (plain git can do that): the open heights
        // need states this ledger gave away.
        let open = tip.finalizedHeight...tip.height
        if !open.allSatisfy({ statesAfter[$0] != nil }) {
            self = MainLedger(store: store)
            return try follow(store, to: newMain)
        }
        return blocks.count
    }
}
