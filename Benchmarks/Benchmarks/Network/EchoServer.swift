import Foundation
import BenchSupport

/// A loopback TCP connection whose far end echoes every byte: the round-trip baseline.
final class EchoServer: @unchecked Sendable {
    static let shared = EchoServer()
    private var client: Int32 = -1

    func start() throws {
        guard client < 0 else { return }
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length); return getsockname(listener, $0, &length) }
        }
        listen(listener, 1)
        Thread.detachNewThread {
            let fd = accept(listener, nil, nil)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = recv(fd, &buffer, buffer.count, 0)
                if n <= 0 { break }
                _ = send(fd, buffer, n, Int32(MSG_NOSIGNAL))
            }
        }
        client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw BenchFailure("cannot connect the echo baseline") }
        var one: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    func roundTrip(_ bytes: [UInt8]) {
        _ = send(client, bytes, bytes.count, Int32(MSG_NOSIGNAL))
        var buffer = [UInt8](repeating: 0, count: bytes.count)
        var got = 0
        while got < bytes.count {
            let n = buffer[got...].withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return }
            got += n
        }
    }
}
