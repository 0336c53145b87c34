import PoTNet

/// Why talking to a peer failed. `description` is one line naming the peer.
public enum PeerClientError: Error, Equatable, Sendable, CustomStringConvertible {
    case connectionRefused(PeerAddress)
    case unreachable(PeerAddress, detail: String)
    /// The peer did not answer `what` (the handshake, or a request by its name) in time.
    case timedOut(PeerAddress, what: String)
    /// The session ended: the peer said goodbye, broke the protocol, or the connection dropped.
    case disconnected(PeerAddress, DisconnectReason)
    /// A reply of the expected kind whose content does not answer the request.
    case unexpectedReply(PeerAddress, request: String, reply: String)
    /// The message has no reply to wait for.
    case notARequest(String)
    case closed(PeerAddress)

    public var description: String {
        switch self {
        case .connectionRefused(let peer):
            return "cannot connect to \(peer): connection refused"
        case let .unreachable(peer, detail):
            return "cannot connect to \(peer): \(detail)"
        case let .timedOut(peer, what):
            return "peer \(peer) did not answer \(what) in time"
        case let .disconnected(peer, reason):
            switch reason.kind {
            case .wrongChain: return "peer \(peer) is on another chain: \(reason.detail)"
            case .goodbye: return "peer \(peer) said goodbye: \(reason.detail)"
            case .closedByPeer: return "peer \(peer) closed the connection"
            default: return "disconnected from peer \(peer): \(reason)"
            }
        case let .unexpectedReply(peer, request, reply):
            return "peer \(peer) answered \(request) with an unexpected \(reply)"
        case .notARequest(let name):
            return "\(name) is not a request (it has no reply)"
        case .closed(let peer):
            return "the connection to peer \(peer) is closed"
        }
    }
}
