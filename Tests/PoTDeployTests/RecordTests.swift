import Foundation
@testable import PoTDeploy
import PoTTestSupport
import Testing

@Suite("The record")
struct RecordTests {
    static func entry(_ height: UInt64, _ hook: String, _ status: RunStatus, event: HookEvent = .tip) -> RecordEntry {
        RecordEntry(event: event, height: height, id: String(repeating: "\(height % 10)", count: 64),
                    commit: String(repeating: "c", count: 40), hook: hook, status: status)
    }

    @Test("DEPLOY-RECORD: entries survive a reopen; a damaged last line is cut off; a damaged line elsewhere is an error naming it")
    func durableLines() throws {
        let dir = TestEnvironment.temporaryDirectory("record")
        defer { TestEnvironment.remove(dir) }
        let path = dir + "/record.jsonl"
        let written = [Self.entry(1, "a", .started), Self.entry(1, "a", .ok), Self.entry(2, "a", .failed)]
        do {
            let record = try RecordFile(path: path)
            try record.append(Array(written.prefix(2)))
            try record.append([written[2]])
        }
        #expect(try RecordFile.read(path: path) == written)

        let intact = try String(contentsOfFile: path, encoding: .utf8)
        try (intact + #"{"event":"tip","hei"#).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try RecordFile.read(path: path) == written, "reading leaves a torn line out")
        let reopened = try RecordFile(path: path)
        #expect(reopened.droppedDamagedLine)
        #expect(reopened.entries == written)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == intact, "opening for append cuts it off")
        try reopened.append([Self.entry(3, "a", .ok)])
        #expect(try RecordFile.read(path: path).count == 4)

        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = "not json"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DeployError("\(path):2: unreadable record entry; move the file away to start a new record")) {
            try RecordFile.read(path: path)
        }
    }

    @Test("DEPLOY-ONCE: a run with any entry is never planned again; a run whose last entry is started counts as unfinished")
    func index() {
        let index = RecordIndex([Self.entry(1, "a", .started), Self.entry(1, "a", .ok), Self.entry(2, "a", .started),
                                 Self.entry(2, "b", .skipped)])
        #expect(index.hasEntry(RunKey(event: .tip, id: String(repeating: "1", count: 64), hook: "a")))
        #expect(index.hasEntry(RunKey(event: .tip, id: String(repeating: "2", count: 64), hook: "b")))
        #expect(!index.hasEntry(RunKey(event: .finalize, id: String(repeating: "2", count: 64), hook: "b")))
        #expect(index.unfinished.map(\.height) == [2])
        #expect(index.highest[.tip]?["a"] == 2)
    }

    @Test("DEPLOY-CATCHUP DEPLOY-SUPERSEDE: the plan marks skipped-over tips superseded, then runs the tip, then each final height in order")
    func plan() throws {
        let blocks = (1...9).map { MainBlock(height: UInt64($0), id: String(repeating: "\($0)", count: 64), commit: String(repeating: "\($0)", count: 40)) }
        let config = DeployConfig(path: "/x.toml",
                                  onTip: [Hook(event: .tip, name: "t", command: .shell("true"))],
                                  onFinalize: [Hook(event: .finalize, name: "f", command: .shell("true")),
                                               Hook(event: .finalize, name: "g", command: .shell("true"))])
        var index = RecordIndex()
        index.add(RecordEntry(event: .finalize, height: 2, id: nil, commit: nil, hook: "f", status: .baseline))
        index.add(RecordEntry(event: .finalize, height: 3, id: nil, commit: nil, hook: "g", status: .baseline))
        index.add(RecordEntry(event: .tip, height: 4, id: blocks[3].id, commit: blocks[3].commit, hook: "t", status: .ok))
        index.add(RecordEntry(event: .finalize, height: 2, id: blocks[1].id, commit: blocks[1].commit, hook: "f", status: .ok))
        let snapshot = ChainSnapshot(chainId: "c", mainCommit: blocks[8].commit, tip: blocks[8], finalizedHeight: 7)
        var asked: [UInt64] = []
        let plan = try Planner.plan(snapshot: snapshot, config: config, index: index) { lowest in
            asked.append(lowest)
            return Array(blocks[Int(lowest - 1)...])
        }
        #expect(asked == [3])
        #expect(plan.entries.map(\.status) == [.superseded, .superseded, .superseded, .superseded])
        #expect(plan.entries.map(\.height) == [5, 6, 7, 8])
        #expect(plan.jobs.map(\.event) == [.tip, .finalize, .finalize, .finalize, .finalize, .finalize])
        #expect(plan.jobs.map(\.block.height) == [9, 3, 4, 5, 6, 7])
        #expect(plan.jobs.dropFirst().map { $0.hooks.map(\.name) } == [["f", "g"], ["f", "g"], ["f", "g"], ["f", "g"], ["f", "g"]])

        let fresh = try Planner.plan(snapshot: ChainSnapshot(chainId: "c", mainCommit: "0", tip: nil, finalizedHeight: 0),
                                     config: config, index: RecordIndex()) { _ in
            Issue.record("a chain at genesis needs no blocks")
            return []
        }
        #expect(fresh.entries.map(\.status) == [.baseline, .baseline] && fresh.entries.map(\.height) == [1, 1])
        #expect(fresh.jobs.isEmpty)
    }

    @Test("DEPLOY-SUPERSEDE DEPLOY-REORG: after main went back to a lower height, the tips above the last one seen are superseded")
    func supersedeAfterAReorganization() throws {
        func block(_ height: UInt64, _ fork: String) -> MainBlock {
            MainBlock(height: height, id: fork + String(repeating: "\(height % 10)", count: 63), commit: fork + String(repeating: "0", count: 39))
        }
        let config = DeployConfig(path: "/x.toml", onTip: [Hook(event: .tip, name: "t", command: .shell("true"))])
        var index = RecordIndex()
        for (height, fork) in [(9, "a"), (10, "a"), (8, "b")] as [(UInt64, String)] {
            let b = block(height, fork)
            index.add(RecordEntry(event: .tip, height: height, id: b.id, commit: b.commit, hook: "t", status: .ok))
        }
        #expect(index.lastHeight[.tip]?["t"] == 8 && index.highest[.tip]?["t"] == 10)
        let main = [block(8, "b"), block(9, "b"), block(10, "b"), block(11, "b")]
        let plan = try Planner.plan(snapshot: ChainSnapshot(chainId: "c", mainCommit: main[3].commit, tip: main[3], finalizedHeight: 0),
                                    config: config, index: index) { lowest in main.filter { $0.height >= lowest } }
        #expect(plan.entries.map(\.height) == [9, 10] && plan.entries.allSatisfy { $0.status == .superseded && $0.id!.hasPrefix("b") })
        #expect(plan.jobs.map(\.block) == [main[3]])
    }
}
