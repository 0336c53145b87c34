import Foundation
import Testing
@testable import GitKit

@Suite struct ObjectTests {
    @Test func blobRoundTrip() throws {
        try withTempRepo { repo, path in
            let payloads: [[UInt8]] = [[], Array("hello\n".utf8), (0..<100_000).map { UInt8($0 % 251) }, [0, 0, 255, 10]]
            for bytes in payloads {
                let oid = try repo.writeBlob(bytes)
                #expect(try repo.readBlob(oid) == bytes)
                #expect(repo.contains(oid))
                #expect(try repo.kind(of: oid) == .blob)
            }
            // Same id as git hash-object.
            let oid = try repo.writeBlob(Array("hello\n".utf8))
            #expect(try run(["git", "hash-object", "--stdin"], cwd: path, stdin: Array("hello\n".utf8)) == oid.hex)
        }
    }

    @Test func missingObjects() throws {
        try withTempRepo { repo, _ throws in
            let missing = GitOID(hex: "0123456789abcdef0123456789abcdef01234567")!
            #expect(!repo.contains(missing))
            #expect(try repo.kind(of: missing) == nil)
            #expect(throws: GitError.self) { try repo.readTree(missing) }
            #expect(throws: GitError.self) { try repo.readCommit(missing) }
        }
    }

    @Test func treeRoundTripAndOrdering() throws {
        try withTempRepo { repo, path in
            let a = try repo.writeBlob(Array("a".utf8))
            let b = try repo.writeBlob(Array("b".utf8))
            let sub = try repo.writeTree([GitTreeEntry(name: "inner", oid: a, mode: 0o100644)])
            // Given out of order; "foo" (tree) sorts after "foo.txt" in git's order ("foo/" > "foo.").
            let input = [
                GitTreeEntry(name: "zeta", oid: b, mode: 0o100755),
                GitTreeEntry(name: "foo", oid: sub, mode: 0o040000),
                GitTreeEntry(name: "foo.txt", oid: a, mode: 0o100644),
                GitTreeEntry(name: "link", oid: b, mode: 0o120000),
            ]
            let tree = try repo.writeTree(input)
            #expect(try repo.kind(of: tree) == .tree)
            let back = try repo.readTree(tree)
            #expect(back.map(\.name) == ["foo.txt", "foo", "link", "zeta"])
            #expect(Set(back.map { "\($0.name) \($0.oid) \($0.mode)" }) == Set(input.map { "\($0.name) \($0.oid) \($0.mode)" }))
            // Same order-independent id, and git fsck agrees it is well-formed.
            #expect(try repo.writeTree(input.reversed()) == tree)
            try run(["git", "fsck", "--strict", "--no-dangling"], cwd: path)
            #expect(try run(["git", "ls-tree", tree.hex], cwd: path).contains("040000 tree \(sub.hex)\tfoo"))
        }
    }

