/// The replicated log plus its commit index. Entry `i` lives at `entries[i - 1]`;
/// index 0 is a virtual entry of term 0 that every log matches.
///
/// Hosts read it; only the owning ``RaftNode`` mutates it.
public struct RaftLog: Sendable, Hashable {
    /// All entries, indices 1 through ``lastIndex``.
    public private(set) var entries: [LogEntry]
    /// Highest index known to be committed; never exceeds ``lastIndex``.
    public private(set) var committed: UInt64

    /// Assumes a validated, contiguous log (see ``RaftNode/init(config:hardState:entries:)``).
    init(entries: [LogEntry], committed: UInt64) {
        self.entries = entries
        self.committed = committed
    }

    /// Index of the last entry, 0 for an empty log.
    public var lastIndex: UInt64 { UInt64(entries.count) }

    /// Term of the last entry, 0 for an empty log.
    public var lastTerm: UInt64 { entries.last?.term ?? 0 }

    /// Term of the entry at `index`: 0 for index 0, `nil` past the end.
    public func term(at index: UInt64) -> UInt64? {
        if index == 0 { return 0 }
        return index <= lastIndex ? entries[Int(index - 1)].term : nil
    }

    /// The entry at `index`, if present.
    public func entry(at index: UInt64) -> LogEntry? {
        guard index >= 1, index <= lastIndex else { return nil }
        return entries[Int(index - 1)]
    }

    /// Committed entries with an index greater than `applied`, ready for the host to apply.
    public func committedEntries(after applied: UInt64) -> ArraySlice<LogEntry> {
        guard applied < committed else { return [] }
        return entries[Int(applied) ..< Int(committed)]
    }

    /// Raft's election restriction (§5.4.1): is a log ending at
    /// (`lastIndex`, `lastTerm`) at least as up-to-date as this one?
    public func isUpToDate(lastIndex candidateIndex: UInt64, lastTerm candidateTerm: UInt64) -> Bool {
        candidateTerm > lastTerm || (candidateTerm == lastTerm && candidateIndex >= lastIndex)
    }

    /// Up to `limit` entries starting at `index`.
    func entries(from index: UInt64, limit: Int) -> [LogEntry] {
        guard index >= 1, index <= lastIndex else { return [] }
        let start = Int(index - 1)
        return Array(entries[start ..< min(entries.count, start + limit)])
    }

    /// The largest index at or below `index` whose term is at most `term`
    /// (etcd's `findConflictByTerm`): every index above it is known to
    /// disagree with a log whose entry at `index` has term `term`.
    func lastIndex(atOrBelow index: UInt64, withTermAtMost term: UInt64) -> (index: UInt64, term: UInt64) {
        var candidate = index
        while candidate > 0 {
            guard let candidateTerm = self.term(at: candidate) else { return (candidate, 0) }
            if candidateTerm <= term { return (candidate, candidateTerm) }
            candidate -= 1
        }
        return (0, 0)
    }

    /// Appends a leader's own new entry.
    mutating func append(_ entry: LogEntry) {
        assert(entry.index == lastIndex + 1)
        entries.append(entry)
    }

    /// The follower half of AppendEntries. If the entry at `prevIndex` has
    /// `prevTerm`, drops any suffix that conflicts with `newEntries`, appends
    /// what is missing, advances the commit index to `min(commit, last new
    /// index)` and returns that last new index; otherwise returns `nil`.
    mutating func tryAppend(prevIndex: UInt64, prevTerm: UInt64, commit leaderCommit: UInt64, newEntries: [LogEntry]) -> UInt64? {
        guard term(at: prevIndex) == prevTerm else { return nil }
        let lastNew = prevIndex + UInt64(newEntries.count)
        if let conflict = newEntries.first(where: { term(at: $0.index) != $0.term }) {
            // Callers reject appends below the commit index, so only uncommitted entries are overwritten.
            precondition(conflict.index > committed, "conflict at committed index \(conflict.index)")
            entries.removeSubrange(Int(conflict.index - 1)...)
            entries.append(contentsOf: newEntries[Int(conflict.index - prevIndex - 1)...])
        }
        commit(to: min(leaderCommit, lastNew))
        return lastNew
    }

    /// Raises the commit index (never lowers it).
    mutating func commit(to index: UInt64) {
        guard index > committed else { return }
        precondition(index <= lastIndex, "commit index \(index) beyond last index \(lastIndex)")
        committed = index
    }

    /// Commits `index` only if its entry belongs to `term` (Raft §5.4.2: a leader
    /// never commits entries of earlier terms by counting replicas).
    mutating func commitIfCurrentTerm(_ index: UInt64, term: UInt64) -> Bool {
        guard index > committed, self.term(at: index) == term else { return false }
        commit(to: index)
        return true
    }
}
