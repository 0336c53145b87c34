import Foundation
import GitKit
import PoTCore
import PoTStore

/// The git objects a block brings in, as a git pack: the merged tree and commits, minus what
/// the parent block's commit already reaches.
enum CodePack {
    static func make(for header: BlockHeader, parentCommit: GitOID, store: ChainStore) throws -> [UInt8] {
        let parentTree = try store.git.readCommit(parentCommit).tree
        if header.codeCommits.isEmpty && ChainLayout.oid(header.tree) == parentTree { return [] }
        let roots = [ChainLayout.oid(header.tree).hex] + header.codeCommits.map { ChainLayout.oid($0).hex }
        let directory = store.git.gitDirectory
        let list = try GitCommandLine.check(["rev-list", "--objects"] + roots + ["--not", parentCommit.hex],
                                            in: directory, doing: "listing the block's code objects")
        return try withTemporaryFile(list.stdoutBytes) { path in
            try GitCommandLine.check(["pack-objects", "--stdout", "-q"], in: directory, stdinPath: path,
                                     doing: "packing the block's code objects").stdoutBytes
        }
    }

    /// Unpacks, checking every object's hash and links (git unpack-objects --strict).
    static func unpack(_ pack: [UInt8], into store: ChainStore) throws {
        guard !pack.isEmpty else { return }
        try withTemporaryFile(pack) { path in
            _ = try GitCommandLine.check(["unpack-objects", "-q", "--strict"], in: store.git.gitDirectory,
                                         stdinPath: path, doing: "unpacking the block's code objects")
        }
    }

    private static func withTemporaryFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let path = NSTemporaryDirectory() + "pot-pack-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw StoreError("cannot write a temporary file in \(NSTemporaryDirectory())")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }
}
