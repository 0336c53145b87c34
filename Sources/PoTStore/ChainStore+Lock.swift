import Foundation
import GitKit

extension ChainStore {
    /// Runs `body` holding the repository's write lock, so two pot processes never interleave writes.
    public func withWriteLock<T>(timeoutSeconds: Double = 30, _ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(atPath: potDirectory, withIntermediateDirectories: true)
        let lock = try FileLock(path: potDirectory + "/lock")
        guard try lock.lock(timeoutSeconds: timeoutSeconds) else {
            throw StoreError("another pot process holds \(potDirectory)/lock; try again when it has finished")
        }
        defer { lock.unlock() }
        return try body()
    }
}
