import BenchSupport
import Foundation

/// A release `pot-web` serving one repository on a free loopback port, and a minimal HTTP/1.1
/// client for it (one connection per request, so each answer is read to its end).
final class WebServerProcess: @unchecked Sendable {
    let process = Process()
    let port: UInt16

    /// Starts pot-web on `directory` and returns once it printed its address (its model of the
    /// chain is built by then).
    init(directory: String) throws {
        process.executableURL = URL(fileURLWithPath: BenchPaths.potWeb)
        process.arguments = ["--repo", directory, "--listen", "127.0.0.1:0", "--log-level", "error"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        var line: [UInt8] = []
        while line.last != UInt8(ascii: "\n") {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            guard let first = byte.first else { throw BenchFailure("pot-web ended before printing its address") }
            line.append(first)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchFailure("pot-web printed \(text)")
        }
        self.port = port
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// The height of the tip /api/status shows.
    func tipHeight() throws -> UInt64 {
        let body = try get("/api/status")
        guard let status = try JSONSerialization.jsonObject(with: body) as? [String: Any],
              let tip = status["tip"] as? [String: Any], let height = tip["height"] as? NSNumber else {
            throw BenchFailure("/api/status has no tip height")
        }
        return height.uint64Value
    }

    /// The body of GET `path`, which must answer 200 with a Content-Length.
    func get(_ path: String) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw BenchFailure("cannot connect to pot-web on port \(port)") }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        _ = send(fd, request, request.count, Int32(MSG_NOSIGNAL))
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        guard let end = response.range(of: Data("\r\n\r\n".utf8)),
              String(decoding: response[..<end.lowerBound], as: UTF8.self).hasPrefix("HTTP/1.1 200") else {
            throw BenchFailure("GET \(path) did not answer 200")
        }
        return response[end.upperBound...]
    }
}
