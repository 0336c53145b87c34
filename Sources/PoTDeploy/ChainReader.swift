import GitKit
import PoTCore
import PoTStore

/// A block on `main`.
public struct MainBlock: Equatable, Sendable {
    public let height: UInt64
    /// The block id, hex.
    public let id: String
    /// The block's commit on main, hex.
    public let commit: String

    public init(height: UInt64, id: String, commit: String) {
        self.height = height
        self.id = id
        self.commit = commit
    }

    public var shortId: String { String(id.prefix(12)) }
}

/// What `main` showed at one moment.
public struct ChainSnapshot: Equatable, Sendable {
    public let chainId: String
    /// The commit main pointed at.
    public let mainCommit: String
    /// The tip block; nil while main is the genesis commit.
    public let tip: MainBlock?
    public let finalizedHeight: UInt64

    public init(chainId: String, mainCommit: String, tip: MainBlock?, finalizedHeight: UInt64) {
        self.chainId = chainId
        self.mainCommit = mainCommit
        self.tip = tip
        self.finalizedHeight = finalizedHeight
    }

    public var height: UInt64 { tip?.height ?? 0 }
}

/// Reads the chain of a repository. It never writes a ref.
public final class ChainReader {
    let store: ChainStore

    /// Opens the chain of the repository that contains `path`.
    public init(repo path: String) throws {
        do {
            store = try ChainStore.open(at: path)
        } catch let error as StoreError {
            throw DeployError(error.description)
        }
    }

    public var chainId: String { store.chainId.hex }

    /// The repository's `.git` directory (no trailing slash).
    public var gitDirectory: String { store.git.gitDirectory }

    /// The top of the work tree, or the git directory of a bare repository.
    public var repositoryTop: String { store.git.workDirectory ?? gitDirectory }

    /// The commit `main` points at: the cheap check done at every poll.
    public func mainCommit() throws -> String {
        try wrap { try store.mainCommit().hex }
    }

    /// The tip and finalized height of main.
    public func snapshot() throws -> ChainSnapshot {
        try wrap {
            let (commit, state) = try store.tipCommitAndState()
            let tip = state.height == 0 ? nil : MainBlock(height: state.height, id: state.tip.hex, commit: commit.hex)
            return ChainSnapshot(chainId: store.chainId.hex, mainCommit: commit.hex, tip: tip, finalizedHeight: state.finalizedHeight)
        }
    }

    /// The blocks of main from `commit` down to `lowest` (by first parents), lowest first.
    public func blocks(from commit: String, downTo lowest: UInt64) throws -> [MainBlock] {
        try wrap {
            guard var oid = GitOID(hex: commit) else { throw DeployError("\(commit) is not a commit id") }
            var blocks: [MainBlock] = []
            while oid != store.genesisCommit {
                let info = try store.git.readCommit(oid)
                guard let (height, id) = ChainLayout.parseBlockMessage(info.message) else {
                    throw DeployError("commit \(oid.hex) on main is not a PoT block commit")
                }
                guard height >= lowest else { break }
                blocks.append(MainBlock(height: height, id: id.hex, commit: oid.hex))
                guard height > lowest, let parent = info.parents.first else { break }
                oid = parent
            }
            return blocks.reversed()
        }
    }

    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw DeployError(error.description)
        } catch let error as GitError {
            throw DeployError("reading the chain failed: \(error)")
        }
    }
}
