import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PeerClientError {
    /// Names a failed TCP connection the way a person would.
    init(connecting peer: PeerAddress, _ error: any Error) {
        switch error {
        case let error as NIOConnectionError:
            let failures = error.connectionErrors.map(\.error)
            if failures.contains(where: { ($0 as? IOError)?.errnoCode == ECONNREFUSED }) {
                self = .connectionRefused(peer)
            } else if let first = failures.first {
                self.init(connecting: peer, first)
            } else if error.dnsAError != nil || error.dnsAAAAError != nil {
                self = .unreachable(peer, detail: "cannot resolve host '\(peer.host)'")
            } else {
                self = .unreachable(peer, detail: "no address to connect to")
            }
        case let error as IOError where error.errnoCode == ECONNREFUSED:
            self = .connectionRefused(peer)
        case let error as IOError:
            self = .unreachable(peer, detail: String(cString: strerror(error.errnoCode)))
        case ChannelError.connectTimeout:
            self = .unreachable(peer, detail: "timed out")
        default:
            self = .unreachable(peer, detail: "\(error)")
        }
    }
}
