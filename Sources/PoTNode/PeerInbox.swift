import NIOConcurrencyHelpers
import PoTNet

/// Bytes read from peers that the node loop has not taken yet. Reads that arrive while the node
/// loop is busy join the bytes already waiting, so under load one turn of the loop takes them
/// all, and the objects in them are checked and stored as one batch.
final class PeerInbox: Sendable {
    private let waiting = NIOLockedValueBox<[PeerID: [UInt8]]>([:])

    /// Adds `bytes` from `id`; true when nothing from `id` was waiting, so the caller must
    /// schedule a `take`.
    func add(_ bytes: [UInt8], from id: PeerID) -> Bool {
        waiting.withLockedValue { waiting in
            if waiting[id] == nil {
                waiting[id] = bytes
                return true
            }
            waiting[id]!.append(contentsOf: bytes)
            return false
        }
    }

    /// Everything waiting from `id`, in the order it was read.
    func take(_ id: PeerID) -> [UInt8] {
        waiting.withLockedValue { $0.removeValue(forKey: id) ?? [] }
    }
}
