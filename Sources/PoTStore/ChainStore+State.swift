import GitKit
import PoTCore

/// A block of main applied during a replay, with what it changed.
public struct AppliedBlock: Sendable {
    public let block: StoredBlock
    public let effects: BlockEffects
}

extension ChainStore {
    /// The state at the tip of `main`, from the cache when it is current, otherwise rebuilt from
    /// the cached finalized state or from genesis (and cached again).
    public func currentState() throws -> ChainState {
        try currentStates().tip
    }

    /// The states at the tip of main and at its finalized height.
    public func currentStates() throws -> CachedStates {
        let main = try mainCommit()
        let cached = readCache()
        if let cached, cached.tipCommit == main { return cached }
        var walk = try mainLinks(from: main, stop: { cached != nil && $0 == cached!.finalCommit })
        var base: (ChainState, GitOID) = walk.reachedGenesis || cached == nil
            ? (genesisState, genesisCommit) : (cached!.final, cached!.finalCommit)
        // main moved below the cached finalized height (only plain git can do that): start over.
        let tipHeight = walk.links.last?.height ?? base.0.height
        if base.0.height > (tipHeight > params.confirmations ? tipHeight - params.confirmations : 0) {
            walk = try mainLinks(from: main)
            base = (genesisState, genesisCommit)
        }
        let replayed = try replay(walk.links, from: base.0, baseCommit: base.1, collect: false)
        guard let final = replayed.final else { throw StoreError("internal: the finalized state was not reached during replay") }
        let states = CachedStates(tipCommit: replayed.tipCommit, tip: replayed.tip, finalCommit: final.commit, final: final.state)
        writeCache(states)
        return states
    }

    /// Applies the main blocks `links` on top of `state` (whose block commit is `baseCommit`).
    /// Signatures of each batch are verified on all cores first. `final` is the state at the
    /// finalized height of the result when the replay passed it (or started there).
    func replay(_ links: [MainLink], from state: ChainState, baseCommit: GitOID, collect: Bool,
                strictCommits: Bool = false, progress: ((UInt64) -> Void)? = nil) throws -> ReplayResult {
        var state = state
        var parentCommit = baseCommit
        let finalHeight = (links.last?.height ?? state.height) > params.confirmations
            ? (links.last?.height ?? state.height) - params.confirmations : 0
        var final = state.height == finalHeight ? (state, baseCommit) : nil
        var applied: [AppliedBlock] = []
        // Pipeline: while one batch's signatures are verified on every core, the next batch is
        // loaded and the previous one applied.
        let batchSize = 128
        let batches = stride(from: 0, to: links.count, by: batchSize).map { Array(links[$0..<min($0 + batchSize, links.count)]) }
        var next: (blocks: [StoredBlock], failure: (any Error)?) = batches.first.map(loadBatch) ?? ([], nil)
        var nextVerification = SignatureBatch.Pending(blocks: next.blocks, chain: chainId)
        for (index, batch) in batches.enumerated() {
            let (blocks, loadFailure) = next
            let verification = nextVerification
            if index + 1 < batches.count && loadFailure == nil {
                next = loadBatch(batches[index + 1])
            }
            let check = verification.wait()
            if index + 1 < batches.count && loadFailure == nil {
                nextVerification = SignatureBatch.Pending(blocks: next.blocks, chain: chainId)
            }
            for (link, block) in zip(batch, blocks) {
                if strictCommits {
                    let rebuilt = try blockCommit(for: block.header, parentCommit: parentCommit)
                    guard rebuilt == link.commit else {
                        throw StoreError("block commit \(link.commit.hex) at height \(link.height) is not the commit its header describes (expected \(rebuilt.hex))")
                    }
                }
                try checkCommit(block, onMainAs: link.commit, parentCommit: parentCommit)
                let effects: BlockEffects
                do {
                    (state, effects) = try StateTransition.apply(block.signed, payload: block.payload, to: state, signatures: check)
                } catch let rejection as BlockRejection where rejection.rule == .payloadRoot {
                    throw StoreError(block.payloadMismatch)
                } catch let rejection as BlockRejection {
                    throw StoreError("block \(block.id.hex) at height \(link.height) is invalid: \(rejection)")
                }
                if collect { applied.append(AppliedBlock(block: block, effects: effects)) }
                parentCommit = link.commit
                if state.height == finalHeight { final = (state, link.commit) }
                progress?(link.height)
            }
            // The blocks before one that does not load are applied first, so a replay's progress
            // tells exactly which block stopped it.
            if let loadFailure { throw loadFailure }
        }
        return ReplayResult(tip: state, tipCommit: parentCommit, final: final.map { (state: $0.0, commit: $0.1) }, applied: applied)
    }

    /// Loads a batch's blocks up to the first that cannot be loaded, and that block's error.
    private func loadBatch(_ links: [MainLink]) -> (blocks: [StoredBlock], failure: (any Error)?) {
        var blocks: [StoredBlock] = []
        for link in links {
            do { blocks.append(try loadBlock(height: link.height, id: link.id)) } catch { return (blocks, error) }
        }
        return (blocks, nil)
    }

    /// Replays main from genesis, returning every block with its effects (for reports and verify).
    public func replayFromGenesis(strictCommits: Bool = false, progress: ((UInt64) -> Void)? = nil) throws -> (state: ChainState, applied: [AppliedBlock]) {
        let walk = try mainLinks(from: try mainCommit())
        guard walk.reachedGenesis else { throw StoreError("main does not lead back to the genesis commit") }
        let result = try replay(walk.links, from: genesisState, baseCommit: genesisCommit, collect: true,
                                strictCommits: strictCommits, progress: progress)
        return (result.tip, result.applied)
    }

    /// Follows `main` from a state already known: applies the blocks of `newMain` above `commit`
    /// to `state` (the state at block commit `commit`), checking each block as every replay does
    /// (its commit against its header, every signature), and returns the state at `newMain` with
    /// the applied blocks in height order. Nil when `newMain` does not descend from `commit` by
    /// first parents: main was reorganised below it, and the caller starts from an older state.
    public func replay(from state: ChainState, commit: GitOID, to newMain: GitOID) throws -> (state: ChainState, applied: [AppliedBlock])? {
        let walk = try mainLinks(from: newMain, stop: { $0 == commit })
        if walk.reachedGenesis && commit != genesisCommit { return nil }
        if let first = walk.links.first, first.height != state.height + 1 {
            throw StoreError("block commit \(first.commit.hex) has height \(first.height), expected \(state.height + 1) above \(commit.hex)")
        }
        let result = try replay(walk.links, from: state, baseCommit: commit, collect: true)
        return (result.tip, result.applied)
    }
}

/// What a replay reached: the tip, the finalized state if the replay passed it, and the applied
/// blocks when they were collected.
struct ReplayResult {
    let tip: ChainState
    let tipCommit: GitOID
    let final: (state: ChainState, commit: GitOID)?
    let applied: [AppliedBlock]
}

extension ChainStore {
    /// The commit main had when the cached state was computed, and that state.
    public func tipCommitAndState() throws -> (commit: GitOID, state: ChainState) {
        let states = try currentStates()
        return (states.tipCommit, states.tip)
    }
}
