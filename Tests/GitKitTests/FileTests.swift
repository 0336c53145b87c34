import Foundation
import Testing
@testable import GitKit

@Suite struct FileTests {
    @Test func fileLockExcludesSecondInstance() throws {
        try withTempDir { dir in
            let path = dir + "/sub.lock"
            #expect(!FileManager.default.fileExists(atPath: path))
            let first = try FileLock(path: path)
            #expect(FileManager.default.fileExists(atPath: path))
            let second = try FileLock(path: path)
            #expect(try first.tryLock())
            #expect(try !second.tryLock())
            #expect(try !second.lock(timeoutSeconds: 0.05))
            first.unlock()
            #expect(try second.tryLock())
            #expect(try !first.tryLock())
            second.unlock()
            #expect(try first.lock(timeoutSeconds: 1))
            first.unlock()
        }
    }

    @Test func fileLockReleasedByDeinit() throws {
        try withTempDir { dir in
            let path = dir + "/d.lock"
            do {
                let held = try FileLock(path: path)
                #expect(try held.tryLock())
                #expect(try !FileLock(path: path).tryLock())
            }
            let other = try FileLock(path: path)
            #expect(try other.tryLock())
        }
    }

    @Test func fileLockWaitsForRelease() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gitkit-lock-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/w.lock"
        let first = try FileLock(path: path)
        #expect(try first.tryLock())
        // A plain thread, not a task: the wait blocks, and must not starve the test's own executor.
        let acquired = LockedFlag()
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            acquired.set((try? FileLock(path: path).lock(timeoutSeconds: 30)) ?? false)
            finished.signal()
        }
        usleep(100_000)
        #expect(acquired.value == nil)
        first.unlock()
        finished.wait()
        #expect(acquired.value == true)
    }

    @Test func fileLockBetweenProcesses() throws {
        try withTempDir { dir in
            let path = dir + "/p.lock"
            let lock = try FileLock(path: path)
            #expect(try lock.tryLock())
            // flock(1) from util-linux, if present, must fail to take the lock without blocking.
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/flock") else { return }
            #expect(throws: (any Error).self) { try run(["flock", "-n", path, "true"], cwd: dir) }
            lock.unlock()
            try run(["flock", "-n", path, "true"], cwd: dir)
        }
    }

    @Test func atomicWriteLeavesNoTempFiles() throws {
        try withTempDir { dir in
            let path = dir + "/state.json"
            try writeFileAtomically(Array("one".utf8), to: path)
            #expect(FileManager.default.contents(atPath: path) == Data("one".utf8))
            let big = (0..<200_000).map { UInt8($0 % 256) }
            try writeFileAtomically(big, to: path)
            #expect(FileManager.default.contents(atPath: path) == Data(big))
            try writeFileAtomically([], to: path)
            #expect(FileManager.default.contents(atPath: path) == Data())
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["state.json"])
            // Failure (missing directory) throws and leaves nothing behind.
            #expect(throws: GitError.self) { try writeFileAtomically([1], to: dir + "/missing/x") }
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["state.json"])
        }
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Bool?
    func set(_ v: Bool) { lock.lock(); stored = v; lock.unlock() }
    var value: Bool? { lock.lock(); defer { lock.unlock() }; return stored }
}
