import Foundation
import Testing
@testable import GitKit

/// Reads answered from the files agree with libgit2's answers.
@Suite("Reading a repository without libgit2")
struct NativeReadTests {
    /// A repository with loose and packed refs, loose and packed objects, and a merge commit.
    func populate(_ repo: GitRepository, _ path: String) throws -> (commits: [GitOID], blobs: [GitOID], tree: GitOID) {
        var blobs: [GitOID] = []
        for i in 0..<20 { blobs.append(try repo.writeBlob(Array("blob \(i) \(String(repeating: "x", count: i * 100))".utf8))) }
        let tree = try repo.writeTree(blobs.enumerated().map { GitTreeEntry(name: "f\($0.offset)", oid: $0.element, mode: 0o100644) })
        let sig = GitSignature(name: "A U Thor", email: "a@example.org", time: 1_700_000_000, offsetMinutes: -90)
        let first = try repo.writeCommit(tree: tree, parents: [], author: sig, committer: sig, message: "first\n\nbody\n")
        let second = try repo.writeCommit(tree: GitRepository.emptyTree, parents: [first], author: sig, committer: sig, message: "no newline")
        let merge = try repo.writeCommit(tree: tree, parents: [second, first], author: sig, committer: sig, message: "merge\n")
        for (i, blob) in blobs.enumerated() { try repo.setReference("refs/pot/votes/\(i % 4)/k\(i)/id", to: blob, message: "t") }
        try repo.setReference("refs/heads/main", to: merge, message: "t")
        return ([first, second, merge], blobs, tree)
    }

    @Test("Refs, blobs, trees and commits read from the files equal libgit2's, before and after git packs them")
    func agreesWithLibgit2() throws {
        try withTempRepo { writer, path in
            let made = try populate(writer, path)
            for packed in [false, true] {
                if packed { try run(["git", "pack-refs", "--all"], cwd: path); try run(["git", "repack", "-a", "-d", "-q"], cwd: path) }
                let native = try GitRepository.discover(from: path + "/")
                #expect(native.readsNatively)
                let reference = try GitRepository(path: path)
                _ = try reference.withRepo { _ in () }   // libgit2 answers everything from here on
                #expect(!reference.readsNatively)
                for glob in ["refs/pot/votes/**", "refs/pot/votes/1/*", "refs/pot/votes/2/k*/id", "refs/heads/*", "refs/none/**"] {
                    let a = try native.references(matching: glob), b = try reference.references(matching: glob)
                    #expect(a.map(\.name) == b.map(\.name) && a.map(\.oid) == b.map(\.oid), "\(glob)")
                }
                #expect(try native.reference("refs/heads/main") == reference.reference("refs/heads/main"))
                #expect(try native.reference("refs/heads/none") == nil)
                for blob in made.blobs { #expect(try native.readBlob(blob) == reference.readBlob(blob)) }
                #expect(try native.readTree(made.tree) == reference.readTree(made.tree))
                for commit in made.commits { #expect(try native.readCommit(commit) == reference.readCommit(commit)) }
                // Packed objects are libgit2's to read: after the first, the native path is left.
                #expect(native.readsNatively == !packed)
            }
        }
    }

    @Test("A commit's id is computed without writing it, exactly as libgit2 names it")
    func commitOidMatchesLibgit2() throws {
        try withTempRepo { repo, _ in
            let blob = try repo.writeBlob([1, 2, 3])
            let tree = try repo.writeTree([GitTreeEntry(name: "a", oid: blob, mode: 0o100644)])
            let parent = try repo.writeCommit(tree: tree, parents: [], author: .init(name: "p", email: "p@x", time: 1, offsetMinutes: 0),
                                              committer: .init(name: "p", email: "p@x", time: 1, offsetMinutes: 0), message: "p\n")
            for offset: Int32 in [0, 60, -300, 330, -30] {
                let sig = GitSignature(name: "pot", email: "pot@pot.invalid", time: 1_700_000_000 + Int64(offset), offsetMinutes: offset)
                for (parents, message) in [([], "pot: genesis chain=ab\n"), ([parent], "m"), ([parent, parent], "two\n\nlines\n")] {
                    let computed = GitRepository.commitOid(tree: tree, parents: parents, author: sig, committer: sig, message: message)
                    #expect(computed == (try repo.writeCommit(tree: tree, parents: parents, author: sig, committer: sig, message: message)))
                }
            }
        }
    }

    @Test("GIT-TAMPER: a loose object whose content does not hash to its id is refused when read from the file")
    func tamperedLooseObject() throws {
        try withTempRepo { writer, path in
            let blob = try writer.writeBlob(Array("honest".utf8))
            let other = try writer.writeBlob(Array("forged".utf8))
            let file = { (oid: GitOID) in path + "/.git/objects/\(oid.hex.prefix(2))/\(oid.hex.dropFirst(2))" }
            try FileManager.default.removeItem(atPath: file(blob))
            try FileManager.default.copyItem(atPath: file(other), toPath: file(blob))
            let native = try GitRepository.discover(from: path)
            #expect(native.readsNatively)
            let error = #expect(throws: GitError.self) { try native.readBlob(blob) }
            #expect(error?.message.contains(blob.hex) == true)
        }
    }

    @Test("Linked worktrees, bare repositories and a .git file are opened by libgit2")
    func unusualShapesUseLibgit2() throws {
        try withTempDir { dir in
            try run(["git", "init", "-q", "--bare", dir + "/bare.git"], cwd: dir)
            #expect(RepositoryLayout.discover(from: dir + "/bare.git") == nil)
            try run(["git", "init", "-q", dir + "/plain"], cwd: dir)
            #expect(RepositoryLayout.discover(from: dir + "/plain")?.gitDirectory.hasSuffix("/plain/.git") == true)
            try FileManager.default.createDirectory(atPath: dir + "/plain/sub/deeper", withIntermediateDirectories: true)
            #expect(RepositoryLayout.discover(from: dir + "/plain/sub/deeper")?.workDirectory.hasSuffix("/plain") == true)
            #expect(RepositoryLayout.discover(from: dir + "/plain/.git") == nil)
            try run(["git", "init", "-q", dir + "/other-format"], cwd: dir)
            try run(["git", "-C", dir + "/other-format", "config", "extensions.refStorage", "reftable"], cwd: dir)
            #expect(RepositoryLayout.discover(from: dir + "/other-format") == nil)
            try run(["git", "-C", dir + "/plain", "commit", "-q", "--allow-empty", "-m", "x"], cwd: dir,
                    env: ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"])
            try run(["git", "-C", dir + "/plain", "worktree", "add", "-q", dir + "/linked"], cwd: dir)
            #expect(RepositoryLayout.discover(from: dir + "/linked") == nil)
            let linked = try GitRepository.discover(from: dir + "/linked")
            #expect(!linked.readsNatively)
            #expect(try linked.reference("refs/heads/linked") != nil)
        }
    }
}
