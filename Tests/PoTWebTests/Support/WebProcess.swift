import Foundation
import PoTTestSupport

/// A running `pot-web` process, started as a person would start it.
final class WebProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    /// The lines printed on stdout before the server was reached.
    let banner: [String]
    private let stdout: FileHandle
    private let stderr: PipeReader

    static var executable: String { TestEnvironment.binDirectory + "/pot-web" }

    /// Starts pot-web with `arguments` and waits (at most `timeout` seconds) for `lines` lines of
    /// its banner, the first of which names the address.
    init(_ arguments: [String], bannerLines lines: Int = 1, timeout: TimeInterval = 60) throws {
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        stdout = out.fileHandleForReading
        stderr = PipeReader(err)
        var received = ""
        let deadline = Date().addingTimeInterval(timeout)
        while received.split(separator: "\n", omittingEmptySubsequences: false).count <= lines, Date() < deadline, process.isRunning {
            let chunk = stdout.availableData
            if chunk.isEmpty { break }
            received += String(decoding: chunk, as: UTF8.self)
        }
        banner = received.split(separator: "\n").map(String.init)
        guard let first = banner.first, first.hasPrefix("listening on http://"), let colon = first.lastIndex(of: ":"),
              let port = Int(first[first.index(after: colon)...]) else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            throw TestFailure("pot-web did not start: stdout \(received), stderr \(String(decoding: stderr.wait(), as: UTF8.self))")
        }
        self.port = port
    }

    /// Sends SIGTERM and waits for the exit, at most `timeout` seconds; returns the exit status
    /// (nil if it had to be killed).
    @discardableResult
    func stop(timeout: TimeInterval = 30) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    var errorOutput: String { String(decoding: stderr.wait(), as: UTF8.self) }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

/// Runs pot-web as a command that is expected to exit at once.
func runWeb(_ arguments: [String]) throws -> CommandResult {
    try Run.process(WebProcess.executable, arguments, in: "/", environment: [:])
}
