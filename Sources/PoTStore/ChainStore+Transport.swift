import Foundation
import GitKit

/// Chain transport over ordinary git remotes: `main` plus everything under `refs/pot/*`.
extension ChainStore {
    static let potRefspec = "refs/pot/*:refs/pot/*"

    /// Clones a chain into `directory` and rebuilds its state from the repository alone.
    public static func clone(from url: String, into directory: String) throws -> ChainStore {
        guard !FileManager.default.fileExists(atPath: directory) ||
              ((try? FileManager.default.contentsOfDirectory(atPath: directory))?.isEmpty ?? false)
        else { throw StoreError("\(directory) already exists and is not empty") }
        try GitCommandLine.check(["clone", "--quiet", "--branch", "main", url, directory], doing: "git clone")
        try GitCommandLine.check(["config", "--add", "remote.origin.fetch", potRefspec], in: directory, doing: "configuring the remote")
        try GitCommandLine.check(["fetch", "--quiet", "origin", potRefspec], in: directory, doing: "fetching refs/pot/*")
        let store = try ChainStore.open(at: directory)
        _ = try store.currentState()
        return store
    }

    /// Fetches `main` and `refs/pot/*` from a remote (new objects only; nothing local is overwritten).
    public func fetch(remote: String) throws -> String {
        let work = git.workDirectory ?? git.gitDirectory
        let output = try GitCommandLine.run(
            ["fetch", remote, ChainStore.potRefspec, "+refs/heads/main:refs/remotes/\(remote)/main"], in: work)
        if output.status != 0 {
            let rejected = output.stderr.split(separator: "\n").filter { $0.contains("rejected") }
            guard !rejected.isEmpty else {
                throw StoreError("git fetch \(remote) failed: \(output.stderr.split(separator: "\n").last ?? "")")
            }
            return "kept \(rejected.count) local ref(s) that differ from \(remote)'s (for example a label naming another key)"
        }
        return ""
    }

    /// Pushes `main` and `refs/pot/*` to a remote.
    public func push(remote: String) throws {
        let work = git.workDirectory ?? git.gitDirectory
        try GitCommandLine.check(["push", "--quiet", remote, ChainStore.potRefspec, "+refs/heads/main:refs/heads/main"],
                                 in: work, doing: "git push \(remote)")
    }
}
