import Foundation
import GitKit
import PoTCore
import PoTModules

/// A PoT chain kept in a git repository: `main` is the canonical chain, signed objects live
/// under `refs/pot/*`, and derived state is cached under `.git/pot/`.
public final class ChainStore: @unchecked Sendable {
    public let git: GitRepository
    public let params: ChainParams
    public let chainId: Hash256
    public let genesisCommit: GitOID
    /// Whether refs this store writes are noted in the journal for a running node. The node
    /// turns it off for its own store: it indexes what it writes itself.
    public var journalsWrites = true
    /// The write lock while a batch holds it (`holdWriteLock`).
    var heldWriteLock: FileLock?

    init(git: GitRepository, params: ChainParams, genesisCommit: GitOID) {
        self.git = git
        self.params = params
        self.chainId = params.chainId
        self.genesisCommit = genesisCommit
    }

    /// The directory of PoT's local files: keys, lock, caches.
    public var potDirectory: String { git.gitDirectory.trimmingSlash + "/pot" }

    /// Opens the chain of the repository that contains `path`.
    public static func open(at path: String) throws -> ChainStore {
        let git: GitRepository
        do { git = try GitRepository.discover(from: path) } catch {
            throw StoreError("\(path) is not inside a git repository (run pot init or pot clone first)")
        }
        guard let record = try git.reference(ChainLayout.genesis) else {
            throw StoreError("this repository holds no PoT chain (no \(ChainLayout.genesis); run pot init)")
        }
        let info = try git.readCommit(record)
        guard let paramsEntry = try git.readTree(info.tree).first(where: { $0.name == "params" }),
              info.parents.count == 1
        else { throw StoreError("the genesis record \(record.hex) is malformed") }
        let params: ChainParams
        do { params = try ChainParams(bytes: try git.readBlob(paramsEntry.oid)) } catch {
            throw StoreError("genesis parameters in blob \(paramsEntry.oid.hex) are invalid: \(error)")
        }
        do { try ChainModules.standard.checkParameters(params) } catch {
            throw StoreError("this chain needs a module this program lacks: \(error)")
        }
        let genesisCommit = info.parents[0]
        let store = ChainStore(git: git, params: params, genesisCommit: genesisCommit)
        let expected = try store.genesisCommitOid()
        guard expected == genesisCommit else {
            throw StoreError("the genesis commit \(genesisCommit.hex) does not match the genesis parameters (expected \(expected.hex))")
        }
        return store
    }

    /// Creates a new chain in the repository at `path` (created if needed). `main` must not exist.
    public static func initialize(at path: String, params: ChainParams) throws -> ChainStore {
        // Like git init: the chain goes into the repository whose top is `path`, never into
        // an enclosing one.
        let git = FileManager.default.fileExists(atPath: path + "/.git")
            ? try GitRepository(path: path) : try GitRepository.create(at: path)
        if try git.reference(ChainLayout.genesis) != nil {
            throw StoreError("this repository already holds a PoT chain")
        }
        if try git.reference(ChainLayout.main) != nil {
            throw StoreError("refs/heads/main already exists; pot init needs a repository without main (import code later as an orphan commit merged into block 1)")
        }
        try ChainModules.standard.checkParameters(params)
        let chain = params.chainId
        try writeEmptyTree(git)
        let genesis = try git.writeCommit(
            tree: GitRepository.emptyTree, parents: [],
            author: ChainLayout.signature(time: params.createdAt),
            committer: ChainLayout.signature(time: params.createdAt),
            message: ChainLayout.genesisMessage(chain: chain))
        let paramsBlob = try git.writeBlob(params.cbor().encoded())
        let tree = try git.writeTree([GitTreeEntry(name: "params", oid: paramsBlob, mode: 0o100644)])
        let record = try git.writeCommit(
            tree: tree, parents: [genesis],
            author: ChainLayout.signature(time: params.createdAt),
            committer: ChainLayout.signature(time: params.createdAt),
            message: "pot: genesis record chain=\(chain.hex)\n")
        try git.setReference(ChainLayout.genesis, to: record, expecting: .some(nil), message: "pot init")
        try git.setReference(ChainLayout.main, to: genesis, expecting: .some(nil), message: "pot init")
        return ChainStore(git: git, params: params, genesisCommit: genesis)
    }

    /// Writes the empty tree, which the genesis commit points at, so `git fsck --strict` finds
    /// every object a commit names.
    static func writeEmptyTree(_ git: GitRepository) throws {
        // Writing an object that exists would refresh its file's time: a read-only use must not.
        if git.contains(GitRepository.emptyTree) { return }
        let written = try git.writeTree([])
        guard written == GitRepository.emptyTree else { throw StoreError("internal: the empty tree was written as \(written.hex)") }
    }

    /// The genesis commit's id, computed from the parameters without writing anything.
    func genesisCommitOid() throws -> GitOID {
        GitRepository.commitOid(
            tree: GitRepository.emptyTree, parents: [],
            author: ChainLayout.signature(time: params.createdAt),
            committer: ChainLayout.signature(time: params.createdAt),
            message: ChainLayout.genesisMessage(chain: chainId))
    }

    public var genesisState: ChainState { ChainState(genesis: params) }

    /// The commit `main` points at.
    public func mainCommit() throws -> GitOID {
        guard let oid = try git.reference(ChainLayout.main) else {
            throw StoreError("refs/heads/main is missing; run pot advance to rebuild it")
        }
        return oid
    }
}

extension String {
    var trimmingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
