import Foundation
import GitKit

extension ChainStore {
    /// Runs `body` holding the repository's write lock, so two pot processes never interleave writes.
    /// POT_LOCK_TIMEOUT (seconds) overrides how long to wait for another process.
    public func withWriteLock<T>(timeoutSeconds: Double? = nil, _ body: () throws -> T) throws -> T {
        let timeoutSeconds = timeoutSeconds
            ?? ProcessInfo.processInfo.environment["POT_LOCK_TIMEOUT"].flatMap(Double.init) ?? 30
        try FileManager.default.createDirectory(atPath: potDirectory, withIntermediateDirectories: true)
        let lock = try FileLock(path: potDirectory + "/lock")
        guard try lock.lock(timeoutSeconds: timeoutSeconds) else {
            throw StoreError("another pot process holds \(potDirectory)/lock; try again when it has finished")
        }
        defer { lock.unlock() }
        // Chains made before the genesis tree was written lack it; every write repairs that.
        try ChainStore.writeEmptyTree(git)
        return try body()
    }
}
