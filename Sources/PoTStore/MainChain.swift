import GitKit
import PoTCore

/// One block of `main`, as named by its commit.
public struct MainLink: Sendable, Equatable {
    public let height: UInt64
    public let id: Hash256
    public let commit: GitOID
}

extension ChainStore {
    /// Walks `main` by first parents from `tip` down to genesis (or until `stop` returns true
    /// for a commit), returning the blocks in ascending height order.
    public func mainLinks(from tip: GitOID, stop: (GitOID) -> Bool = { _ in false }) throws -> (links: [MainLink], reachedGenesis: Bool) {
        var links: [MainLink] = []
        var commit = tip
        while true {
            if commit == genesisCommit { return (links.reversed(), true) }
            if stop(commit) { return (links.reversed(), false) }
            let info = try git.readCommit(commit)
            guard let (height, id) = ChainLayout.parseBlockMessage(info.message) else {
                if links.isEmpty, let recovery = try MainGuard.recovery(git: git, tip: commit, genesis: genesisCommit) {
                    throw StoreError(recovery)
                }
                throw StoreError("commit \(commit.hex) on main is not a PoT block commit")
            }
            if let previous = links.last, previous.height != height + 1 {
                throw StoreError("commit \(commit.hex) on main has height \(height), expected \(previous.height - 1)")
            }
            links.append(MainLink(height: height, id: id, commit: commit))
            guard let parent = info.parents.first else {
                throw StoreError("block commit \(commit.hex) has no parent")
            }
            commit = parent
        }
    }

    /// Checks that the block commit on main is the one its header describes.
    func checkCommit(_ block: StoredBlock, onMainAs commit: GitOID, parentCommit: GitOID) throws {
        guard block.commit == commit else {
            throw StoreError("main holds commit \(commit.hex) for block \(block.id.short) but its record names \(block.commit.hex)")
        }
        let info = try git.readCommit(commit)
        let header = block.header
        let expectedParents = [parentCommit] + header.codeCommits.map(ChainLayout.oid)
        guard info.tree == ChainLayout.oid(header.tree), info.parents == expectedParents,
              info.committer == ChainLayout.signature(time: header.timestamp),
              info.author == ChainLayout.signature(time: header.timestamp),
              info.message == ChainLayout.blockMessage(height: header.height, id: block.id)
        else {
            throw StoreError("block commit \(commit.hex) does not match the header of block \(block.id.short)")
        }
    }
}
