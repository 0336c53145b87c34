import Foundation
import PoTDeploy
import PoTTestSupport
import Testing

@Suite("pot-deploy runs hooks")
struct HookRunTests {
    @Test("DEPLOY-TIP DEPLOY-ENV DEPLOY-WORKTREE: on_tip runs once in a detached worktree of the tip, with the documented environment")
    func tipHookEnvironment() throws {
        let f = try DeployFixture(blocks: 3)
        defer { f.remove() }
        try f.writeConfig("""
            [[on_tip]]
            name = "build"
            \(f.recordRun("tip.txt"))
            env = { GREETING = "hello" }
            """)
        // As from a git hook: GIT_DIR must not lead pot-deploy or the hook elsewhere.
        let result = try f.once(environment: ["GIT_DIR": "/nonexistent", "GIT_WORK_TREE": "/"])
        #expect(result.status == 0, "\(result.stderr)")
        let blocks = try f.mainBlocks()
        let tip = try #require(blocks[3])
        #expect(result.stdout.contains("on_tip h=3 id=\(tip.id.prefix(12)) build: ok in "), "\(result.stdout)")

        let runs = f.runs("tip.txt")
        try #require(runs.count == 1)
        let env = runs[0]
        let status = try f.status()
        #expect(env["POT_EVENT"] == "tip")
        #expect(env["POT_HEIGHT"] == "3")
        #expect(env["POT_BLOCK_ID"] == tip.id)
        #expect(env["POT_COMMIT"] == tip.commit)
        #expect(env["POT_CHAIN_ID"] == status["chain_id"] as? String)
        #expect(env["POT_FINALIZED_HEIGHT"] == "1")
        #expect(env["POT_TIP_HEIGHT"] == "3")
        #expect(env["POT_HOOK"] == "build")
        #expect(env["POT_REPO"].map(DeployFixture.resolved) == DeployFixture.resolved(f.repo))
        #expect(env["GREETING"] == "hello")
        #expect(env["GIT_DIR"] == nil)
        let worktree = try #require(env["POT_WORKTREE"])
        #expect(env["CWD"] == worktree)
        #expect(worktree.hasSuffix("/3-\(tip.id.prefix(12))"))
        #expect(try Run.git(["rev-parse", "HEAD"], in: worktree).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == tip.commit)
        #expect(try Run.git(["symbolic-ref", "-q", "HEAD"], in: worktree).status != 0, "the worktree's HEAD is detached")

        let again = try f.once()
        #expect(again.status == 0)
        #expect(again.stdout.isEmpty, "nothing new to run: \(again.stdout)")
        #expect(f.runs("tip.txt").count == 1)
    }

    @Test("DEPLOY-WORKTREE: workdir runs the hook in a directory of the block's tree; a block's on_tip and on_finalize hooks share its worktree")
    func workdirInsideTheTree() throws {
        let f = try DeployFixture(blocks: 0)
        defer { f.remove() }
        // A commit with app/version, merged by block 1.
        let made = try Run.process("/bin/sh", ["-c", """
            blob=$(printf 'v1\\n' | git hash-object -w --stdin)
            app=$(printf '100644 blob %s\\tversion\\n' "$blob" | git mktree)
            tree=$(printf '040000 tree %s\\tapp\\n' "$app" | git mktree)
            git commit-tree "$tree" -m code
            """], in: f.repo, environment: [:])
        let code = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(made.status == 0 && code.count == 40, "\(made.stderr)")
        try Run.ok(["propose", "--as", "alice", "--canonical", "--merge", code, "--timestamp", "\(f.nextTime())"], in: f.repo)
        try f.writeConfig("""
            [[on_tip]]
            name = "show"
            run = "cat version > \(f.out)/tip-version; pwd > \(f.out)/tip-pwd"
            workdir = "app"

            [[on_finalize]]
            name = "ship"
            run = "cat app/version > \(f.out)/final-version; pwd > \(f.out)/final-pwd"
            """)
        try f.once()
        #expect(f.read(f.out + "/tip-version") == "v1\n")
        let tipDirectory = f.read(f.out + "/tip-pwd").trimmingCharacters(in: .whitespacesAndNewlines)
        let block = try #require(try f.mainBlocks()[1])
        #expect(tipDirectory.hasSuffix("/1-\(block.id.prefix(12))/app"), "\(tipDirectory)")

        try f.addBlocks(2)
        try f.once()
        #expect(f.read(f.out + "/final-version") == "v1\n")
        let finalDirectory = f.read(f.out + "/final-pwd").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(finalDirectory + "/app" == tipDirectory, "height 1 became final in the worktree its tip hook used")
    }

