import Foundation
import GitKit

extension ChainStore {
    /// Runs `body` holding the repository's write lock, so two pot processes never interleave writes.
    /// POT_LOCK_TIMEOUT (seconds) overrides how long to wait for another process.
    /// Inside `holdWriteLock()`, the lock is already held and `body` simply runs.
    public func withWriteLock<T>(timeoutSeconds: Double? = nil, _ body: () throws -> T) throws -> T {
        if heldWriteLock != nil { return try body() }
        let lock = try acquireWriteLock(timeoutSeconds: timeoutSeconds)
        defer { lock.unlock() }
        // Chains made before the genesis tree was written lack it; every write repairs that.
        try ChainStore.writeEmptyTree(git)
        return try body()
    }

    /// Takes the write lock and keeps it until `releaseWriteLock()`, so a batch of writes pays
    /// for it once; `withWriteLock` inside the batch does not wait for itself.
    public func holdWriteLock() throws {
        guard heldWriteLock == nil else { return }
        heldWriteLock = try acquireWriteLock(timeoutSeconds: nil)
    }

    public func releaseWriteLock() {
        heldWriteLock?.unlock()
        heldWriteLock = nil
    }

    private func acquireWriteLock(timeoutSeconds: Double?) throws -> FileLock {
        let timeoutSeconds = timeoutSeconds
            ?? ProcessInfo.processInfo.environment["POT_LOCK_TIMEOUT"].flatMap(Double.init) ?? 30
        try FileManager.default.createDirectory(atPath: potDirectory, withIntermediateDirectories: true)
        let lock = try FileLock(path: potDirectory + "/lock")
        guard try lock.lock(timeoutSeconds: timeoutSeconds) else {
            throw StoreError("another pot process holds \(potDirectory)/lock; try again when it has finished")
        }
        return lock
    }
}
