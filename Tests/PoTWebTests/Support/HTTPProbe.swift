import Foundation
import PoTTestSupport

/// A plain HTTP/1.1 client over a loopback socket: what a program would send, byte for byte.
struct HTTPProbe {
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    let port: Int

    func request(_ method: String, _ path: String, headers: [String: String] = [:], body: String = "") throws -> Reply {
        let socket = try Socket(port: port)
        defer { socket.close() }
        try socket.send(head(method, path, headers: headers, body: body) + body)
        var raw = Data()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            guard let chunk = try socket.receive() else { continue }
            if chunk.isEmpty { break }
            raw.append(chunk)
        }
        return try Self.parse(String(decoding: raw, as: UTF8.self))
    }

    func head(_ method: String, _ path: String, headers: [String: String], body: String) -> String {
        var text = "\(method) \(path) HTTP/1.1\r\nConnection: close\r\n"
        if headers["Host"] == nil { text += "Host: 127.0.0.1:\(port)\r\n" }
        for (k, v) in headers { text += "\(k): \(v)\r\n" }
        if !body.isEmpty || method == "POST" { text += "Content-Length: \(body.utf8.count)\r\n" }
        return text + "\r\n"
    }

    static func parse(_ text: String) throws -> Reply {
        guard let split = text.range(of: "\r\n\r\n") else { throw TestFailure("no HTTP header in \(text)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw TestFailure("bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        var body = String(text[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = unchunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    static func unchunk(_ text: String) -> String {
        var rest = Substring(text), out = ""
        while let lineEnd = rest.range(of: "\r\n"), let size = Int(rest[..<lineEnd.lowerBound], radix: 16), size > 0 {
            let start = lineEnd.upperBound
            let bytes = Array(rest[start...].utf8)
            out += String(decoding: bytes.prefix(size), as: UTF8.self)
            rest = Substring(String(decoding: bytes.dropFirst(size + 2), as: UTF8.self))
        }
        return out
    }
}

/// Reads a server-sent event stream line by line.
final class EventStreamReader {
    private let socket: Socket
    private var buffer = ""

    init(port: Int, path: String = "/api/events") throws {
        socket = try Socket(port: port)
        try socket.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    /// The data of the next event named `name`, waiting at most `timeout` seconds.
    func next(event name: String, timeout: TimeInterval) throws -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let end = buffer.range(of: "\n\n") {
                let block = String(buffer[..<end.lowerBound])
                buffer.removeSubrange(..<end.upperBound)
                let lines = block.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
                if lines.contains("event: \(name)"), let data = lines.first(where: { $0.hasPrefix("data: ") }) {
                    return String(data.dropFirst("data: ".count))
                }
                continue
            }
            guard let chunk = try socket.receive() else { continue }
            if chunk.isEmpty { return nil }
            // Chunk-size lines of the chunked encoding become lines without a colon, which SSE ignores.
            buffer += String(decoding: chunk, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        }
        return nil
    }

    func close() { socket.close() }
}

/// A blocking TCP socket to 127.0.0.1 whose reads give up after a second.
final class Socket {
    private let fd: Int32

    init(port: Int) throws {
        fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else {
            Glibc.close(fd)
            throw TestFailure("connect to port \(port): \(String(cString: strerror(errno)))")
        }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw TestFailure("send: \(String(cString: strerror(errno)))") }
            sent += n
        }
    }

    /// Bytes read; empty at the end of the stream; nil when nothing came within the timeout.
    func receive() throws -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = recv(fd, &buffer, buffer.count, 0)
        if n < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { return nil }
            throw TestFailure("recv: \(String(cString: strerror(errno)))")
        }
        return Data(buffer[0..<n])
    }

    func close() { Glibc.close(fd) }
}
