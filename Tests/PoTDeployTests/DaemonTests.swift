import Foundation
import PoTDeploy
import PoTTestSupport
import Testing

@Suite("pot-deploy as a program")
struct DaemonTests {
    @Test("DEPLOY-WATCH: a watching pot-deploy runs on_tip for each new tip and on_finalize as heights become final, until SIGTERM")
    func watches() throws {
        let f = try DeployFixture(blocks: 2)
        defer { f.remove() }
        try f.writeRecordingConfig(extra: "poll_interval_ms = 50")
        let daemon = try Daemon(f)
        try waitUntil("the first tip") { f.heights("tip.txt") == [2] }
        try f.addBlocks(1)
        try waitUntil("height 3") { f.heights("tip.txt") == [2, 3] && f.heights("final.txt") == [1] }
        try f.addBlocks(1)
        try waitUntil("height 4") { f.heights("tip.txt") == [2, 3, 4] && f.heights("final.txt") == [1, 2] }
        #expect(daemon.stop() == 0)
        #expect(daemon.stderr.contains("pot-deploy: watching "), "\(daemon.stderr)")
        #expect(daemon.stdout.split(separator: "\n").filter { $0.contains(": ok in ") }.count == 5, "\(daemon.stdout)")
    }

    @Test("DEPLOY-LOCK: a second pot-deploy on the same repository refuses with one line naming the first; the lock ends with it")
    func secondInstance() throws {
        let f = try DeployFixture(blocks: 1)
        defer { f.remove() }
        try f.writeRecordingConfig(extra: "poll_interval_ms = 50")
        let daemon = try Daemon(f)
        try waitUntil("the first pot-deploy to run its hook") { f.heights("tip.txt") == [1] }
        let second = try f.deploy(["--once"])
        #expect(second.status == 1)
        let lines = second.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Error: another pot-deploy (pid \(daemon.process.processIdentifier)) is already watching this repository") == true,
                "\(second.stderr)")
        #expect(daemon.stop() == 0)
        try f.addBlocks(1)
        let after = try f.deploy(["--once"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(f.heights("tip.txt") == [1, 2])
    }

    @Test("DEPLOY-OUTPUT: one line per outcome; --json prints the record's entries; --once exits 0, or 2 when a hook failed")
    func output() throws {
        let f = try DeployFixture(blocks: 3)
        defer { f.remove() }
        try f.writeConfig("""
            [[on_tip]]
            name = "tip"
            \(f.recordRun("tip.txt"))
            [[on_finalize]]
            name = "final"
            \(f.recordRun("final.txt", exit: 1))
            """)
        let result = try f.deploy(["--once", "--json"])
        #expect(result.status == 2)
        let printed = try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(RecordEntry.self, from: Data($0.utf8)) }
        #expect(printed == (try f.record()).filter { $0.status != .started })
        #expect(printed.map(\.status) == [.baseline, .ok, .failed])
        #expect(printed[2].exitCode == 1 && printed[2].height == 1 && printed[2].event == .finalize)

        try f.addBlocks(1)
        try f.writeConfig("""
            [[on_tip]]
            name = "tip"
            \(f.recordRun("tip.txt"))
            """)
        let text = try f.deploy(["--once"])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let id = try f.mainBlocks()[4]!.id
        #expect(lines.first?.hasPrefix("on_tip h=4 id=\(id.prefix(12)) tip: ok in ") == true, "\(text.stdout)")
        #expect(lines.first?.hasSuffix(" s") == true)

        // A failure of pot-deploy itself: one Error line, status 1.
        let plain = f.base + "/plain"
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
        try Run.git(["init", "-q", plain], in: f.base)
        let notAChain = try Run.process(DeployFixture.potDeploy, ["--repo", plain, "--config", f.configPath, "--once"], in: f.base, environment: [:])
        #expect(notAChain.status == 1)
        #expect(notAChain.stderr.hasPrefix("Error: this repository holds no PoT chain") && notAChain.stderr.split(separator: "\n").count == 1,
                "\(notAChain.stderr)")
    }

    @Test("DEPLOY-HISTORY: pot-deploy history lists every outcome oldest first; --json gives one entry per line; --last N the last N")
    func history() throws {
        let f = try DeployFixture(blocks: 3)
        defer { f.remove() }
        try f.writeRecordingConfig(extra: "poll_interval_ms = 50")
        try f.once()
        try f.addBlocks(1)
        try f.once()
        let text = try f.deploy(["history"], config: .none)
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n")
        let outcomes = try f.record().filter { $0.status != .started }
        #expect(lines.count == outcomes.count)
        for (line, entry) in zip(lines, outcomes) {
            #expect(line == "\(entry.time) \(RunLine.text(entry))")
        }
        #expect(lines.contains { $0.contains("on_finalize h=2 ") && $0.contains("final: ok in ") })

        let json = try f.deploy(["history", "--json", "--last", "2"], config: .none)
        let entries = try json.stdout.split(separator: "\n").map { try JSONDecoder().decode(RecordEntry.self, from: Data($0.utf8)) }
        #expect(entries == Array(outcomes.suffix(2)))

        let bad = try f.deploy(["history", "--last", "0"], config: .none)
        #expect(bad.status == 1 && bad.stderr.hasPrefix("Error: "))
    }

    @Test("DEPLOY-DISPATCH: pot deploy … runs pot-deploy")
    func dispatch() throws {
        let f = try DeployFixture(blocks: 1)
        defer { f.remove() }
        try f.writeRecordingConfig(extra: "poll_interval_ms = 50")
        let result = try Run.pot(["deploy", "--repo", f.repo, "--config", f.configPath, "--once"], in: f.base)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("on_tip h=1 "), "\(result.stdout)")
        #expect(f.heights("tip.txt") == [1])
        let history = try Run.pot(["-C", f.repo, "deploy", "history"], in: f.base)
        #expect(history.status == 0)
        #expect(history.stdout.contains("tip: ok in "))
    }
}
