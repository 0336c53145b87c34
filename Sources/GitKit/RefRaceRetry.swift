import CLibGit2
import Foundation

extension GitRepository {
    /// The pauses between tries of a ref write that raced with git's own maintenance, in
    /// milliseconds: about 1.5 s in all, longer than git's default wait for packed-refs.lock.
    static let refRaceBackoffMilliseconds: [UInt32] = [1, 2, 4, 8, 16, 32, 64, 128, 256, 256, 256, 256, 256]

    /// Runs a ref write again when it failed because git itself was rewriting the ref store:
    /// `git pack-refs --prune` (also run by `git gc` and `git maintenance`) removes empty
    /// directories under refs/ that a new loose ref needs, and holds packed-refs.lock while a
    /// delete needs it. Such a failure happens before anything is written, so trying again is
    /// safe; compare-and-swap failures and every other error are not retried.
    func retryingRefRaces<T>(_ write: () throws -> T) throws -> T {
        var pauses = GitRepository.refRaceBackoffMilliseconds[...]
        while true {
            do { return try write() } catch let error as GitError where error.isRefStoreRace {
                guard let pause = pauses.popFirst() else { throw error }
                usleep(pause * 1000)
            }
        }
    }
}

extension GitError {
    /// A lock held by another process, or a filesystem error such as a directory that vanished
    /// between libgit2 creating it and creating the ref's lock file inside it.
    var isRefStoreRace: Bool {
        code == GIT_ELOCKED.rawValue || (code == GIT_ERROR.rawValue && errorClass == Int32(GIT_ERROR_OS.rawValue))
    }
}
