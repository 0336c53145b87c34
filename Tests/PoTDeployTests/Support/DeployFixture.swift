import Foundation
import PoTDeploy
import PoTTestSupport

/// A chain made with the real `pot` in a temporary directory, a hook script that notes its
/// environment, and the built `pot-deploy` run as a separate process.
final class DeployFixture {
    /// The temporary directory: `repo/` holds the chain, `out/` the hook script and what hooks write.
    let base: String
    let repo: String
    let out: String
    private var clock: UInt64 = 1_700_000_100

    static var potDeploy: String { TestEnvironment.binDirectory + "/pot-deploy" }

    /// A chain with K = 2 whose only member is alice, and `blocks` canonical blocks.
    init(blocks: Int = 0, members: [String: Int] = ["alice": 10000]) throws {
        base = TestEnvironment.temporaryDirectory("deploy")
        repo = base + "/repo"
        out = base + "/out"
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let endowments = members.sorted { $0.key < $1.key }.flatMap { ["--endow", "\($0.key)=\($0.value)"] }
        try Run.ok(["init", "--k", "2", "--alpha", "1000"] + endowments + ["--timestamp", "1700000000"], in: repo)
        try write(Self.recorderScript, to: recorder, mode: 0o755)
        try addBlocks(blocks)
    }

    func remove() { TestEnvironment.remove(base) }

    // MARK: The chain

    /// Proposes `count` canonical blocks by alice.
    func addBlocks(_ count: Int) throws {
        for _ in 0..<count { try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "\(nextTime())"], in: repo) }
    }

    func nextTime() -> UInt64 {
        clock += 10
        return clock
    }

    /// The blocks on main by height, read with git.
    func mainBlocks() throws -> [UInt64: (id: String, commit: String)] {
        let log = try Run.git(["log", "--first-parent", "--format=%H %s", "main"], in: repo).stdout
        var blocks: [UInt64: (id: String, commit: String)] = [:]
        for line in log.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 5, parts[1] == "pot:", parts[2] == "block" else { continue }
            blocks[UInt64(parts[3].dropFirst(2))!] = (String(parts[4].dropFirst(3)), String(parts[0]))
        }
        return blocks
    }

    func status() throws -> [String: Any] {
        let json = try Run.ok(["status", "--json"], in: repo)
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    }

    // MARK: pot-deploy

    /// The default configuration path used by `deploy`.
    var configPath: String { base + "/deploy.toml" }

    /// A config whose on_tip hook "tip" and on_finalize hook "final" append their heights to
    /// tip.txt and final.txt; `extra` goes first (top-level keys).
    @discardableResult
    func writeRecordingConfig(extra: String = "") throws -> String {
        try writeConfig("""
            \(extra)
            [[on_tip]]
            name = "tip"
            \(recordRun("tip.txt"))

            [[on_finalize]]
            name = "final"
            \(recordRun("final.txt"))
            """)
    }

    @discardableResult
    func writeConfig(_ text: String, to path: String? = nil) throws -> String {
        let path = path ?? configPath
        try write(text, to: path)
        return path
    }

    /// Runs `pot-deploy [verb] --repo <repo> [--config <configPath>] <arguments>`; `config: .none`
    /// leaves --config out.
    func deploy(_ arguments: [String], config: String?? = .some(nil), environment: [String: String] = [:]) throws -> CommandResult {
        let configArguments: [String] = switch config {
        case .none: []
        case .some(.none): ["--config", configPath]
        case .some(.some(let path)): ["--config", path]
        }
        let verb = arguments.first.map { ["watch", "history", "check"].contains($0) } == true ? [arguments[0]] : []
        return try Run.process(Self.potDeploy, verb + ["--repo", repo] + configArguments + arguments.dropFirst(verb.count),
                               in: base, environment: environment)
    }

    /// `pot-deploy --once` that must not fail as a program (hooks may fail: status 2).
    @discardableResult
    func once(_ extra: [String] = [], environment: [String: String] = [:]) throws -> CommandResult {
        let result = try deploy(["--once"] + extra, environment: environment)
        guard result.status == 0 || result.status == 2 else {
            throw TestFailure("pot-deploy --once failed (\(result.status)): \(result.stderr)")
        }
        return result
    }

    var deployDirectory: String { repo + "/.git/pot/deploy" }

    func record() throws -> [RecordEntry] { try RecordFile.read(path: deployDirectory + "/record.jsonl") }

    /// Outcome entries (not started, not baseline) of one event and hook, in record order.
    func outcomes(_ event: HookEvent, _ hook: String) throws -> [RecordEntry] {
        try record().filter { $0.event == event && $0.hook == hook && $0.status.isOutcome }
    }

    // MARK: Hooks

    /// `record.sh FILE [STATUS]` appends one line to FILE: every POT_ variable, GREETING, GIT_DIR
    /// and the working directory; prints to stdout and stderr; exits with STATUS.
    var recorder: String { out + "/record.sh" }

    static let recorderScript = """
        #!/bin/sh
        printf '%s CWD=%s\\n' "$(env | grep -E '^(POT_[A-Z_]*|GREETING|GIT_DIR)=' | sort | tr '\\n' ' ')" "$(pwd)" >> "$1"
        echo "stdout of $POT_HOOK at height $POT_HEIGHT"
        echo "stderr of $POT_HOOK" >&2
        exit "${2:-0}"

        """

    /// A `run = [...]` value that records into `out/<file>`.
    func recordRun(_ file: String, exit status: Int = 0) -> String {
        "run = [\"\(recorder)\", \"\(out)/\(file)\", \"\(status)\"]"
    }

    /// The lines a recording hook wrote to `out/<file>`, one dictionary per run.
    func runs(_ file: String) -> [[String: String]] {
        guard let text = try? String(contentsOfFile: out + "/" + file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { (line: Substring) -> [String: String] in
            var values: [String: String] = [:]
            for pair: Substring in line.split(separator: " ") where pair.contains("=") {
                let key: Substring = pair.prefix { $0 != "=" }
                values[String(key)] = String(pair.dropFirst(key.count + 1))
            }
            return values
        }
    }

    func heights(_ file: String) -> [UInt64] { runs(file).compactMap { $0["POT_HEIGHT"].flatMap { UInt64($0) } } }

    func write(_ text: String, to path: String, mode: Int = 0o644) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    static func resolved(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
}

/// A `pot-deploy` watching in the background, its output going to files.
final class Daemon {
    let process = Process()
    let stdoutPath: String
    let stderrPath: String

    init(_ fixture: DeployFixture, _ arguments: [String] = []) throws {
        stdoutPath = fixture.base + "/daemon-\(UUID().uuidString.prefix(6)).out"
        stderrPath = stdoutPath + ".err"
        FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: DeployFixture.potDeploy)
        process.arguments = ["--repo", fixture.repo, "--config", fixture.configPath] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: fixture.base)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Sends SIGTERM and waits for the exit status.
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Ends the process at once, as a crash would.
    func crash() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

/// Polls `condition` until it holds; fails after a generous bound (not a timing check).
func waitUntil(_ what: String, seconds: Double = 60, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return }
        usleep(50_000)
    }
    throw TestFailure("gave up waiting for \(what)")
}

/// Whether a process exists and is not a zombie.
func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return kill(pid, 0) == 0 }
    return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
}
