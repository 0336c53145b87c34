/// What a sync reports while it runs.
public enum SyncEvent: Sendable {
    /// The store was opened at `height`; `tornBytes` of an incomplete last record were cut off.
    case opened(height: UInt64, tornBytes: Int)
    case connecting(PeerAddress)
    /// Headers are being fetched from `peer`, which announced `peerHeight`.
    case downloading(PeerAddress, from: UInt64, peerHeight: UInt64)
    case stored(height: UInt64, target: UInt64)
    case peerFailed(PeerFailure)
    case comparing(PeerAddress)
    case auditing(done: Int, total: Int)
}
