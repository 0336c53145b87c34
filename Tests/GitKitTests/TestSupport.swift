import Foundation
@testable import GitKit

/// A fresh temporary directory, removed after `body`.
func withTempDir<T>(_ body: (String) throws -> T) throws -> T {
    let base = FileManager.default.temporaryDirectory
        .appendingPathComponent("gitkit-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: base) }
    // Resolve symlinks (e.g. /tmp -> /private/tmp) so paths compare equal.
    let resolved = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
    return try body(resolved)
}

/// A fresh repository in a temporary directory.
func withTempRepo<T>(_ body: (GitRepository, String) throws -> T) throws -> T {
    try withTempDir { dir in
        let repo = try GitRepository.create(at: dir + "/repo")
        return try body(repo, dir + "/repo")
    }
}

struct CommandFailed: Error, CustomStringConvertible {
    var description: String
}

/// Runs a command (looked up on PATH) and returns its trimmed stdout; throws on non-zero exit.
@discardableResult
func run(_ args: [String], cwd: String, env extra: [String: String] = [:], stdin: [UInt8]? = nil) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    p.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var env = ProcessInfo.processInfo.environment
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["GIT_CONFIG_GLOBAL"] = "/dev/null"
    for (k, v) in extra { env[k] = v }
    p.environment = env
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let input = Pipe()
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
        throw CommandFailed(description: "\(args.joined(separator: " ")) failed (\(p.terminationStatus)): \(String(decoding: errData, as: UTF8.self))")
    }
    return String(decoding: outData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

let alice = GitSignature(name: "Alice Example", email: "alice@example.org", time: 1_700_000_000, offsetMinutes: 0)
let bob = GitSignature(name: "Bob", email: "bob@example.org", time: 1_700_000_100, offsetMinutes: 0)

extension GitRepository {
    /// Writes a flat tree of text files and a commit of it.
    func commitFiles(_ files: [String: String], parents: [GitOID] = [], message: String = "test\n") throws -> GitOID {
        var entries: [GitTreeEntry] = []
        for (name, text) in files {
            entries.append(GitTreeEntry(name: name, oid: try writeBlob(Array(text.utf8)), mode: 0o100644))
        }
        let tree = try writeTree(entries)
        return try writeCommit(tree: tree, parents: parents, author: alice, committer: bob, message: message)
    }

    /// name -> file text of a flat tree.
    func files(ofTree tree: GitOID) throws -> [String: String] {
        var result: [String: String] = [:]
        for e in try readTree(tree) {
            result[e.name] = String(decoding: try readBlob(e.oid), as: UTF8.self)
        }
        return result
    }
}
