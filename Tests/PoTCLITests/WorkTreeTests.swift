import Foundation
import PoTTestSupport
import Testing

@Suite("Repositories and work trees")
struct WorkTreeTests {
    @Test("CLI-INIT: pot init inside another repository's work tree makes a repository of its own, like git init")
    func initNeverWritesIntoEnclosingRepository() throws {
        let outer = TestEnvironment.temporaryDirectory("outer")
        defer { TestEnvironment.remove(outer) }
        try Run.git(["init", "--quiet", "--initial-branch=main", outer], in: "/")
        try FileManager.default.createDirectory(atPath: outer + "/chain", withIntermediateDirectories: true)
        try Run.ok(["init", "--endow", "alice=100", "--timestamp", "1700000000"], in: outer + "/chain")
        #expect(FileManager.default.fileExists(atPath: outer + "/chain/.git/pot/keys/alice.key"))
        #expect(!FileManager.default.fileExists(atPath: outer + "/.git/pot"))
        #expect(try Run.git(["for-each-ref", "refs/pot"], in: outer).stdout.isEmpty)
    }

    @Test("GIT-WORKTREE: files that were only touched do not stop main's work tree from following a new block")
    func touchedFilesDoNotBlockWorkTreeUpdate() throws {
        let dir = TestEnvironment.temporaryDirectory("worktree")
        defer { TestEnvironment.remove(dir) }
        try Run.ok(["init", "--endow", "alice=100", "--timestamp", "1700000000"], in: dir)
        try Run.git(["checkout", "-q", "--orphan", "code"], in: dir)
        try "one\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try Run.git(["add", "a.txt"], in: dir)
        try Run.git(["commit", "-qm", "a"], in: dir)
        try Run.git(["checkout", "-q", "main"], in: dir)
        try Run.ok(["propose", "--as", "alice", "--canonical", "--merge", "code", "--timestamp", "1700000001"], in: dir)
        try Run.git(["checkout", "-q", "-b", "more", "code"], in: dir)
        try "two\n".write(toFile: dir + "/b.txt", atomically: true, encoding: .utf8)
        try Run.git(["add", "b.txt"], in: dir)
        try Run.git(["commit", "-qm", "b"], in: dir)
        try Run.git(["checkout", "-q", "main"], in: dir)
        // Change a.txt's stat data but not its content.
        try Run.process("/usr/bin/touch", ["-d", "2001-01-01", dir + "/a.txt"], in: dir, environment: [:])
        let result = try Run.pot(["propose", "--as", "alice", "--canonical", "--merge", "more", "--timestamp", "1700000002"], in: dir)
        #expect(result.status == 0)
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/b.txt"))
        #expect(try Run.git(["status", "--porcelain"], in: dir).stdout.isEmpty)
    }

    @Test("GIT-WORKTREE: a local edit in the way keeps the work tree as it was, with a warning, while main moves; untouched paths follow")
    func localEditInTheWay() throws {
        let dir = TestEnvironment.temporaryDirectory("worktree")
        defer { TestEnvironment.remove(dir) }
        try Run.ok(["init", "--endow", "alice=100", "--timestamp", "1700000000"], in: dir)
        try Run.git(["checkout", "-q", "--orphan", "code"], in: dir)
        try "one\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try Run.git(["add", "a.txt"], in: dir)
        try Run.git(["commit", "-qm", "a"], in: dir)
        try Run.git(["checkout", "-q", "main"], in: dir)
        try Run.ok(["propose", "--as", "alice", "--canonical", "--merge", "code", "--timestamp", "1700000001"], in: dir)
        try Run.git(["checkout", "-q", "-b", "more", "code"], in: dir)
        try "changed upstream\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try Run.git(["commit", "-qam", "change a"], in: dir)
        try Run.git(["checkout", "-q", "main"], in: dir)
        try "my local edit\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        let result = try Run.pot(["propose", "--as", "alice", "--canonical", "--merge", "more", "--timestamp", "1700000002"], in: dir)
        #expect(result.status == 0)
        #expect(result.stderr.contains("the work tree was left as it was"))
        #expect(try String(contentsOfFile: dir + "/a.txt", encoding: .utf8) == "my local edit\n")
        #expect(try Run.ok(["verify"], in: dir).hasPrefix("ok: 2 block(s)"))
        // Once the edit is dropped, checking out main brings the block's content.
        try Run.git(["checkout", "-q", "-f", "main"], in: dir)
        #expect(try String(contentsOfFile: dir + "/a.txt", encoding: .utf8) == "changed upstream\n")
    }
}
