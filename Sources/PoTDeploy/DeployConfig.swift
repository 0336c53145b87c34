/// The two moments a hook can run at.
public enum HookEvent: String, Codable, Sendable, CaseIterable {
    /// `main` points at a block that has not been the tip before.
    case tip
    /// A height became final.
    case finalize

    /// The name of the array of tables that declares hooks for this event.
    public var tableName: String { "on_" + rawValue }
}

/// What a hook runs: an argument vector, or a line for `/bin/sh -c`.
public enum HookCommand: Equatable, Sendable {
    case argv([String])
    case shell(String)

    /// The argument vector to execute.
    public var arguments: [String] {
        switch self {
        case .argv(let argv): argv
        case .shell(let line): ["/bin/sh", "-c", line]
        }
    }
}

/// One `[[on_tip]]` or `[[on_finalize]]` entry of the configuration.
public struct Hook: Equatable, Sendable {
    public var event: HookEvent
    public var name: String
    public var command: HookCommand
    public var timeoutSeconds: Double
    /// Extra environment variables, on top of pot-deploy's own environment.
    public var environment: [String: String]
    /// A directory relative to the worktree (nil: the worktree's top).
    public var workdir: String?
    /// Whether the event's later hooks for the same block still run when this one fails.
    public var continueOnFailure: Bool

    public init(event: HookEvent, name: String, command: HookCommand, timeoutSeconds: Double = DeployConfig.defaultTimeoutSeconds,
                environment: [String: String] = [:], workdir: String? = nil, continueOnFailure: Bool = false) {
        self.event = event
        self.name = name
        self.command = command
        self.timeoutSeconds = timeoutSeconds
        self.environment = environment
        self.workdir = workdir
        self.continueOnFailure = continueOnFailure
    }
}

/// A parsed and checked `pot-deploy.toml`. Paths are absolute.
public struct DeployConfig: Equatable, Sendable {
    public static let defaultKeepWorktrees = 5
    public static let defaultPollIntervalMilliseconds = 1000
    public static let defaultTimeoutSeconds = 600.0
    public static let defaultKillGraceSeconds = 5.0
    public static let fileName = "pot-deploy.toml"

    /// The file it was read from.
    public var path: String
    public var keepWorktrees: Int
    public var pollIntervalMilliseconds: Int
    public var killGraceSeconds: Double
    /// Where worktrees go (nil: `.git/pot/deploy/worktrees`).
    public var worktreeDirectory: String?
    /// Where run logs go (nil: `.git/pot/deploy/logs`).
    public var logDirectory: String?
    /// The lowest height on_finalize hooks run for (nil: from the height final when the hook was first seen).
    public var finalizeFrom: UInt64?
    public var onTip: [Hook]
    public var onFinalize: [Hook]

    public init(path: String, keepWorktrees: Int = defaultKeepWorktrees, pollIntervalMilliseconds: Int = defaultPollIntervalMilliseconds,
                killGraceSeconds: Double = defaultKillGraceSeconds, worktreeDirectory: String? = nil, logDirectory: String? = nil,
                finalizeFrom: UInt64? = nil, onTip: [Hook] = [], onFinalize: [Hook] = []) {
        self.path = path
        self.keepWorktrees = keepWorktrees
        self.pollIntervalMilliseconds = pollIntervalMilliseconds
        self.killGraceSeconds = killGraceSeconds
        self.worktreeDirectory = worktreeDirectory
        self.logDirectory = logDirectory
        self.finalizeFrom = finalizeFrom
        self.onTip = onTip
        self.onFinalize = onFinalize
    }

    public func hooks(for event: HookEvent) -> [Hook] {
        switch event {
        case .tip: onTip
        case .finalize: onFinalize
        }
    }
}
