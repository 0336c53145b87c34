import Foundation

/// What one round did.
public struct RoundResult: Sendable {
    /// The commit main pointed at when the round looked.
    public var mainCommit: String
    /// Runs that ended with status failed or timeout.
    public var failures = 0
    /// Whether a stop request cut the round short.
    public var stopped = false
}

/// Watches one repository and runs the configured hooks, keeping the record.
public final class Deployer {
    public let config: DeployConfig
    public let chain: ChainReader
    public let paths: DeployPaths
    public let logDirectory: String
    private let lock: DeployLock
    private let record: RecordFile
    private var index: RecordIndex
    private let worktrees: WorktreeManager
    private let report: (RecordEntry) -> Void
    private let warn: (String) -> Void

    /// Takes the repository's deploy lock, opens the record and closes the runs a previous
    /// pot-deploy left unfinished (as interrupted). `report` gets every entry that says how a
    /// run went; `warn` gets problems that do not stop pot-deploy.
    public init(chain: ChainReader, config: DeployConfig,
                report: @escaping (RecordEntry) -> Void, warn: @escaping (String) -> Void) throws {
        self.chain = chain
        self.config = config
        self.report = report
        self.warn = warn
        paths = DeployPaths(gitDirectory: chain.gitDirectory)
        try Self.makeDirectory(paths.root)
        lock = try DeployLock(path: paths.lock)
        record = try RecordFile(path: paths.record)
        if record.droppedDamagedLine { warn("dropped a damaged last line of \(paths.record)") }
        index = RecordIndex(record.entries)

        let worktreeDirectory = config.worktreeDirectory ?? paths.defaultWorktrees
        for owned in [chain.repositoryTop, chain.gitDirectory] where owned == worktreeDirectory || owned.hasPrefix(worktreeDirectory + "/") {
            throw DeployError("worktree_dir \(worktreeDirectory) must not be the repository or contain it: old worktrees in it are deleted")
        }
        worktrees = try WorktreeManager(repository: chain.repositoryTop, directory: worktreeDirectory)
        logDirectory = config.logDirectory ?? paths.defaultLogs
        try Self.makeDirectory(logDirectory)

        for run in index.unfinished {
            var entry = run.with(status: .interrupted)
            entry.reason = "pot-deploy ended while it ran; it is not run again"
            try append([entry])
        }
    }

