/// Why a connection ended. Sent to the peer in a goodbye message when there is still a channel.
public struct DisconnectReason: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case malformed, oversized, wrongChain, badVersion, badSignature, selfConnection, duplicate
        case protocolViolation, timeout, banned, misbehavior, goodbye, shutdown, closedByPeer, evicted, full
    }

    public let kind: Kind
    public let detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(detail)" }

    /// Reasons that mean the peer broke the protocol, not just that the connection ended.
    public var isMisbehavior: Bool {
        switch kind {
        case .malformed, .oversized, .wrongChain, .badSignature, .protocolViolation, .misbehavior: return true
        default: return false
        }
    }
}
