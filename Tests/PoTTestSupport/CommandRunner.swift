import Foundation

public struct CommandResult {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    public var lastLine: String { stdout.split(separator: "\n").last.map(String.init) ?? "" }
}

/// Runs `pot` and `git` as separate processes, the way a person would.
public enum Run {
    @discardableResult
    public static func pot(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> CommandResult {
        try process(TestEnvironment.pot, arguments, in: directory, environment: environment)
    }

    /// `pot` that must succeed; returns its standard output.
    @discardableResult
    public static func ok(_ arguments: [String], in directory: String) throws -> String {
        let result = try pot(arguments, in: directory)
        guard result.status == 0 else {
            throw TestFailure("pot \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    @discardableResult
    public static func git(_ arguments: [String], in directory: String) throws -> CommandResult {
        try process("/usr/bin/env", ["git"] + arguments, in: directory, environment: [:])
    }

    public static func process(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["GIT_AUTHOR_NAME"] = "Test"; env["GIT_AUTHOR_EMAIL"] = "test@example.org"
        env["GIT_COMMITTER_NAME"] = "Test"; env["GIT_COMMITTER_EMAIL"] = "test@example.org"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errReader = Thread.detachNewThreadReading(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errReader.wait(), as: UTF8.self))
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Reads a pipe on another thread so a chatty stderr cannot block the child.
public final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    public init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
    }
    public func wait() -> Data { done.wait(); return data }
}

extension Thread {
    public static func detachNewThreadReading(_ pipe: Pipe) -> PipeReader { PipeReader(pipe) }
}
