/// The leader's view of one follower's log (etcd's `tracker.Progress`, minus
/// snapshots and in-flight windows).
struct Progress: Sendable, Hashable {
    enum State: Sendable, Hashable {
        /// Unknown position: one append at a time, walking back until it matches.
        case probe
        /// Known position: stream appends optimistically.
        case replicate
    }

    /// Highest index known to match the leader's log.
    var match: UInt64
    /// Next index to send.
    var next: UInt64
    var state: State = .probe
    /// In probe state, an append is outstanding; wait for its answer or a heartbeat response.
    var probeSent = false
    /// Heard from since the last CheckQuorum round.
    var recentActive = false

    var isPaused: Bool { state == .probe && probeSent }

    mutating func becomeProbe() {
        state = .probe
        probeSent = false
        next = match + 1
    }

    mutating func becomeReplicate() {
        state = .replicate
        probeSent = false
        next = match + 1
    }

    /// Records an acknowledgement up to `index`; returns whether `match` moved.
    mutating func acknowledge(_ index: UInt64) -> Bool {
        guard index > match else { return false }
        match = index
        next = max(next, index + 1)
        probeSent = false
        return true
    }

    /// Handles a rejection of the append whose `prevLogIndex` was `rejected`;
    /// returns false for stale rejections.
    mutating func backOff(rejected: UInt64, matchHint: UInt64) -> Bool {
        if state == .replicate {
            guard rejected > match else { return false }
            next = match + 1
            return true
        }
        // A probe has exactly one append outstanding, anchored at next - 1.
        guard next - 1 == rejected else { return false }
        next = max(min(rejected, matchHint + 1), match + 1)
        probeSent = false
        return true
    }

    mutating func sent(entryCount: Int) {
        guard entryCount > 0 else { return }
        switch state {
        case .replicate: next += UInt64(entryCount)
        case .probe: probeSent = true
        }
    }
}
