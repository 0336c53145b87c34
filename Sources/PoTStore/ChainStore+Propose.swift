import GitKit
import PoTCore
import PoTModules

public struct ProposalResult: Sendable {
    public let block: StoredBlock
    public let promoted: Bool
}

extension ChainStore {
    /// Builds, signs and stores a candidate block at the next height on top of `main`, merging
    /// `merges` into the tip's tree. With `canonical`, `main` moves to it, which is refused when
    /// another candidate already competes at that height.
    public func propose(as proposer: SigningKey, merges: [GitOID], timestamp: UInt64?, now: UInt64,
                        canonical: Bool) throws -> ProposalResult {
        let states = try currentStates()
        let state = states.tip
        let height = state.height + 1
        let stamp = timestamp ?? max(now, state.tipTimestamp + 1)
        guard stamp > state.tipTimestamp else {
            throw StoreError("timestamp \(stamp) is not after the tip's (\(state.tipTimestamp)); give a later --timestamp")
        }
        guard Set(merges).count == merges.count else { throw StoreError("the same commit is merged twice") }
        let tree = try mergedTree(onto: states.tipCommit, merging: merges)
        var problems: [String] = []
        let transfers = try pendingTransfers(problems: &problems).map(\.signed)
        var votes: [SignedVote] = []
        if let window = state.votableHeights(forBlockAt: height) {
            for h in window { votes += try pendingVotes(height: h, problems: &problems).map(\.signed) }
        }
        let pending = try pendingModuleSections(problems: &problems)
        let payload = PayloadSelection.select(forBlockAt: height, on: state, transfers: transfers, votes: votes, pending: pending)
        let header = try BlockHeader(
            height: height, parent: state.tip, proposer: proposer.publicKey, timestamp: stamp,
            tree: tree.bytes, codeCommits: merges.map(\.bytes), payloadRoot: payload.root(chain: chainId))
        let signed = SignedHeader.sign(header, with: proposer, chain: chainId)
        do { _ = try StateTransition.apply(signed, payload: payload, to: state) } catch {
            throw StoreError("the new block would be invalid: \(error)")
        }
        if canonical {
            let rivals = try blocks(at: height, problems: &problems).filter { $0.header.parent == state.tip && $0.id != signed.id(chain: chainId) }
            if let rival = rivals.first {
                throw StoreError("height \(height) already has candidate \(rival.id.short); vote on the candidates and run pot advance instead of --canonical")
            }
        }
        let block = try writeBlock(signed, payload: payload, parentCommit: states.tipCommit)
        if canonical {
            CrashPoint.reached("before-main")
            try git.setReference(ChainLayout.main, to: block.commit, expecting: .some(states.tipCommit), message: "pot propose --canonical")
            _ = try currentStates()
        }
        return ProposalResult(block: block, promoted: canonical)
    }

    /// The tree of `base` with each commit merged in turn (three-way, like git merge).
    func mergedTree(onto base: GitOID, merging merges: [GitOID]) throws -> GitOID {
        var current = base
        var tree = try git.readCommit(base).tree
        for merge in merges {
            guard try git.kind(of: merge) == .commit else {
                throw StoreError("\(merge.hex) is not a commit in this repository")
            }
            do { tree = try git.mergeCommits(ours: current, theirs: merge) } catch let conflict as GitMergeConflict {
                throw StoreError("merging \(merge.hex) conflicts in \(conflict.paths.joined(separator: ", ")); merge it on a branch first and propose that commit")
            }
            if merge != merges.last {
                current = try git.writeCommit(
                    tree: tree, parents: [current, merge],
                    author: ChainLayout.signature(time: 0), committer: ChainLayout.signature(time: 0),
                    message: "pot: intermediate merge\n")
            }
        }
        return tree
    }
}
