/// What the record says, arranged for planning: the last entry of every run, the baseline of
/// every on_finalize hook, how far each hook has got, and when each worktree was last used.
public struct RecordIndex: Sendable {
    public private(set) var latest: [RunKey: RecordEntry] = [:]
    /// The first height each on_finalize hook runs for, set when it was first seen.
    public private(set) var baselines: [String: UInt64] = [:]
    /// The highest and lowest heights with an entry, per event and hook.
    public private(set) var highest: [HookEvent: [String: UInt64]] = [:]
    public private(set) var lowest: [HookEvent: [String: UInt64]] = [:]
    /// The height of the most recent entry, per event and hook: for on_tip, the last tip seen.
    public private(set) var lastHeight: [HookEvent: [String: UInt64]] = [:]
    /// The position of the last entry naming each worktree; higher is more recent.
    public private(set) var worktreeUse: [String: Int] = [:]
    private var count = 0

    public init(_ entries: [RecordEntry] = []) {
        for entry in entries { add(entry) }
    }

    public mutating func add(_ entry: RecordEntry) {
        count += 1
        if entry.status == .baseline {
            if entry.event == .finalize, baselines[entry.hook] == nil { baselines[entry.hook] = entry.height }
            return
        }
        if let key = entry.runKey { latest[key] = entry }
        highest[entry.event, default: [:]][entry.hook] = max(highest[entry.event]?[entry.hook] ?? 0, entry.height)
        lowest[entry.event, default: [:]][entry.hook] = min(lowest[entry.event]?[entry.hook] ?? .max, entry.height)
        lastHeight[entry.event, default: [:]][entry.hook] = entry.height
        if let worktree = entry.worktree { worktreeUse[worktree] = count }
    }

    /// Whether the run has any entry: once started, a run is never started again.
    public func hasEntry(_ key: RunKey) -> Bool { latest[key] != nil }

    /// Runs whose last entry is `started`: pot-deploy ended while they ran.
    public var unfinished: [RecordEntry] {
        latest.values.filter { $0.status == .started }.sorted { ($0.time, $0.height, $0.hook) < ($1.time, $1.height, $1.hook) }
    }
}