    /// Variables that would point git at another repository than `--repo` (pot-deploy's own git
    /// commands) or than the worktree (a hook's). Set when pot-deploy runs from a git hook.
    public static let gitLocationVariables = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX",
    ]

    /// Removes `gitLocationVariables` from this process's environment.
    public static func clearGitLocation() {
        for name in gitLocationVariables { unsetenv(name) }
    }

    /// Ends the deploy lock before the process does.
    public func close() { lock.release() }

    /// Watches main until SIGINT or SIGTERM: a round whenever main moves, and again after a
    /// round that failed (for example while the repository was being written).
    public func watch() {
        var seen: String?
        var retry = false
        var lastError: String?
        while StopSignal.requested == nil {
            let main = try? chain.mainCommit()
            if retry || main == nil || main != seen {
                do {
                    let round = try runPending()
                    seen = round.mainCommit
                    retry = false
                    lastError = nil
                    if round.stopped { break }
                } catch {
                    let text = "\(error)"
                    if text != lastError { warn("\(text) (trying again every \(config.pollIntervalMilliseconds) ms)") }
                    lastError = text
                    retry = true
                }
            }
            var waited = 0
            while waited < config.pollIntervalMilliseconds && StopSignal.requested == nil {
                let step = min(50, config.pollIntervalMilliseconds - waited)
                usleep(useconds_t(step * 1000))
                waited += step
            }
        }
    }

    /// Looks at main once and runs everything it calls for.
    @discardableResult
    public func runPending() throws -> RoundResult {
        let snapshot = try chain.snapshot()
        let plan = try Planner.plan(snapshot: snapshot, config: config, index: index) { lowest in
            try chain.blocks(from: snapshot.mainCommit, downTo: lowest)
        }
        try append(plan.entries)
        var result = RoundResult(mainCommit: snapshot.mainCommit)
        for job in plan.jobs {
            if StopSignal.requested != nil { result.stopped = true; break }
            try run(job, snapshot: snapshot, result: &result)
            if result.stopped { break }
        }
        return result
    }

    /// Runs a job's hooks in order in the block's worktree. After a failure, the hooks after it
    /// are recorded as skipped unless the failed one says continue_on_failure.
    private func run(_ job: Job, snapshot: ChainSnapshot, result: inout RoundResult) throws {
        let worktree = try worktrees.prepare(job.block)
        defer {
            let cleaned = worktrees.clean(keep: config.keepWorktrees, use: index.worktreeUse, protected: [worktree])
            cleaned.warnings.forEach(warn)
        }
        var failure: String?
        for hook in job.hooks {
            if StopSignal.requested != nil { result.stopped = true; return }
            let logPath = logDirectory + "/\(job.event.rawValue)-\(job.block.height)-\(job.block.shortId)-\(hook.name).log"
            let started = RecordEntry(event: job.event, height: job.block.height, id: job.block.id, commit: job.block.commit,
                                      hook: hook.name, status: .started, log: logPath, worktree: worktree)
            if let failure {
                var skipped = started.with(status: .skipped)
                skipped.log = nil
                skipped.worktree = nil
                skipped.reason = failure
                try append([skipped])
                continue
            }
            try append([started], report: false)
            let outcome = HookProcess.run(launch(hook, job: job, snapshot: snapshot, worktree: worktree, log: logPath),
                                          shouldStop: { StopSignal.requested != nil })
            var entry = started.with(status: outcome.status)
            entry.exitCode = outcome.exitCode
            entry.signal = outcome.signal
            entry.seconds = (outcome.seconds * 1000).rounded() / 1000
            entry.reason = outcome.reason
            try append([entry])
            switch outcome.status {
            case .failed, .timeout:
                result.failures += 1
                if !hook.continueOnFailure {
                    failure = "\(job.event.tableName) hook \(hook.name) " + (outcome.status == .timeout ? "timed out" : "failed")
                }
            case .interrupted:
                result.stopped = true
                return
            default:
                break
            }
        }
    }

    private func launch(_ hook: Hook, job: Job, snapshot: ChainSnapshot, worktree: String, log: String) -> HookLaunch {
        var environment = ProcessInfo.processInfo.environment
        for name in Self.gitLocationVariables { environment[name] = nil }
        environment.merge(hook.environment) { $1 }
        environment.merge([
            "POT_EVENT": job.event.rawValue,
            "POT_HEIGHT": String(job.block.height),
            "POT_BLOCK_ID": job.block.id,
            "POT_COMMIT": job.block.commit,
            "POT_WORKTREE": worktree,
            "POT_REPO": chain.repositoryTop,
            "POT_CHAIN_ID": snapshot.chainId,
            "POT_FINALIZED_HEIGHT": String(snapshot.finalizedHeight),
            "POT_TIP_HEIGHT": String(snapshot.height),
            "POT_LOG": log,
            "POT_HOOK": hook.name,
        ]) { $1 }
        let directory = hook.workdir.map { worktree + "/" + $0 } ?? worktree
        let header = "\(job.event.tableName) h=\(job.block.height) id=\(job.block.shortId) hook \(hook.name): "
            + hook.command.arguments.map(Self.quoted).joined(separator: " ") + " in \(directory)"
        return HookLaunch(arguments: hook.command.arguments, environment: environment, directory: directory, logPath: log,
                          timeoutSeconds: hook.timeoutSeconds, killGraceSeconds: config.killGraceSeconds, header: header)
    }

    /// Writes entries with one fsync, then reports those that say how a run went.
    private func append(_ entries: [RecordEntry], report shouldReport: Bool = true) throws {
        guard !entries.isEmpty else { return }
        try record.append(entries)
        for entry in entries {
            index.add(entry)
            if shouldReport { report(entry) }
        }
    }

    static func quoted(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_./=:,+@%".unicodeScalars.contains($0))
        }
        return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw DeployError("cannot create \(path): \(error.localizedDescription)")
        }
    }
}
