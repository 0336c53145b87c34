import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The record on disk: JSON lines, each appended with one write and made durable with fsync
/// before pot-deploy goes on. A damaged last line (a crash in the middle of a write) is dropped.
public final class RecordFile {
    public let path: String
    private let fd: Int32

    /// Reads every entry without changing the file (a damaged last line is left out).
    public static func read(path: String) throws -> [RecordEntry] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DeployError("cannot read the record \(path)")
        }
        return try parse(Array(data), path: path).entries
    }

    /// Opens the record for appending, creating it if needed and cutting off a damaged last line.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DeployError("cannot open the record \(path): \(String(cString: strerror(errno)))") }
        do {
            let data = FileManager.default.contents(atPath: path) ?? Data()
            let parsed = try Self.parse(Array(data), path: path)
            if parsed.validLength < data.count {
                droppedDamagedLine = true
                guard ftruncate(fd, off_t(parsed.validLength)) == 0, fsync(fd) == 0 else {
                    throw DeployError("cannot repair the record \(path): \(String(cString: strerror(errno)))")
                }
            }
            guard lseek(fd, 0, SEEK_END) >= 0 else {
                throw DeployError("cannot open the record \(path): \(String(cString: strerror(errno)))")
            }
            entries = parsed.entries
        } catch {
            close(fd)
            throw error
        }
        self.fd = fd
    }

    /// Whether a damaged last line was cut off at open.
    public private(set) var droppedDamagedLine = false

    /// The entries read at open, plus every one appended since.
    public private(set) var entries: [RecordEntry]

    deinit { close(fd) }

    /// Appends entries with one write and waits until they are on disk.
    public func append(_ newEntries: [RecordEntry]) throws {
        let bytes = Array(newEntries.map { $0.jsonLine + "\n" }.joined().utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DeployError("cannot write the record \(path): \(String(cString: strerror(errno)))")
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw DeployError("cannot sync the record \(path): \(String(cString: strerror(errno)))") }
        entries.append(contentsOf: newEntries)
    }

    /// The entries of complete, readable lines, and how many bytes they take. Only the last
    /// line may be unreadable; anywhere else the record is damaged and pot-deploy stops.
    static func parse(_ bytes: [UInt8], path: String) throws -> (entries: [RecordEntry], validLength: Int) {
        let decoder = JSONDecoder()
        var entries: [RecordEntry] = []
        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let line = bytes[start..<end]
            let isLast = end + 1 == bytes.count
            if !line.allSatisfy({ $0 == UInt8(ascii: " ") }) {
                do {
                    entries.append(try decoder.decode(RecordEntry.self, from: Data(line)))
                } catch {
                    if isLast { break }
                    throw DeployError("\(path):\(lineNumber): unreadable record entry; move the file away to start a new record")
                }
            }
            start = end + 1
        }
        return (entries, start)
    }
}
