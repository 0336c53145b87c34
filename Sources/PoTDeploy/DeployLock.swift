import Foundation
import GitKit

/// One pot-deploy per repository: an exclusive lock on `.git/pot/deploy/lock`, which also
/// holds the owner's pid for the refusal message. The lock ends with the process.
public final class DeployLock {
    private let lock: FileLock

    public init(path: String) throws {
        let file: FileLock
        do {
            file = try FileLock(path: path)
            guard try file.tryLock() else {
                let owner = (try? String(contentsOfFile: path, encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let who = owner.flatMap(Int32.init).map { " (pid \($0))" } ?? ""
                throw DeployError("another pot-deploy\(who) is already watching this repository; it holds \(path)")
            }
        } catch let error as GitError {
            throw DeployError("cannot lock \(path): \(error)")
        }
        lock = file
        if let handle = FileHandle(forWritingAtPath: path) {
            try? handle.truncate(atOffset: 0)
            try? handle.write(contentsOf: Data("\(getpid())\n".utf8))
            try? handle.close()
        }
    }

    public func release() { lock.unlock() }
}
