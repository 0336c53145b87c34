import PoTCore
import Synchronization

/// What `/api/events` announces each time the model changes.
public struct ChainEvent: Sendable, Codable, Equatable {
    public let revision: Int
    public let tip_height: UInt64
    public let tip: String
    public let finalized_height: UInt64
    public let pending_votes: Int
    public let pending_transfers: Int
    public let pending_candidates: Int

    public init(_ snapshot: ChainSnapshot) {
        revision = snapshot.revision
        tip_height = snapshot.tipHeight
        tip = snapshot.state.tip.hex
        finalized_height = snapshot.finalizedHeight
        pending_votes = snapshot.pendingVotes.count
        pending_transfers = snapshot.pendingTransfers.count
        pending_candidates = snapshot.pendingCandidates.count
    }
}

/// Wakes every open event stream when the model changes, and now and then to keep idle
/// connections alive. Streams read what changed from the current snapshot, so a slow reader
/// skips intermediate states but never misses the latest one.
public final class EventHub: Sendable {
    public enum Signal: Sendable { case changed, heartbeat }

    /// One reader's stream; `cancel()` ends it.
    public struct Subscription: Sendable {
        public let signals: AsyncStream<Signal>
        fileprivate let continuation: AsyncStream<Signal>.Continuation
        public func cancel() { continuation.finish() }
    }

    private struct State {
        var subscribers: [Int: AsyncStream<Signal>.Continuation] = [:]
        var nextId = 0
        var closed = false
    }

    private let state = Mutex(State())

    public init() {}

    /// Signals from now on; the stream ends when the hub closes or the subscription is cancelled.
    public func subscribe() -> Subscription {
        let (stream, continuation) = AsyncStream.makeStream(of: Signal.self, bufferingPolicy: .bufferingNewest(4))
        let id: Int? = state.withLock { s in
            guard !s.closed else { return nil }
            defer { s.nextId += 1 }
            s.subscribers[s.nextId] = continuation
            return s.nextId
        }
        if let id {
            continuation.onTermination = { [weak self] _ in
                _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
            }
        } else {
            continuation.finish()
        }
        return Subscription(signals: stream, continuation: continuation)
    }

    func publish(_ signal: Signal) {
        for continuation in state.withLock({ Array($0.subscribers.values) }) { continuation.yield(signal) }
    }

    /// Ends every stream, and every later one at once.
    public func close() {
        let all = state.withLock { s -> [AsyncStream<Signal>.Continuation] in
            s.closed = true
            defer { s.subscribers = [:] }
            return Array(s.subscribers.values)
        }
        for continuation in all { continuation.finish() }
    }
}
