/// One entry of the replicated log. Indices start at 1; the payload is opaque.
public struct LogEntry: Sendable, Hashable, CustomStringConvertible {
    /// Position in the log, starting at 1.
    public var index: UInt64
    /// Term of the leader that created the entry.
    public var term: UInt64
    /// Opaque payload; empty for the no-op a new leader appends.
    public var data: [UInt8]

    /// Creates an entry.
    public init(index: UInt64, term: UInt64, data: [UInt8] = []) {
        self.index = index
        self.term = term
        self.data = data
    }

    /// `(index,tTerm)`, plus the payload size when there is one.
    public var description: String {
        "(\(index),t\(term)\(data.isEmpty ? "" : ",\(data.count)B"))"
    }
}
