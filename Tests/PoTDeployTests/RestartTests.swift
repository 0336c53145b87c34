import Foundation
import PoTDeploy
import PoTTestSupport
import Testing

@Suite("pot-deploy across restarts")
struct RestartTests {
    @Test("DEPLOY-ONCE DEPLOY-CATCHUP DEPLOY-SUPERSEDE: after downtime every newly final height runs once, in order; tips missed meanwhile are superseded; nothing runs twice")
    func catchUpAfterDowntime() throws {
        let f = try DeployFixture(blocks: 3)
        defer { f.remove() }
        try f.writeRecordingConfig()
        try f.once()
        #expect(f.heights("tip.txt") == [3])
        #expect(f.heights("final.txt") == [1])

        // Down while four blocks arrive: heights 2 to 5 become final.
        try f.addBlocks(4)
        let result = try f.once()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(f.heights("tip.txt") == [3, 7], "only the current tip runs")
        #expect(f.heights("final.txt") == [1, 2, 3, 4, 5], "every final height, in order")
        let blocks = try f.mainBlocks()
        #expect(f.runs("final.txt").map { $0["POT_BLOCK_ID"] ?? "" } == (1...5).map { blocks[UInt64($0)]!.id })
        for height in 4...6 {
            #expect(result.stdout.contains("on_tip h=\(height) id=\(blocks[UInt64(height)]!.id.prefix(12)) tip: superseded"), "\(result.stdout)")
        }
        let superseded = try f.outcomes(.tip, "tip").filter { $0.status == .superseded }
        #expect(superseded.map(\.height) == [4, 5, 6])
        #expect(superseded.allSatisfy { $0.reason?.contains("height 7") == true })

        for _ in 0..<2 {
            let again = try f.once()
            #expect(again.stdout.isEmpty, "\(again.stdout)")
        }
        #expect(f.heights("tip.txt") == [3, 7])
        #expect(f.heights("final.txt") == [1, 2, 3, 4, 5])
        // One outcome per event, block and hook.
        let keys = try f.record().filter(\.status.isOutcome).compactMap(\.runKey)
        #expect(Set(keys).count == keys.count)
    }

    @Test("DEPLOY-START: an on_finalize hook starts at the height that was final when it was first seen; finalize_from reaches back")
    func firstHeight() throws {
        let f = try DeployFixture(blocks: 6)
        defer { f.remove() }
        try f.writeConfig("""
            [[on_finalize]]
            name = "a"
            \(f.recordRun("a.txt"))
            """)
        let first = try f.once()
        #expect(f.heights("a.txt") == [4])
        #expect(first.stdout.contains("on_finalize a: runs from height 4 on"), "\(first.stdout)")
        #expect(try f.record().first?.status == .baseline)

        try f.addBlocks(1)
        try f.writeConfig("""
            [[on_finalize]]
            name = "a"
            \(f.recordRun("a.txt"))

            [[on_finalize]]
            name = "b"
            \(f.recordRun("b.txt"))
            """)
        try f.once()
        #expect(f.heights("a.txt") == [4, 5])
        #expect(f.heights("b.txt") == [5], "a hook added later starts at the height final then")

        try f.writeConfig("""
            finalize_from = 2
            [[on_finalize]]
            name = "a"
            \(f.recordRun("a.txt"))

            [[on_finalize]]
            name = "b"
            \(f.recordRun("b.txt"))
            """)
        try f.once()
        #expect(f.heights("a.txt") == [4, 5, 2, 3])
        #expect(f.heights("b.txt") == [5, 2, 3, 4])
    }

    @Test("DEPLOY-CRASH DEPLOY-RECORD: a run cut off by a crash is closed as interrupted and never run again; a torn last line of the record is dropped")
    func crashDuringAHook() throws {
        let f = try DeployFixture(blocks: 1)
        defer { f.remove() }
        try f.writeConfig("""
            poll_interval_ms = 50
            [[on_tip]]
            name = "slow"
            run = "echo $$ >> \(f.out)/slow.pids; exec sleep 30"

            [[on_tip]]
            name = "after"
            \(f.recordRun("after.txt"))
            """)
        let daemon = try Daemon(f)
        try waitUntil("the hook to start") { !f.read(f.out + "/slow.pids").isEmpty }
        daemon.crash()
        for pid in f.read(f.out + "/slow.pids").split(separator: "\n").compactMap({ Int32($0) }) { kill(-pid, SIGKILL) }
        #expect(try f.record().last?.status == .started)

        let recordPath = f.deployDirectory + "/record.jsonl"
        let handle = try #require(FileHandle(forWritingAtPath: recordPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"event":"tip","height":1,"id":"ab"#.utf8))
        try handle.close()

        let result = try f.once()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("dropped a damaged last line"), "\(result.stderr)")
        #expect(result.stdout.contains("slow: interrupted"), "\(result.stdout)")
        #expect(f.read(f.out + "/slow.pids").split(separator: "\n").count == 1, "the interrupted run is not started again")
        #expect(f.heights("after.txt") == [1], "the hook that never started runs")
        let slow = try f.record().filter { $0.hook == "slow" }.map(\.status)
        #expect(slow == [.started, .interrupted])
        let text = f.read(recordPath)
        #expect(text.hasSuffix("\n") && !text.contains(#""height":1,"id":"ab"#), "the torn line is gone")
        #expect(try RecordFile.read(path: recordPath).count == text.split(separator: "\n").count)

        let again = try f.once()
        #expect(again.stdout.isEmpty)
    }

    @Test("DEPLOY-STOP: SIGTERM during a hook ends its process group, records it as interrupted and exits 0; a restart runs what never started")
    func stopDuringAHook() throws {
        let f = try DeployFixture(blocks: 1)
        defer { f.remove() }
        try f.writeConfig("""
            poll_interval_ms = 50
            kill_grace_seconds = 2
            [[on_tip]]
            name = "slow"
            run = "echo $$ >> \(f.out)/slow.pids; sleep 30 & echo $! >> \(f.out)/slow.pids; wait"

            [[on_tip]]
            name = "after"
            \(f.recordRun("after.txt"))
            """)
        let daemon = try Daemon(f)
        try waitUntil("the hook to start") { f.read(f.out + "/slow.pids").split(separator: "\n").count == 2 }
        #expect(daemon.stop() == 0, "\(daemon.stderr)")
        #expect(daemon.stdout.contains("slow: interrupted"), "\(daemon.stdout)")
        for pid in f.read(f.out + "/slow.pids").split(separator: "\n").compactMap({ Int32($0) }) {
            #expect(!isAlive(pid), "process \(pid) of the hook was ended")
        }
        #expect(f.runs("after.txt").isEmpty, "nothing starts after a stop request")
        #expect(try f.outcomes(.tip, "slow").map(\.status) == [.interrupted])

        try f.once()
        #expect(f.read(f.out + "/slow.pids").split(separator: "\n").count == 2, "the interrupted hook is not run again")
        #expect(f.heights("after.txt") == [1])
    }
}
