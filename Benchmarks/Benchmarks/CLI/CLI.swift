import BenchSupport
import Benchmark
import Foundation
import PoTCore
import PoTStore

// The real release `pot` binary run as a subprocess (wall time of one run per iteration):
//
//   status.chain1k       pot status, warm cache, chain of 1 000 blocks (no votes)
//   status.chain10k      pot status, warm cache, chain of 10 000 blocks (no votes)
//   gitlog.chain10k      git log -1 in the 10 000-block repository
//   propose.merge        pot propose --merge <commit> --canonical --as alice
//   gitmerge.noff        git merge --no-ff <commit> in an identical copy of the repository
//
// The two merge benchmarks start every iteration from a fresh copy of one template repository
// (copied outside the measured interval): a 100-block chain whose block 1 merged a 200-file
// code commit, main checked out, state cache warm; <commit> is a child of that code commit
// changing one file and adding another.

let statusChains = [1_000, 10_000]
let proposeChainBlocks = 100

var templateDirectory: String { BenchPaths.fixtures + "/propose-template" }
var workDirectory: String { BenchPaths.fixtures + "/work" }

/// The template of the merge benchmarks; returns the commit to merge.
func proposeTemplate() throws -> String {
    let dir = templateDirectory
    let sideFile = dir + "/.git/bench-side-commit"
    if FileManager.default.fileExists(atPath: dir + "/.git/pot-bench-complete"),
       let side = try? String(contentsOfFile: sideFile, encoding: .utf8) {
        return side.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let alice = benchKey(0)
    let params = try ChainParams(confirmations: 2, alpha: 1000, initialAccounts: [.init(key: alice.publicKey, balance: 10_000_000)],
                                 createdAt: ChainFixture.createdAt, note: "pot benchmark fixture")
    let store = try ChainFixture.initialize(at: dir, params: params)
    try ChainFixture.installKey(alice, label: "alice", in: store)

    // 200 source files in 10 folders, committed as an orphan code commit, then a child commit.
    let scratch = BenchPaths.fixtures + "/propose-scratch"
    try? FileManager.default.removeItem(atPath: scratch)
    for module in 0..<10 {
        let folder = scratch + "/src/module\(module)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in 0..<20 {
            var text = "// module \(module), file \(file)\n"
            for line in 0..<60 { text += "let value\(line) = \(module * 10_000 + file * 100 + line)\n" }
            try text.write(toFile: folder + "/file\(file).swift", atomically: false, encoding: .utf8)
        }
    }
    try "# benchmark code\n".write(toFile: scratch + "/README.md", atomically: false, encoding: .utf8)
    let index = ["GIT_INDEX_FILE": dir + "/.git/bench-index"]
    let gitArgs = ["--git-dir=\(dir)/.git", "--work-tree=\(scratch)"]
    func commit(_ message: String, parents: [String]) throws -> String {
        try Command.git(gitArgs + ["add", "-A"], in: dir, environment: index)
        let tree = try Command.git(gitArgs + ["write-tree"], in: dir, environment: index)
        return try Command.git(["commit-tree", tree, "-m", message] + parents.flatMap { ["-p", $0] }, in: dir, environment: index)
    }
    let code = try commit("import code", parents: [])
    try "// changed by the feature branch\n".appending(String(repeating: "let feature = 1\n", count: 10))
        .write(toFile: scratch + "/src/module3/file7.swift", atomically: false, encoding: .utf8)
    try "let added = true\n".write(toFile: scratch + "/src/module3/added.swift", atomically: false, encoding: .utf8)
    let side = try commit("feature", parents: [code])
    try Command.git(["update-ref", "refs/heads/feature", side], in: dir)
    try? FileManager.default.removeItem(atPath: dir + "/.git/bench-index")
    try? FileManager.default.removeItem(atPath: scratch)

    // Block 1 merges the code, blocks 2…100 merge nothing; all canonical, through the library.
    _ = try store.propose(as: alice, merges: [try store.git.revParse(code)], timestamp: nil,
                          now: ChainFixture.createdAt + 1, canonical: true)
    for height in 2...UInt64(proposeChainBlocks) {
        _ = try store.propose(as: alice, merges: [], timestamp: nil, now: ChainFixture.createdAt + height, canonical: true)
    }
    guard try Command.git(["symbolic-ref", "HEAD"], in: dir) == ChainLayout.main else {
        throw BenchFailure("HEAD of \(dir) is not refs/heads/main")
    }
    try Command.git(["reset", "--hard", "-q"], in: dir)
    try Command.check(try Command.requirePot(), ["status"], in: dir)
    try side.write(toFile: sideFile, atomically: true, encoding: .utf8)
    _ = FileManager.default.createFile(atPath: dir + "/.git/pot-bench-complete", contents: Data())
    return side
}

