import Foundation

/// Runs the `pot-light` executable of the same build as the tests.
enum PotLightBinary {
    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let path: String = {
        let candidates: [String?] = [
            Bundle.main.executableURL?.deletingLastPathComponent().path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path,
        ]
        for case let dir? in candidates where FileManager.default.isExecutableFile(atPath: dir + "/pot-light") {
            return dir + "/pot-light"
        }
        return "pot-light"
    }()

    static func run(_ arguments: [String], in directory: String) async throws -> Result {
        let out = directory + "/.stdout-\(UUID().uuidString.prefix(8))"
        let err = directory + "/.stderr-\(UUID().uuidString.prefix(8))"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Result(status: status,
                      stdout: try String(contentsOfFile: out, encoding: .utf8),
                      stderr: try String(contentsOfFile: err, encoding: .utf8))
    }
}
