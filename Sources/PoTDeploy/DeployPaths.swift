/// pot-deploy's files in a repository, all under `.git/pot/deploy/`.
public struct DeployPaths: Sendable {
    public let root: String

    public init(gitDirectory: String) { root = gitDirectory + "/pot/deploy" }

    public var record: String { root + "/record.jsonl" }
    public var lock: String { root + "/lock" }
    public var defaultWorktrees: String { root + "/worktrees" }
    public var defaultLogs: String { root + "/logs" }
}
