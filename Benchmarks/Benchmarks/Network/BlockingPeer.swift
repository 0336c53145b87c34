import Foundation
import BenchSupport
import PoTCore
import PoTModules
import PoTNet

/// A peer on a plain blocking socket, for driving a daemon from a benchmark: it completes the
/// handshake, then sends and receives whole messages.
final class BlockingPeer {
    let fd: Int32
    var session: PeerSession
    private var pending: [Message] = []

    init(port: Int, chain: Hash256) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw BenchFailure("cannot connect to 127.0.0.1:\(port)") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let nonce = (0..<32).map { _ in UInt8.random(in: 0...255) }
        session = PeerSession(identity: SigningKey.generate(), chainId: chain, modules: .standard, nonce: nonce, listenAddress: nil, tipHeight: 0)
        write(session.start())
        while !session.isReady { try pump() }
    }

    deinit { close(fd) }

    func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return }
            offset += n
        }
    }

    func send(_ message: Message) { write(PeerSession.frame(message)) }

    /// Reads once from the socket and handles what arrived.
    private func pump() throws {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = recv(fd, &buffer, buffer.count, 0)
        guard n > 0 else { throw BenchFailure("the daemon closed the connection") }
        for event in session.receive(buffer[0..<n]) {
            switch event {
            case .send(let bytes): write(bytes)
            case .message(.ping(let k)): send(.pong(k))
            case .message(.getSync): send(.syncPage(items: [], next: nil))
            case .message(.getAddresses): send(.addresses([]))
            case .message(let m): pending.append(m)
            case .close(let reason): throw BenchFailure("the daemon ended the session: \(reason)")
            case .established: break
            }
        }
    }

    /// The next message other than the housekeeping ones this peer answers itself.
    func next() throws -> Message {
        while pending.isEmpty { try pump() }
        return pending.removeFirst()
    }
}
