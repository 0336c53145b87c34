extension RaftMessage {
    /// Structural sanity of fields a peer controls: appended entries must
    /// directly follow `prevLogIndex` with terms that never decrease and never
    /// exceed the sender's term.
    var isWellFormed: Bool {
        guard case let .append(prevIndex, prevTerm, entries, _) = kind else { return true }
        guard prevTerm <= term, prevIndex <= UInt64.max - UInt64(entries.count) else { return false }
        var expectedIndex = prevIndex
        var previousTerm = prevTerm
        for entry in entries {
            expectedIndex += 1
            guard entry.index == expectedIndex, entry.term >= previousTerm, entry.term <= term else { return false }
            previousTerm = entry.term
        }
        return true
    }
}
