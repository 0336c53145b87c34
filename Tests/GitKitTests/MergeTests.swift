import Foundation
import Testing
@testable import GitKit

@Suite struct MergeTests {
    @Test func mergeDisjointChanges() throws {
        try withTempRepo { repo, _ in
            let base = try repo.commitFiles(["a.txt": "a\n", "b.txt": "b\n"])
            let ours = try repo.commitFiles(["a.txt": "a changed\n", "b.txt": "b\n"], parents: [base])
            let theirs = try repo.commitFiles(["a.txt": "a\n", "b.txt": "b changed\n", "c.txt": "new\n"], parents: [base])
            let merged = try repo.mergeCommits(ours: ours, theirs: theirs)
            #expect(try repo.kind(of: merged) == .tree)
            #expect(try repo.files(ofTree: merged) == ["a.txt": "a changed\n", "b.txt": "b changed\n", "c.txt": "new\n"])
            // Symmetric.
            #expect(try repo.mergeCommits(ours: theirs, theirs: ours) == merged)
        }
    }

    @Test func mergeUnrelatedHistories() throws {
        try withTempRepo { repo, _ in
            let base = try repo.commitFiles(["a.txt": "a\n"])
            let main = try repo.commitFiles(["a.txt": "a\n", "b.txt": "b\n"], parents: [base])
            let orphan = try repo.commitFiles(["x.swift": "x\n", "README": "r\n"])
            let orphan2 = try repo.commitFiles(["x.swift": "x\n", "README": "r\n", "z": "z\n"], parents: [orphan])
            let merged = try repo.mergeCommits(ours: main, theirs: orphan2)
            #expect(try repo.files(ofTree: merged) == [
                "a.txt": "a\n", "b.txt": "b\n", "x.swift": "x\n", "README": "r\n", "z": "z\n",
            ])
        }
    }

    @Test func mergeUnrelatedWithSubtrees() throws {
        try withTempRepo { repo, _ in
            let blob = try repo.writeBlob(Array("block\n".utf8))
            let sub = try repo.writeTree([GitTreeEntry(name: "1.json", oid: blob, mode: 0o100644)])
            let chainTree = try repo.writeTree([GitTreeEntry(name: "chain", oid: sub, mode: 0o040000)])
            let chain = try repo.writeCommit(tree: chainTree, parents: [], author: alice, committer: bob, message: "chain\n")
            let code = try repo.commitFiles(["Package.swift": "// code\n"])
            let merged = try repo.mergeCommits(ours: chain, theirs: code)
            let entries = try repo.readTree(merged)
            #expect(entries.map(\.name) == ["Package.swift", "chain"])
            #expect(entries.first { $0.name == "chain" }?.oid == sub)
            #expect(entries.first { $0.name == "chain" }?.mode == 0o040000)
        }
    }

    @Test func mergeConflictListsPaths() throws {
        try withTempRepo { repo, _ in
            let base = try repo.commitFiles(["a.txt": "a\n", "b.txt": "b\n", "c.txt": "c\n"])
            let ours = try repo.commitFiles(["a.txt": "ours\n", "b.txt": "b\n", "c.txt": "c ours\n"], parents: [base])
            let theirs = try repo.commitFiles(["a.txt": "theirs\n", "b.txt": "b theirs\n", "c.txt": "c theirs\n"], parents: [base])
            do {
                _ = try repo.mergeCommits(ours: ours, theirs: theirs)
                Issue.record("expected a conflict")
            } catch let conflict as GitMergeConflict {
                #expect(conflict.paths == ["a.txt", "c.txt"])
                #expect(conflict.description.contains("a.txt"))
            }
        }
    }

    @Test func ancestry() throws {
        try withTempRepo { repo, _ in
            let c1 = try repo.commitFiles(["a": "1"])
            let c2 = try repo.commitFiles(["a": "2"], parents: [c1])
            let c3 = try repo.commitFiles(["a": "3"], parents: [c2])
            let other = try repo.commitFiles(["b": "1"])
            #expect(try repo.isAncestor(c1, of: c3))
            #expect(try repo.isAncestor(c2, of: c3))
            #expect(try repo.isAncestor(c3, of: c3))
            #expect(try !repo.isAncestor(c3, of: c1))
            #expect(try !repo.isAncestor(other, of: c3))
        }
    }

    @Test func revParse() throws {
        try withTempRepo { repo, _ in
            let c1 = try repo.commitFiles(["a": "1"])
            let c2 = try repo.commitFiles(["a": "2"], parents: [c1])
            let code = try repo.commitFiles(["Package.swift": "x"])
            try repo.setReference("refs/heads/main", to: c2, message: "m")
            try repo.setReference("refs/heads/code/monorepo", to: code, message: "c")
            #expect(try repo.revParse("HEAD") == c2)
            #expect(try repo.revParse("main") == c2)
            #expect(try repo.revParse("refs/heads/main") == c2)
            #expect(try repo.revParse("HEAD~1") == c1)
            #expect(try repo.revParse("code/monorepo") == code)
            #expect(try repo.revParse(String(c1.hex.prefix(7))) == c1)
            #expect(try repo.revParse(String(c2.hex.prefix(12))) == c2)
            #expect(try repo.revParse(c1.hex) == c1)
            #expect(throws: GitError.self) { try repo.revParse("no-such-branch") }
        }
    }
}
