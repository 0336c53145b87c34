import Foundation
import Testing
@testable import GitKit

@Suite struct RepositoryTests {
    @Test func createOpenDiscover() throws {
        try withTempDir { dir in
            let path = dir + "/a/b/repo"
            let repo = try GitRepository.create(at: path)
            #expect(repo.gitDirectory == path + "/.git")
            #expect(repo.workDirectory == path)
            // HEAD -> refs/heads/main, unborn.
            let head = try String(contentsOfFile: path + "/.git/HEAD", encoding: .utf8)
            #expect(head == "ref: refs/heads/main\n")
            #expect(try repo.reference("HEAD") == nil)

            let opened = try GitRepository(path: path)
            #expect(opened.gitDirectory == path + "/.git")
            let openedGitDir = try GitRepository(path: path + "/.git")
            #expect(openedGitDir.workDirectory == path)

            try FileManager.default.createDirectory(atPath: path + "/x/y", withIntermediateDirectories: true)
            let found = try GitRepository.discover(from: path + "/x/y")
            #expect(found.gitDirectory == path + "/.git")
            // init(path:) does not search upwards.
            #expect(throws: GitError.self) { try GitRepository(path: path + "/x/y") }
            #expect(throws: GitError.self) { try GitRepository(path: dir) }

            // The CLI agrees it is a valid repository on branch main.
            #expect(try run(["git", "symbolic-ref", "HEAD"], cwd: path) == "refs/heads/main")
        }
    }

    @Test func errorsCarryContext() throws {
        try withTempRepo { repo, _ in
            let missing = GitOID(hex: "0123456789abcdef0123456789abcdef01234567")!
            do {
                _ = try repo.readBlob(missing)
                Issue.record("expected an error")
            } catch let e as GitError {
                #expect(e.message.hasPrefix("reading blob \(missing.hex): "))
                #expect(!e.message.contains("\n"))
                #expect(e.code < 0)
            }
        }
    }
}
