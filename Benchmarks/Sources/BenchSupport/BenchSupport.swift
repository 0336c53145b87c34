import Dispatch
import Foundation
import PoTCore
import PoTStore

/// Helpers shared by the PoT benchmark executables: deterministic keys, fixture chains built
/// straight through the library (ChainStore.writeBlock, then main moved once), and subprocesses.
///
/// Every benchmark runs in a process of its own (that is how package-benchmark works), so a
/// fixture is built once into `BenchPaths.fixtures/<name>` and reused by the later processes of
/// the same run; scripts/bench.sh deletes that folder before and after a run.
public enum BenchPaths {
    /// .../Benchmarks (this package's root), found from this file's path.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() } // BenchSupport.swift, BenchSupport, Sources
        return url.path
    }()

    /// Where fixtures live: $POT_BENCH_DIR, else <tmp>/pot-bench-fixtures. Never inside a git
    /// work tree: ChainStore.initialize would find the enclosing repository and use it.
    public static var fixtures: String {
        if let dir = ProcessInfo.processInfo.environment["POT_BENCH_DIR"], !dir.isEmpty { return dir }
        return NSTemporaryDirectory().trimmingSuffix("/") + "/pot-bench-fixtures"
    }

    /// The release `pot` binary: $POT_BIN, else <repository>/.build/release/pot.
    public static var pot: String {
        if let bin = ProcessInfo.processInfo.environment["POT_BIN"], !bin.isEmpty { return bin }
        return URL(fileURLWithPath: packageRoot).deletingLastPathComponent().path + "/.build/release/pot"
    }

    /// The release `pot-web` binary: $POT_WEB_BIN, else the one beside `pot`.
    public static var potWeb: String {
        if let bin = ProcessInfo.processInfo.environment["POT_WEB_BIN"], !bin.isEmpty { return bin }
        return URL(fileURLWithPath: pot).deletingLastPathComponent().path + "/pot-web"
    }

    public static var git: String {
        for candidate in ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return "/usr/bin/git"
    }
}

public struct BenchFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Deterministic Ed25519 keys: seed = [tag, index (big endian, 4 bytes), 0, …].
public func benchKey(_ index: Int, tag: UInt8 = 0xB7) -> SigningKey {
    var seed = [UInt8](repeating: 0, count: 32)
    seed[0] = tag
    seed[1] = UInt8((index >> 24) & 0xff); seed[2] = UInt8((index >> 16) & 0xff)
    seed[3] = UInt8((index >> 8) & 0xff); seed[4] = UInt8(index & 0xff)
    return try! SigningKey(seed: seed)
}

/// Runs `body(i)` for i in 0..<count on every core, collecting the results in order.
public func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    nonisolated(unsafe) let output = results
    DispatchQueue.concurrentPerform(iterations: count) { i in output[i] = body(i) }
    return results.map { $0! }
}

// MARK: - Fixture chains

public enum ChainFixture {
    public static let createdAt: UInt64 = 1_700_000_000

    /// Builds (or reuses, when `<dir>/.complete` exists) a chain of `blocks` blocks in `dir`.
    /// Block h carries one vote per member for height h − 1 when `withVotes` (every member votes
    /// all its probability for the block on main). Blocks are written with ChainStore.writeBlock
    /// on top of each other and main is moved once at the end: no fork choice, no CLI.
    @discardableResult
    public static func build(at dir: String, blocks: Int, members: Int, withVotes: Bool,
                             confirmations: UInt64 = 2, log: Bool = true) throws -> ChainStore {
        let marker = dir + "/.git/pot-bench-complete"
        if FileManager.default.fileExists(atPath: marker) { return try ChainStore.open(at: dir) }
        let started = Date()
        let keys = parallelMap(members) { benchKey($0) }
        let params = try ChainParams(
            confirmations: confirmations, alpha: 1000,
            initialAccounts: keys.map { .init(key: $0.publicKey, balance: 10_000_000) },
            createdAt: createdAt, note: "pot benchmark fixture")
        let store = try initialize(at: dir, params: params)
        let chain = store.chainId
        let emptyTree = try store.git.writeTree([])
        let proposer = keys[0]
        var parentId = chain
        var parentCommit = store.genesisCommit
        for height in 1...UInt64(blocks) {
            var payload = Payload()
            if withVotes && height >= 2 {
                let target = parentId
                let votedHeight = height - 1
                payload.votes = parallelMap(members) { i in
                    let vote = try! Vote(voter: keys[i].publicKey, height: votedHeight, candidates: [target],
                                         probsPpm: [1_000_000, 0])
                    return SignedVote.sign(vote, with: keys[i], chain: chain)
                }
            }
            let header = try BlockHeader(
                height: height, parent: parentId, proposer: proposer.publicKey, timestamp: createdAt + height,
                tree: emptyTree.bytes, codeCommits: [], payloadRoot: payload.root(chain: chain))
            let stored = try store.writeBlock(SignedHeader.sign(header, with: proposer, chain: chain),
                                              payload: payload, parentCommit: parentCommit)
            parentId = stored.id
            parentCommit = stored.commit
            if log && height % 1000 == 0 {
                FileHandle.standardError.write(Data("  fixture \(dir): \(height)/\(blocks) blocks\n".utf8))
            }
        }
        try store.git.setReference(ChainLayout.main, to: parentCommit, expecting: .some(store.genesisCommit),
                                   message: "benchmark fixture")
        _ = FileManager.default.createFile(atPath: marker, contents: Data())
        if log {
            let seconds = Date().timeIntervalSince(started)
            FileHandle.standardError.write(Data("  fixture \(dir): \(blocks) blocks built in \(String(format: "%.1f", seconds)) s\n".utf8))
        }
        return store
    }

