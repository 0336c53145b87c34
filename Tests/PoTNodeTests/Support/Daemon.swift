import Foundation
import PoTTestSupport

/// A `pot-bootstrap` process on loopback, started on a free port.
final class Daemon: @unchecked Sendable {
    let repo: String
    let process = Process()
    private(set) var address = ""
    private(set) var metricsAddress: String?
    let logPath: String
    private let output = Pipe()

    /// Starts the daemon and, unless `waiting` is false, waits until it listens.
    init(repo: String, peers: [String] = [], chainId: String? = nil, metrics: Bool = false, listen: String = "127.0.0.1:0",
         waiting: Bool = true, arguments extra: [String] = []) throws {
        self.repo = repo
        logPath = repo + ".log"
        var arguments = ["--repo", repo, "--listen", listen, "--log-level", "debug"]
        if !peers.isEmpty { arguments += ["--peers", peers.joined(separator: ",")] }
        if let chainId { arguments += ["--chain-id", chainId] }
        if metrics { arguments += ["--metrics", "127.0.0.1:0"] }
        arguments += extra
        process.executableURL = URL(fileURLWithPath: TestEnvironment.binDirectory + "/pot-bootstrap")
        process.arguments = arguments
        // Work handed to an event loop that has shut down is a crash, with a backtrace, rather than a line on stderr.
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFTNIO_STRICT": "1"]) { $1 }
        process.standardOutput = output
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        if waiting { try waitUntilListening(metrics: metrics) }
    }

    /// Reads the banner: the first line says where it listens; the second, where metrics are served.
    func waitUntilListening(metrics: Bool = false, seconds: Double = 20) throws {
        let reader = output.fileHandleForReading
        var text = ""
        let deadline = Date().addingTimeInterval(seconds)
        while !text.contains("listening on "), Date() < deadline, process.isRunning {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        if metrics, !text.contains("metrics on ") { text += String(decoding: reader.availableData, as: UTF8.self) }
        for line in text.split(separator: "\n") {
            if line.hasPrefix("listening on ") { address = String(line.dropFirst("listening on ".count)) }
            if line.hasPrefix("metrics on http://") {
                metricsAddress = String(line.dropFirst("metrics on http://".count).dropLast("/metrics".count))
            }
        }
        guard !address.isEmpty else {
            process.terminate()
            throw TestFailure("pot-bootstrap did not start: \(text) \((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")")
        }
    }

    var port: Int { Int(address.split(separator: ":").last ?? "0") ?? 0 }

    /// The body of `GET /metrics`.
    func scrapeMetrics() throws -> String {
        let scrape = try RawSocket(port: Int(metricsAddress?.split(separator: ":").last ?? "0") ?? 0)
        scrape.send(Array("GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8))
        let response = String(decoding: scrape.readUntilClosed(within: 5).bytes, as: UTF8.self)
        guard let split = response.range(of: "\r\n\r\n") else { throw TestFailure("no HTTP response: \(response)") }
        return String(response[split.upperBound...])
    }

    /// Waits for the process to end after a signal (or by itself) and gives its exit status.
    func waitForExit(seconds: Double = 30) -> Int32? {
        guard eventually(seconds, { !self.process.isRunning }) else { return nil }
        return process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus
    }

    func stop(signal: Int32 = SIGTERM) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
}

/// Creates a repository at `repo` with a small chain (alice endowed) and returns its chain id.
func initChain(at repo: String) throws -> String {
    try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
    try Run.ok(["init", "--k", "2", "--alpha", "1000", "--endow", "alice=10000", "--timestamp", "1700000000"], in: repo)
    let status = try JSONSerialization.jsonObject(with: Data(Run.ok(["status", "--json"], in: repo).utf8)) as? [String: Any]
    guard let id = status?["chain_id"] as? String else { throw TestFailure("pot status gave no chain id") }
    return id
}

/// Polls `condition` until it holds or `seconds` pass.
func eventually(_ seconds: Double = 30, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.1)
    }
    return try condition()
}

func refs(in repo: String, under prefix: String = "refs/pot/") throws -> Set<String> {
    let output = try Run.git(["for-each-ref", "--format=%(refname)", prefix], in: repo).stdout
    return Set(output.split(separator: "\n").map(String.init))
}

func mainCommit(_ repo: String) -> String {
    ((try? Run.git(["rev-parse", "refs/heads/main"], in: repo).stdout) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
}
