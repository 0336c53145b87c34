import Foundation

/// What happened to one hook for one block.
public enum RunStatus: String, Codable, Sendable {
    /// Written before the hook starts; a later entry gives the outcome.
    case started
    /// Exit status 0.
    case ok
    /// A non-zero exit status, death by a signal, or a command that could not be started.
    case failed
    /// Still running at its timeout, and killed with its process group.
    case timeout
    /// pot-deploy stopped (or crashed) while the hook ran; it is not run again.
    case interrupted
    /// Not run: an earlier hook of the same event and block failed.
    case skipped
    /// Not run: the block was the tip only while pot-deploy was not looking.
    case superseded
    /// Not a run: heights below this one were final before the hook was first seen.
    case baseline

    /// Whether this is a hook's outcome (everything but `started` and `baseline`).
    public var isOutcome: Bool { self != .started && self != .baseline }
}

/// One line of the record (`.git/pot/deploy/record.jsonl`), also printed by `--json`.
public struct RecordEntry: Codable, Equatable, Sendable {
    public var event: HookEvent
    public var height: UInt64
    /// The block id (hex); nil for a baseline.
    public var id: String?
    /// The block's commit on main (hex); nil for a baseline.
    public var commit: String?
    public var hook: String
    public var status: RunStatus
    /// When the entry was written, ISO 8601 in UTC.
    public var time: String
    public var exitCode: Int32?
    public var signal: Int32?
    public var seconds: Double?
    public var log: String?
    public var worktree: String?
    public var reason: String?

    enum CodingKeys: String, CodingKey {
        case event, height, id, commit, hook, status, time
        case exitCode = "exit_code", signal, seconds, log, worktree, reason
    }

    public init(event: HookEvent, height: UInt64, id: String?, commit: String?, hook: String, status: RunStatus,
                time: Date = Date(), exitCode: Int32? = nil, signal: Int32? = nil, seconds: Double? = nil,
                log: String? = nil, worktree: String? = nil, reason: String? = nil) {
        self.event = event
        self.height = height
        self.id = id
        self.commit = commit
        self.hook = hook
        self.status = status
        self.time = RecordEntry.timestamp(time)
        self.exitCode = exitCode
        self.signal = signal
        self.seconds = seconds
        self.log = log
        self.worktree = worktree
        self.reason = reason
    }

    /// Identifies a run: at most one per event, block and hook.
    public var runKey: RunKey? { id.map { RunKey(event: event, id: $0, hook: hook) } }

    /// The same entry with another status and time, keeping the block and hook.
    public func with(status: RunStatus, time: Date = Date()) -> RecordEntry {
        var entry = self
        entry.status = status
        entry.time = RecordEntry.timestamp(time)
        entry.exitCode = nil
        entry.signal = nil
        entry.seconds = nil
        entry.reason = nil
        return entry
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// One line of JSON, keys sorted.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}

/// An event, a block and a hook.
public struct RunKey: Hashable, Sendable {
    public let event: HookEvent
    public let id: String
    public let hook: String
}
