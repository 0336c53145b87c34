/// What a node identifier must provide.
///
/// `Comparable` gives a canonical order: peers are always visited in ascending
/// order so that message order never depends on the per-process hash seed of
/// `Set`/`Dictionary`.
public typealias RaftNodeID = Hashable & Comparable & Sendable
