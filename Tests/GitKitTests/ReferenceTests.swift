import Foundation
import Testing
@testable import GitKit

@Suite struct ReferenceTests {
    @Test func setReadDelete() throws {
        try withTempRepo { repo, path in
            let c1 = try repo.commitFiles(["a": "1"])
            let c2 = try repo.commitFiles(["a": "2"], parents: [c1])
            #expect(try repo.reference("refs/heads/main") == nil)
            try repo.setReference("refs/heads/main", to: c1, message: "first")
            #expect(try repo.reference("refs/heads/main") == c1)
            #expect(try repo.reference("HEAD") == c1)  // symbolic HEAD resolves
            try repo.setReference("refs/heads/main", to: c2, message: "second")
            #expect(try repo.reference("refs/heads/main") == c2)
            #expect(try run(["git", "rev-parse", "HEAD"], cwd: path) == c2.hex)

            // Setting through the symbolic HEAD updates the branch, keeps HEAD symbolic.
            try repo.setReference("HEAD", to: c1, message: "via HEAD")
            #expect(try repo.reference("refs/heads/main") == c1)
            #expect(try run(["git", "symbolic-ref", "HEAD"], cwd: path) == "refs/heads/main")

            try repo.deleteReference("refs/heads/main")
            #expect(try repo.reference("refs/heads/main") == nil)
            try repo.deleteReference("refs/heads/main")  // absent: no error
            try repo.deleteReference("refs/pot/never/existed")
        }
    }

    @Test func compareAndSwap() throws {
        try withTempRepo { repo, _ in
            let c1 = try repo.commitFiles(["a": "1"])
            let c2 = try repo.commitFiles(["a": "2"], parents: [c1])
            let c3 = try repo.commitFiles(["a": "3"], parents: [c2])
            let name = "refs/pot/tip"

            // Create-only succeeds when absent, fails when present (and changes nothing).
            try repo.setReference(name, to: c1, expecting: .some(nil), message: "create")
            #expect(try repo.reference(name) == c1)
            #expect(throws: GitError.self) { try repo.setReference(name, to: c2, expecting: .some(nil), message: "again") }
            #expect(try repo.reference(name) == c1)

            // CAS with the right old value succeeds.
            try repo.setReference(name, to: c2, expecting: c1, message: "advance")
            #expect(try repo.reference(name) == c2)

            // CAS with a wrong old value fails and changes nothing.
            #expect(throws: GitError.self) { try repo.setReference(name, to: c3, expecting: c1, message: "stale") }
            #expect(try repo.reference(name) == c2)

            // CAS on an absent ref fails and does not create it.
            #expect(throws: GitError.self) { try repo.setReference("refs/pot/absent", to: c3, expecting: c1, message: "x") }
            #expect(try repo.reference("refs/pot/absent") == nil)

            // Unconditional overwrite.
            try repo.setReference(name, to: c3, message: "force")
            #expect(try repo.reference(name) == c3)
        }
    }

    @Test func invalidNamesThrow() throws {
        try withTempRepo { repo, _ in
            let c1 = try repo.commitFiles(["a": "1"])
            #expect(throws: GitError.self) { try repo.setReference("refs/heads/bad..name", to: c1, message: "x") }
            #expect(throws: GitError.self) { try repo.setReference("refs/heads/bad name", to: c1, message: "x") }
        }
    }

    @Test func globMatching() throws {
        try withTempRepo { repo, path in
            let c = try repo.commitFiles(["a": "1"])
            let d = try repo.commitFiles(["a": "2"])
            let h1 = "ab12" + String(repeating: "0", count: 36)
            let h2 = "cd34" + String(repeating: "f", count: 36)
            let names = [
                "refs/pot/blocks/12/\(h2)",
                "refs/pot/blocks/12/\(h1)",
                "refs/pot/blocks/120/\(h1)",
                "refs/pot/blocks/1/\(h1)",
                "refs/pot/blocks/12/deeper/x",
                "refs/pot/votes/3/alice",
                "refs/pot/votes/3/bob",
                "refs/pot/votes/30/carol",
            ]
            for (i, n) in names.enumerated() {
                try repo.setReference(n, to: i % 2 == 0 ? c : d, message: "add")
            }
            let blocks12 = try repo.references(matching: "refs/pot/blocks/12/*")
            #expect(blocks12.map(\.name) == ["refs/pot/blocks/12/\(h1)", "refs/pot/blocks/12/\(h2)"])
            #expect(blocks12.map(\.oid) == [d, c])

            #expect(try repo.references(matching: "refs/pot/votes/3/*").map(\.name) == ["refs/pot/votes/3/alice", "refs/pot/votes/3/bob"])
            #expect(try repo.references(matching: "refs/pot/votes/*/bob").map(\.name) == ["refs/pot/votes/3/bob"])
            #expect(try repo.references(matching: "refs/pot/blocks/12/**").count == 3)
            #expect(try repo.references(matching: "refs/pot/**").count == names.count)
            #expect(try repo.references(matching: "refs/pot/votes/3/alice").map(\.name) == ["refs/pot/votes/3/alice"])
            #expect(try repo.references(matching: "refs/pot/nothing/*").isEmpty)

            // Same results once the refs are packed.
            try run(["git", "pack-refs", "--all"], cwd: path)
            let packed = try GitRepository(path: path)
            #expect(try packed.references(matching: "refs/pot/blocks/12/*").map(\.name) == blocks12.map(\.name))
            #expect(try packed.reference("refs/pot/blocks/120/\(h1)") == c)
        }
    }

    @Test func globMatcher() {
        func m(_ p: String, _ n: String) -> Bool { refGlobMatches(Array(p.utf8)[...], Array(n.utf8)[...]) }
        #expect(m("refs/a/*", "refs/a/b"))
        #expect(!m("refs/a/*", "refs/a/b/c"))
        #expect(!m("refs/a/*", "refs/ab/c"))
        #expect(m("refs/a/**", "refs/a/b/c"))
        #expect(m("refs/*/x", "refs/q/x"))
        #expect(m("refs/a/b?", "refs/a/bc"))
        #expect(!m("refs/a/b?", "refs/a/b/"))
        #expect(m("refs/a/*c", "refs/a/abc"))
        #expect(!m("refs/a/x", "refs/a/xy"))
    }
}
