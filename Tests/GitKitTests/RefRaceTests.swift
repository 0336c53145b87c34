import CLibGit2
import Foundation
import Testing
@testable import GitKit

@Suite("Ref writes while git maintains the ref store")
struct RefRaceTests {
    @Test("GIT-REF-RACE: a ref whose directory cannot be made for a moment is written once the way clears")
    func blockedDirectoryClears() throws {
        try withTempRepo { repo, path in
            let blob = try repo.writeBlob(Array("vote".utf8))
            // A file where the ref's directory must go: creating the directory fails, as when git
            // prunes it between libgit2's mkdir and its lock file. It clears 50 ms later.
            let blocker = path + "/.git/refs/pot/votes/37"
            try FileManager.default.createDirectory(atPath: path + "/.git/refs/pot/votes", withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: blocker, contents: Data())
            let clearer = Thread { usleep(50_000); try? FileManager.default.removeItem(atPath: blocker) }
            clearer.start()
            try repo.setReference("refs/pot/votes/37/voter/id", to: blob, expecting: .some(nil), message: "race")
            #expect(try repo.reference("refs/pot/votes/37/voter/id") == blob)
        }
    }

    @Test("GIT-REF-RACE: refs created in new directories while git pack-refs --prune runs in a loop are all there")
    func creationsSurvivePackRefs() throws {
        try withTempRepo { repo, path in
            let blob = try repo.writeBlob(Array("vote".utf8))
            let loop = Process()
            loop.executableURL = URL(fileURLWithPath: "/bin/sh")
            loop.arguments = ["-c", "i=0; while [ $i -lt 100000 ] && [ ! -e stop ]; do git pack-refs --all --prune; i=$((i+1)); done"]
            loop.currentDirectoryURL = URL(fileURLWithPath: path)
            try loop.run()
            var failures: [String] = []
            for i in 0..<300 {
                do { try repo.setReference("refs/pot/votes/\(i / 3)/voter\(i % 3)/\(i)", to: blob, expecting: .some(nil), message: "race") }
                catch { failures.append("\(error)") }
            }
            FileManager.default.createFile(atPath: path + "/stop", contents: nil)
            loop.waitUntilExit()
            #expect(failures.isEmpty, "\(failures.count) failed, first: \(failures.first ?? "")")
            #expect(try repo.references(matching: "refs/pot/votes/**").count == 300)
        }
    }

    @Test("GIT-REF-RACE: lock and filesystem errors are tried again; a compare-and-swap that finds another value is not")
    func whatIsRetried() throws {
        try withTempRepo { repo, _ in
            var calls = 0
            let value = try repo.retryingRefRaces { () throws -> Int in
                calls += 1
                if calls < 3 { throw GitError(message: "failed to make directory", code: GIT_ERROR.rawValue, errorClass: Int32(GIT_ERROR_OS.rawValue)) }
                return 7
            }
            #expect(value == 7 && calls == 3)
            calls = 0
            #expect(throws: GitError.self) {
                try repo.retryingRefRaces { () throws -> Int in calls += 1; throw GitError(message: "locked", code: GIT_ELOCKED.rawValue) }
            }
            #expect(calls == GitRepository.refRaceBackoffMilliseconds.count + 1)
            let a = try repo.writeBlob([1]), b = try repo.writeBlob([2])
            try repo.setReference("refs/pot/x", to: a, expecting: .some(nil), message: "x")
            let taken = #expect(throws: GitError.self) { try repo.setReference("refs/pot/x", to: b, expecting: .some(nil), message: "x") }
            #expect(taken?.isRefStoreRace == false)
            let moved = #expect(throws: GitError.self) { try repo.setReference("refs/pot/x", to: b, expecting: .some(b), message: "x") }
            #expect(moved?.isRefStoreRace == false)
            #expect(try repo.reference("refs/pot/x") == a)
        }
    }
}
