import Foundation
import GitKit

/// Chain transport over ordinary git remotes: `main` plus everything under `refs/pot/*`.
extension ChainStore {
    static let potRefspec = "refs/pot/*:refs/pot/*"

    /// Clones a chain into `directory` and rebuilds its state from the repository alone. A clone
    /// that fails for any reason (no chain there, a broken chain, a failed transfer) removes
    /// what it created, so the directory is as it was: absent, or empty.
    public static func clone(from url: String, into directory: String) throws -> ChainStore {
        let files = FileManager.default
        let existed = files.fileExists(atPath: directory)
        guard !existed || ((try? files.contentsOfDirectory(atPath: directory))?.isEmpty ?? false)
        else { throw StoreError("\(directory) already exists and is not empty") }
        do {
            try GitCommandLine.check(["clone", "--quiet", "--branch", "main", url, directory], doing: "git clone")
            try GitCommandLine.check(["config", "--add", "remote.origin.fetch", potRefspec], in: directory, doing: "configuring the remote")
            try GitCommandLine.check(["fetch", "--quiet", "origin", potRefspec], in: directory, doing: "fetching refs/pot/*")
            guard try GitCommandLine.run(["rev-parse", "--verify", "-q", ChainLayout.genesis], in: directory).status == 0 else {
                throw StoreError("\(url) holds no PoT chain (it has no \(ChainLayout.genesis)); nothing was cloned")
            }
            let store = try ChainStore.open(at: directory)
            try writeEmptyTree(store.git)
            _ = try store.currentState()
            return store
        } catch {
            if existed {
                for entry in (try? files.contentsOfDirectory(atPath: directory)) ?? [] {
                    try? files.removeItem(atPath: directory + "/" + entry)
                }
            } else {
                try? files.removeItem(atPath: directory)
            }
            throw error
        }
    }

    /// Fetches `main` and `refs/pot/*` from a remote (new objects only; nothing local is overwritten).
    public func fetch(remote: String) throws -> String {
        let work = git.workDirectory ?? git.gitDirectory
        // A configured remote keeps its main as refs/remotes/<remote>/main; a URL or path has no such place.
        let remotes = try GitCommandLine.check(["remote"], in: work, doing: "listing remotes").stdout.split(separator: "\n")
        let mainSpec = remotes.contains(Substring(remote)) ? "+refs/heads/main:refs/remotes/\(remote)/main" : "refs/heads/main"
        let output = try GitCommandLine.run(["fetch", remote, ChainStore.potRefspec, mainSpec], in: work)
        if output.status != 0 {
            let rejected = output.stderr.split(separator: "\n").filter { $0.contains("rejected") }
            guard !rejected.isEmpty else {
                throw StoreError("git fetch \(remote) failed: \(output.stderr.split(separator: "\n").last ?? "")")
            }
            return "kept \(rejected.count) local ref(s) that differ from \(remote)'s (a ref that already names other content here)"
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
