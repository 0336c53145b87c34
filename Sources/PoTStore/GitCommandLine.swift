import Foundation

/// Runs the `git` command line, for transport (clone, fetch, push) and work-tree updates.
public enum GitCommandLine {
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public static func run(_ arguments: [String], in directory: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw StoreError("cannot run git: \(error)") }
        // Drain stderr on another thread so a chatty git cannot fill one pipe while we read the other.
        nonisolated(unsafe) var errData = Data()
        let drained = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs git and throws its last error line when it fails.
    @discardableResult
    public static func check(_ arguments: [String], in directory: String? = nil, doing what: String) throws -> Output {
        let output = try run(arguments, in: directory)
        guard output.status == 0 else {
            let line = output.stderr.split(separator: "\n").last.map(String.init) ?? "exit status \(output.status)"
            throw StoreError("\(what) failed: \(line)")
        }
        return output
    }
}
