import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exclusive advisory lock on a file (flock), so two processes cannot both hold it.
/// flock locks belong to the open file description, so two `FileLock` instances on
/// the same path also exclude each other within one process.
public final class FileLock: @unchecked Sendable {
    public let path: String
    private let fd: Int32
    private let mutex = NSLock()
    private var held = false

    /// Opens (creating if missing) the lock file.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 {
            throw GitError(message: "opening lock file \(path): \(String(cString: strerror(errno)))", code: errno)
        }
        self.fd = fd
    }

    /// Takes the lock if it is free; returns false if someone else holds it.
    public func tryLock() throws -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        if held { return true }
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                held = true
                return true
            }
            let e = errno
            if e == EINTR { continue }
            if e == EWOULDBLOCK || e == EAGAIN { return false }
            throw GitError(message: "locking \(path): \(String(cString: strerror(e)))", code: e)
        }
    }

    /// Polls until the lock is taken (true) or `timeoutSeconds` have passed (false).
    public func lock(timeoutSeconds: Double) throws -> Bool {
        let deadline = Date().addingTimeInterval(max(0, timeoutSeconds))
        while true {
            if try tryLock() { return true }
            if Date() >= deadline { return false }
            usleep(10_000)
        }
    }

    public func unlock() {
        mutex.lock()
        defer { mutex.unlock() }
        guard held else { return }
        _ = flock(fd, LOCK_UN)
        held = false
    }

    deinit {
        if held { _ = flock(fd, LOCK_UN) }
        close(fd)
    }
}
