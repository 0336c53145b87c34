import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Write a file atomically: temp file in the same directory, fsync, rename
/// (then fsync the directory, best effort). The file gets mode 0644 (minus umask
/// semantics are not applied). On failure the temp file is removed.
public func writeFileAtomically(_ bytes: [UInt8], to path: String) throws {
    func fail(_ what: String, _ e: Int32 = errno) -> GitError {
        GitError(message: "writing \(path) atomically: \(what): \(String(cString: strerror(e)))", code: e)
    }
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    let base = url.lastPathComponent
    var template = Array("\(dir)/.\(base).tmp-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if fd < 0 { throw fail("creating temporary file") }
    let tempPath = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var committed = false
    defer {
        if !committed { unlink(tempPath) }
    }
    do {
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buf in
                write(fd, buf.baseAddress! + written, buf.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("writing temporary file")
            }
            written += n
        }
        if fchmod(fd, 0o644) != 0 { throw fail("setting permissions") }
        if fsync(fd) != 0 { throw fail("fsync") }
    }
    if rename(tempPath, path) != 0 { throw fail("renaming temporary file") }
    committed = true
    let dfd = open(dir, O_RDONLY | O_DIRECTORY)
    if dfd >= 0 {
        _ = fsync(dfd)
        close(dfd)
    }
}
