import GitKit
import PoTCore

/// What fork choice saw at one height.
public struct HeightDecision: Sendable {
    public let tally: HeightTally
    public let candidates: [StoredBlock]
    public let rejected: [(id: Hash256, reason: String)]
    public let chosen: StoredBlock
}

public struct ForkChoiceResult: Sendable {
    public let decisions: [HeightDecision]
    public let previousMain: GitOID
    public let newMain: GitOID
    public let state: ChainState
    public var moved: Bool { previousMain != newMain }
    /// True when the new main does not extend the old one.
    public let reorganized: Bool
    public let problems: [String]
}

extension ChainStore {
    /// Every vote this node knows for `height`: pending ones and those carried by stored blocks
    /// at the heights that may include them. Fork choice tallies exactly these.
    public func knownVotes(height: UInt64, blocksAt: (UInt64) throws -> [StoredBlock], problems: inout [String]) throws -> [Vote] {
        var votes = try pendingVotes(height: height, problems: &problems).map(\.signed.vote)
        for h in (height + 1)...(height + params.confirmations) {
            for block in try blocksAt(h) {
                votes += block.payload.votes.filter { $0.vote.height == height && $0.hasValidSignature(chain: chainId) }.map(\.vote)
            }
        }
        var seen: Set<Hash256> = []
        return votes.filter { seen.insert($0.id(chain: chainId)).inserted }
    }

    /// Runs fork choice from the finalized height up and moves `main` to the result.
    /// Heights at or below the finalized height are never revisited.
    public func advance() throws -> ForkChoiceResult {
        let current = try currentStates()
        var state = current.final
        var commit = current.finalCommit
        var decisions: [HeightDecision] = []
        var problems: [String] = []
        var height = state.height + 1
        // Each height's blocks are read once, though votes are looked for up to K heights above.
        var loaded: [UInt64: [StoredBlock]] = [:]
        var loadProblems: [String] = []
        func blocksAt(_ h: UInt64) throws -> [StoredBlock] {
            if let known = loaded[h] { return known }
            let found = try blocks(at: h, problems: &loadProblems)
            loaded[h] = found
            return found
        }
        while true {
            var candidates: [StoredBlock] = []
            var rejected: [(Hash256, String)] = []
            var applied: [Hash256: ChainState] = [:]
            for block in try blocksAt(height) where block.header.parent == state.tip {
                do {
                    let (next, _) = try StateTransition.apply(block.signed, payload: block.payload, to: state)
                    try checkCommit(block, onMainAs: block.commit, parentCommit: commit)
                    applied[block.id] = next
                    candidates.append(block)
                } catch {
                    rejected.append((block.id, "\(error)"))
                }
            }
            guard !candidates.isEmpty else { break }
            let votes = try knownVotes(height: height, blocksAt: blocksAt, problems: &problems)
            let tally = ForkChoice.tally(height: height, candidates: candidates.map(\.id), votes: votes, trust: state.memberTrust)
            let chosen = candidates.first { $0.id == tally.winner }!
            decisions.append(HeightDecision(tally: tally, candidates: candidates, rejected: rejected, chosen: chosen))
            state = applied[chosen.id]!
            commit = chosen.commit
            height += 1
        }
        problems += loadProblems
        let previous = try mainCommit()
        var reorganized = false
        if previous != commit {
            reorganized = !(try git.isAncestor(previous, of: commit))
            try git.setReference(ChainLayout.main, to: commit, expecting: .some(previous), message: "pot advance")
        }
        let states = try currentStates()
        return ForkChoiceResult(
            decisions: decisions, previousMain: previous, newMain: commit, state: states.tip,
            reorganized: reorganized, problems: problems)
    }
}
