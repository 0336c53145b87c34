import Foundation
import PoTDeploy
import PoTTestSupport
import Testing

@Suite("pot-deploy worktrees and reorganizations")
struct WorktreeTests {
    @Test("DEPLOY-KEEP: only the keep_worktrees most recently used worktrees remain, and git knows no others")
    func keepsTheLastWorktrees() throws {
        let f = try DeployFixture(blocks: 1)
        defer { f.remove() }
        try f.writeConfig("""
            keep_worktrees = 2
            worktree_dir = "trees"
            [[on_tip]]
            name = "tip"
            \(f.recordRun("tip.txt"))
            """)
        let trees = f.base + "/trees"
        try FileManager.default.createDirectory(atPath: trees + "/notes", withIntermediateDirectories: true)
        for _ in 0..<4 {
            try f.once()
            try f.addBlocks(1)
        }
        #expect(f.heights("tip.txt") == [1, 2, 3, 4])
        let blocks = try f.mainBlocks()
        let expected = [3, 4].map { "\($0)-\(blocks[UInt64($0)]!.id.prefix(12))" }
        let present = try FileManager.default.contentsOfDirectory(atPath: trees).sorted()
        #expect(present == expected + ["notes"], "a directory pot-deploy did not make is left alone")
        let listed = try Run.git(["worktree", "list", "--porcelain"], in: f.repo).stdout
            .split(separator: "\n").filter { $0.hasPrefix("worktree ") && $0.contains("/trees/") }
            .map { String($0.split(separator: "/").last!) }
        #expect(listed.sorted() == expected)
    }

    @Test("DEPLOY-REORG DEPLOY-TIP: when main moves to another block at the same height, on_tip runs for that block")
    func reorganization() throws {
        let f = try DeployFixture(blocks: 0, members: ["alice": 10000, "bob": 5000, "carol": 5000])
        defer { f.remove() }
        try f.writeConfig("""
            [[on_tip]]
            name = "tip"
            \(f.recordRun("tip.txt"))
            """)
        let a = try Run.pot(["propose", "--as", "alice", "--timestamp", "\(f.nextTime())"], in: f.repo).lastLine
        let b = try Run.pot(["propose", "--as", "bob", "--timestamp", "\(f.nextTime())"], in: f.repo).lastLine
        try Run.ok(["vote", "--as", "alice", "--height", "1", "--candidates", "\(a),\(b)", "--probs", "0.6,0.4,0"], in: f.repo)
        try Run.ok(["advance"], in: f.repo)
        try f.once()
        #expect(f.runs("tip.txt").map { $0["POT_BLOCK_ID"] } == [a])

        for voter in ["bob", "carol"] {
            try Run.ok(["vote", "--as", voter, "--height", "1", "--candidates", "\(a),\(b)", "--probs", "0,1,0"], in: f.repo)
        }
        try Run.ok(["advance"], in: f.repo)
        #expect(try f.mainBlocks()[1]?.id == b, "main reorganized to B")
        let result = try f.once()
        #expect(result.stdout.contains("on_tip h=1 id=\(b.prefix(12)) tip: ok"), "\(result.stdout)")
        let runs = f.runs("tip.txt")
        #expect(runs.map { $0["POT_BLOCK_ID"] } == [a, b])
        #expect(runs.last?["POT_HEIGHT"] == "1")
        #expect(runs.last?["POT_WORKTREE"]?.hasSuffix("/1-\(b.prefix(12))") == true)
    }

    @Test("DEPLOY-READONLY: pot-deploy changes no ref and no object of the chain")
    func readOnly() throws {
        let f = try DeployFixture(blocks: 4)
        defer { f.remove() }
        try f.writeConfig("""
            [[on_tip]]
            name = "tip"
            \(f.recordRun("tip.txt"))
            [[on_finalize]]
            name = "final"
            \(f.recordRun("final.txt"))
            """)
        let refs = try Run.git(["for-each-ref"], in: f.repo).stdout
        let status = try Run.ok(["status", "--json"], in: f.repo)
        try f.once()
        #expect(!f.runs("final.txt").isEmpty)
        #expect(try Run.git(["for-each-ref"], in: f.repo).stdout == refs)
        #expect(try Run.ok(["status", "--json"], in: f.repo) == status)
        #expect(try Run.pot(["verify"], in: f.repo).status == 0)
    }
}