    public static func statusDirectory(_ blocks: Int) -> String { BenchPaths.fixtures + "/status-\(blocks)" }

    /// A chain of `blocks` empty blocks with alice's key, and pot's state cache warmed by a first
    /// `pot status` (the chain of the status benchmarks).
    @discardableResult
    public static func statusChain(_ blocks: Int) throws -> String {
        let dir = statusDirectory(blocks)
        let store = try build(at: dir, blocks: blocks, members: 1, withVotes: false)
        if !FileManager.default.fileExists(atPath: store.potDirectory + "/keys/alice.key") {
            try installKey(benchKey(0), label: "alice", in: store)
        }
        let out = try Command.check(try Command.requirePot(), ["status"], in: dir).stdout
        guard out.contains("height \(blocks) ") else { throw BenchFailure("pot status in \(dir) does not show height \(blocks):\n\(out)") }
        return dir
    }

    /// ChainStore.initialize in a new repository at `dir` (removed first), refusing to touch any
    /// enclosing repository.
    public static func initialize(at dir: String, params: ChainParams) throws -> ChainStore {
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: (dir as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        // A path that does not exist yet makes ChainStore.initialize create a fresh repository.
        let store = try ChainStore.initialize(at: dir, params: params)
        let expected = URL(fileURLWithPath: dir + "/.git").standardizedFileURL.resolvingSymlinksInPath().path
        let actual = URL(fileURLWithPath: store.git.gitDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        guard expected == actual else {
            throw BenchFailure("the fixture at \(dir) landed in the repository \(actual); put POT_BENCH_DIR outside any git work tree")
        }
        return store
    }

    /// Stores the seed of `key` as the key labelled `label` of the repository (what pot keygen does).
    public static func installKey(_ key: SigningKey, label: String, in store: ChainStore) throws {
        let dir = store.potDirectory + "/keys"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        guard FileManager.default.createFile(atPath: dir + "/\(label).key", contents: Data(key.seed),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw BenchFailure("cannot write the key \(label)")
        }
        try store.publishName(label, for: key)
    }
}

// MARK: - Subprocesses

public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

public enum Command {
    /// The environment of every subprocess: ours plus a fixed git identity, so `git merge`
    /// works on any machine.
    static let environment: [String: String] = {
        var env = ProcessInfo.processInfo.environment
        env["GIT_AUTHOR_NAME"] = "bench"; env["GIT_AUTHOR_EMAIL"] = "bench@pot.invalid"
        env["GIT_COMMITTER_NAME"] = "bench"; env["GIT_COMMITTER_EMAIL"] = "bench@pot.invalid"
        return env
    }()

    /// Runs a command and waits for it, output discarded: what the timed benchmarks call.
    public static func quiet(_ executable: String, _ arguments: [String], in directory: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs a command capturing its output; throws when it fails.
    @discardableResult
    public static func check(_ executable: String, _ arguments: [String], in directory: String,
                             environment extra: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment.merging(extra) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = CommandResult(status: process.terminationStatus,
                                   stdout: String(decoding: outData, as: UTF8.self),
                                   stderr: String(decoding: errData, as: UTF8.self))
        guard result.status == 0 else {
            throw BenchFailure("\(([executable] + arguments).joined(separator: " ")) in \(directory) exited \(result.status): \(result.stderr)")
        }
        return result
    }

    @discardableResult
    public static func git(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> String {
        try check(BenchPaths.git, arguments, in: directory, environment: environment).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func requirePot() throws -> String {
        let pot = BenchPaths.pot
        guard FileManager.default.isExecutableFile(atPath: pot) else {
            throw BenchFailure("no pot binary at \(pot): run `swift build -c release --product pot` in the repository root, or set POT_BIN")
        }
        return pot
    }
}

/// A copy of a directory tree (cp -a), for benchmarks that change the repository they run in.
extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}

public func copyTree(_ source: String, to destination: String) throws {
    try? FileManager.default.removeItem(atPath: destination)
    try Command.check("/bin/cp", ["-a", source, destination], in: "/")
}