    @Test("DEPLOY-FINALIZE DEPLOY-ENV: on_finalize runs for each newly final height in order, with that block's id, commit and worktree")
    func finalizeHooks() throws {
        let f = try DeployFixture(blocks: 0)
        defer { f.remove() }
        try f.writeConfig("""
            [[on_tip]]
            name = "tip"
            \(f.recordRun("tip.txt"))

            [[on_finalize]]
            name = "final"
            \(f.recordRun("final.txt"))
            """)
        let first = try f.once()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(f.runs("tip.txt").isEmpty && f.runs("final.txt").isEmpty, "nothing runs at genesis")

        try f.addBlocks(4)
        let result = try f.once()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(f.heights("tip.txt") == [4])
        #expect(f.heights("final.txt") == [1, 2])
        let blocks = try f.mainBlocks()
        for run in f.runs("final.txt") {
            let height = try #require(run["POT_HEIGHT"].flatMap { UInt64($0) })
            #expect(run["POT_EVENT"] == "finalize")
            #expect(run["POT_BLOCK_ID"] == blocks[height]?.id)
            #expect(run["POT_COMMIT"] == blocks[height]?.commit)
            #expect(run["POT_FINALIZED_HEIGHT"] == "2")
            #expect(run["POT_TIP_HEIGHT"] == "4")
            #expect(run["POT_HOOK"] == "final")
            let worktree = try #require(run["POT_WORKTREE"])
            #expect(try Run.git(["rev-parse", "HEAD"], in: worktree).stdout.hasPrefix(blocks[height]!.commit))
        }
        // The tip's hooks first, then the final heights in order.
        let lines = result.stdout.split(separator: "\n").filter { $0.contains(": ok in ") }
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("on_tip h=4 ") == true)
        #expect(lines.dropFirst().map { String($0.prefix(15)) } == ["on_finalize h=1", "on_finalize h=2"])
    }

    @Test("DEPLOY-LOG: each run's stdout and stderr go to a log of its own, named in the record and in POT_LOG")
    func logs() throws {
        let f = try DeployFixture(blocks: 3)
        defer { f.remove() }
        try f.writeConfig("""
            [[on_tip]]
            name = "build"
            \(f.recordRun("tip.txt"))

            [[on_finalize]]
            name = "ship"
            \(f.recordRun("final.txt"))
            """)
        try f.once()
        let blocks = try f.mainBlocks()
        let tipLog = f.deployDirectory + "/logs/tip-3-\(blocks[3]!.id.prefix(12))-build.log"
        let finalLog = f.deployDirectory + "/logs/finalize-1-\(blocks[1]!.id.prefix(12))-ship.log"
        #expect(f.read(tipLog).contains("stdout of build at height 3\n"))
        #expect(f.read(tipLog).contains("stderr of build\n"))
        #expect(f.read(finalLog).contains("stdout of ship at height 1\n"))
        #expect(!f.read(finalLog).contains("build"), "one log per run")
        #expect(f.runs("tip.txt").first?["POT_LOG"].map(DeployFixture.resolved) == DeployFixture.resolved(tipLog))
        #expect(try f.outcomes(.tip, "build").map { $0.log.map(DeployFixture.resolved) } == [DeployFixture.resolved(tipLog)])

        // log_dir is taken from the configuration file's directory.
        try f.writeConfig("""
            log_dir = "my-logs"
            [[on_tip]]
            name = "again"
            \(f.recordRun("again.txt"))
            """)
        try f.addBlocks(1)
        try f.once()
        let moved = f.base + "/my-logs/tip-4-\(try f.mainBlocks()[4]!.id.prefix(12))-again.log"
        #expect(f.read(moved).contains("stdout of again at height 4"))
    }

    @Test("DEPLOY-FAIL: a failing hook is recorded with its exit code; later hooks of the block are skipped unless it has continue_on_failure; the next block runs")
    func failingHooks() throws {
        let f = try DeployFixture(blocks: 1)
        defer { f.remove() }
        try f.writeConfig("""
            [[on_tip]]
            name = "lint"
            \(f.recordRun("lint.txt", exit: 3))
            continue_on_failure = true

            [[on_tip]]
            name = "build"
            \(f.recordRun("build.txt", exit: 4))

            [[on_tip]]
            name = "deploy"
            \(f.recordRun("deploy.txt"))
            """)
        let result = try f.once()
        #expect(result.status == 2, "a hook failed: --once exits 2")
        #expect(result.stdout.contains("lint: failed (exit status 3)"), "\(result.stdout)")
        #expect(result.stdout.contains("build: failed (exit status 4)"))
        #expect(result.stdout.contains("deploy: skipped (on_tip hook build failed)"))
        #expect(f.runs("lint.txt").count == 1 && f.runs("build.txt").count == 1 && f.runs("deploy.txt").isEmpty)
        #expect(try f.outcomes(.tip, "lint").map(\.exitCode) == [3])
        #expect(try f.outcomes(.tip, "build").map(\.status) == [.failed])
        #expect(try f.outcomes(.tip, "deploy").map(\.status) == [.skipped])

        try f.addBlocks(1)
        let next = try f.once()
        #expect(next.status == 2)
        #expect(f.heights("lint.txt") == [1, 2], "the next block still runs")
        #expect(f.heights("build.txt") == [1, 2])
        #expect(f.runs("deploy.txt").isEmpty)

        // A command that cannot be found fails like any other.
        try f.writeConfig("""
            [[on_tip]]
            name = "missing"
            run = ["no-such-program-anywhere"]
            """)
        try f.addBlocks(1)
        let missing = try f.once()
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("missing: failed (command not found: no-such-program-anywhere)"), "\(missing.stdout)")
        #expect(try f.outcomes(.tip, "missing").map(\.exitCode) == [127])
    }

    @Test("DEPLOY-TIMEOUT: a hook still running at its timeout is ended with its whole process group and recorded as timeout")
    func timeouts() throws {
        let f = try DeployFixture(blocks: 1)
        defer { f.remove() }
        try f.writeConfig("""
            kill_grace_seconds = 1

            [[on_tip]]
            name = "sleepy"
            run = "echo $$ > \(f.out)/sleepy.pids; sleep 30 & echo $! >> \(f.out)/sleepy.pids; wait"
            timeout_seconds = 1
            continue_on_failure = true

            [[on_tip]]
            name = "stubborn"
            run = "trap '' TERM; echo $$ > \(f.out)/stubborn.pids; sleep 30 & echo $! >> \(f.out)/stubborn.pids; wait; sleep 30"
            timeout_seconds = 1
            """)
        let result = try f.once()
        #expect(result.status == 2)
        #expect(result.stdout.contains("sleepy: timeout"), "\(result.stdout)")
        #expect(result.stdout.contains("stubborn: timeout"))
        let sleepy = try #require(try f.outcomes(.tip, "sleepy").first)
        let stubborn = try #require(try f.outcomes(.tip, "stubborn").first)
        #expect(sleepy.status == .timeout && stubborn.status == .timeout)
        #expect(sleepy.reason?.contains("SIGTERM") == true)
        #expect(stubborn.reason?.contains("SIGKILL") == true, "a group that ignores SIGTERM gets SIGKILL: \(stubborn.reason ?? "")")
        for file in ["sleepy.pids", "stubborn.pids"] {
            let pids = f.read(f.out + "/" + file).split(separator: "\n").compactMap { Int32($0) }
            #expect(pids.count == 2, "\(file)")
            for pid in pids { #expect(!isAlive(pid), "process \(pid) of \(file) was ended") }
        }
        #expect(f.read(sleepy.log ?? "").contains("timed out after 1 s"))
    }
}