nonisolated(unsafe) var sideCommit = ""

let benchmarks: @Sendable () -> Void = {
    func config(iterations: Int, seconds: Int, warmup: Int, setup: @escaping () async throws -> Void) -> Benchmark.Configuration {
        Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal],
            timeUnits: .microseconds,
            warmupIterations: warmup,
            scalingFactor: .one,
            maxDuration: .seconds(seconds),
            maxIterations: iterations,
            setup: setup)
    }

    for blocks in statusChains {
        Benchmark("status.chain\(blocks / 1000)k",
                  configuration: config(iterations: 200, seconds: 15, warmup: 3) { try ChainFixture.statusChain(blocks) }) { benchmark in
            let status = (try? Command.quiet(BenchPaths.pot, ["status"], in: ChainFixture.statusDirectory(blocks))) ?? -1
            if status != 0 { benchmark.error("pot status exited \(status)") }
        }
    }

    Benchmark("gitlog.chain10k",
              configuration: config(iterations: 200, seconds: 10, warmup: 3) { try ChainFixture.statusChain(10_000) }) { benchmark in
        let status = (try? Command.quiet(BenchPaths.git, ["log", "-1"], in: ChainFixture.statusDirectory(10_000))) ?? -1
        if status != 0 { benchmark.error("git log -1 exited \(status)") }
    }

    let mergeSetup: () async throws -> Void = {
        sideCommit = try proposeTemplate()
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
    }

    /// One iteration: a fresh copy of the template with its index refreshed (a copy changes every
    /// file's inode and ctime, which the index records), not measured; then `command` (measured);
    /// then a check that the merge reached the work tree.
    func mergeIteration(_ benchmark: Benchmark, name: String, _ executable: String, _ arguments: [String]) {
        let copy = workDirectory + "/\(name)"
        do {
            try copyTree(templateDirectory, to: copy)
            try Command.git(["update-index", "-q", "--refresh"], in: copy)
        } catch {
            benchmark.error("preparing the copy failed: \(error)")
            return
        }
        benchmark.startMeasurement()
        let status = (try? Command.quiet(executable, arguments, in: copy)) ?? -1
        benchmark.stopMeasurement()
        if status != 0 { benchmark.error("\(name) exited \(status) in \(copy)") }
        if !FileManager.default.fileExists(atPath: copy + "/src/module3/added.swift") {
            benchmark.error("\(name): the merged file is not in the work tree of \(copy)")
        }
        try? FileManager.default.removeItem(atPath: copy)
    }

    Benchmark("propose.merge", configuration: config(iterations: 30, seconds: 30, warmup: 2, setup: mergeSetup)) { benchmark in
        mergeIteration(benchmark, name: "propose", BenchPaths.pot,
                       ["propose", "--merge", sideCommit, "--canonical", "--as", "alice"])
    }

    Benchmark("gitmerge.noff", configuration: config(iterations: 30, seconds: 30, warmup: 2, setup: mergeSetup)) { benchmark in
        mergeIteration(benchmark, name: "gitmerge", BenchPaths.git,
                       ["merge", "--no-ff", "-q", "-m", "merge feature", sideCommit])
    }
}