    @Test func emptyTreeAndDuplicates() throws {
        try withTempRepo { repo, _ in
            #expect(try repo.writeTree([]) == GitRepository.emptyTree)
            #expect(try repo.readTree(GitRepository.emptyTree).isEmpty)
            let a = try repo.writeBlob([1])
            #expect(throws: GitError.self) {
                try repo.writeTree([GitTreeEntry(name: "x", oid: a, mode: 0o100644), GitTreeEntry(name: "x", oid: a, mode: 0o100644)])
            }
            #expect(throws: GitError.self) { try repo.writeTree([GitTreeEntry(name: "a/b", oid: a, mode: 0o100644)]) }
        }
    }

    @Test func commitRoundTrip() throws {
        try withTempRepo { repo, _ in
            let tree = try repo.writeTree([GitTreeEntry(name: "f", oid: try repo.writeBlob([1, 2]), mode: 0o100644)])
            let tz = GitSignature(name: "Zoë", email: "z@example.org", time: 1_234_567_890, offsetMinutes: -330)
            let message = "\n\nleading newlines, no trailing newline\r\n  spaces  "
            let c1 = try repo.writeCommit(tree: tree, parents: [], author: tz, committer: alice, message: message)
            let c2 = try repo.writeCommit(tree: tree, parents: [c1],
                                          author: alice, committer: bob, message: "second\n")
            let c3 = try repo.writeCommit(tree: tree, parents: [c2, c1], author: alice, committer: bob, message: "merge\n")
            let info1 = try repo.readCommit(c1)
            #expect(info1 == GitCommitInfo(oid: c1, tree: tree, parents: [], author: tz, committer: alice, message: message))
            let info3 = try repo.readCommit(c3)
            #expect(info3.parents == [c2, c1])
            #expect(info3.author == alice)
            #expect(info3.committer == bob)
            #expect(try repo.kind(of: c3) == .commit)
            // Writing a commit updates no ref.
            #expect(try repo.reference("HEAD") == nil)
            #expect(try repo.references(matching: "refs/**").isEmpty)
            // Unknown parent is an error.
            #expect(throws: GitError.self) {
                try repo.writeCommit(tree: tree, parents: [GitOID(hex: "0123456789abcdef0123456789abcdef01234567")!],
                                     author: alice, committer: bob, message: "x")
            }
        }
    }

    @Test(arguments: [Int32(0), 90, -480])
    func commitMatchesGitCommitTree(offset: Int32) throws {
        try withTempRepo { repo, path in
            let tree = try repo.writeTree([GitTreeEntry(name: "block.json", oid: try repo.writeBlob(Array("{}\n".utf8)), mode: 0o100644)])
            let author = GitSignature(name: "Alice Example", email: "alice@example.org", time: 1_700_000_000, offsetMinutes: offset)
            let committer = GitSignature(name: "Bob", email: "bob@example.org", time: 1_700_000_123, offsetMinutes: offset)
            let message = "block 1\n\nPoT-Height: 1\n"
            let parent = try repo.writeCommit(tree: tree, parents: [], author: author, committer: committer, message: "genesis\n")
            let mine = try repo.writeCommit(tree: tree, parents: [parent], author: author, committer: committer, message: message)

            let sign = offset < 0 ? "-" : "+"
            let tz = sign + String(format: "%02d%02d", abs(offset) / 60, abs(offset) % 60)
            let env = [
                "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email,
                "GIT_AUTHOR_DATE": "@\(author.time) \(tz)",
                "GIT_COMMITTER_NAME": committer.name, "GIT_COMMITTER_EMAIL": committer.email,
                "GIT_COMMITTER_DATE": "@\(committer.time) \(tz)",
            ]
            let theirs = try run(["git", "commit-tree", tree.hex, "-p", parent.hex], cwd: path, env: env, stdin: Array(message.utf8))
            #expect(theirs == mine.hex)
            #expect(try run(["git", "cat-file", "commit", mine.hex], cwd: path).contains("author Alice Example <alice@example.org> 1700000000 \(tz)"))
        }
    }

    @Test func tamperedLooseObjectIsDetected() throws {
        try withTempRepo { repo, path in
            let oid = try repo.writeBlob(Array("honest content\n".utf8))
            let hex = oid.hex
            let objectPath = "\(repo.gitDirectory)/objects/\(hex.prefix(2))/\(hex.dropFirst(2))"
            #expect(FileManager.default.fileExists(atPath: objectPath))
            // Replace the loose object by a valid zlib stream of a *different* blob.
            try run(["python3", "-c", """
                import os, sys, zlib
                p = sys.argv[1]
                os.chmod(p, 0o644)
                body = b"evil content\\n"
                open(p, "wb").write(zlib.compress(b"blob %d\\0" % len(body) + body))
                """, objectPath], cwd: path)
            let fresh = try GitRepository(path: path)
            do {
                let bytes = try fresh.readBlob(oid)
                Issue.record("tampered object was read without error: \(String(decoding: bytes, as: UTF8.self))")
            } catch let e as GitError {
                #expect(e.message.contains(hex))
                #expect(e.message.contains("mismatch"), "\(e.message)")
            }
            // The original instance (possibly with caches) must not return the evil bytes either.
            if let bytes = try? repo.readBlob(oid) {
                #expect(bytes == Array("honest content\n".utf8))
            }
        }
    }
}
