import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How to start one hook.
struct HookLaunch {
    var arguments: [String]
    var environment: [String: String]
    var directory: String
    var logPath: String
    var timeoutSeconds: Double
    var killGraceSeconds: Double
    /// The first line written to the log.
    var header: String
}

/// How a hook ended.
struct HookResult: Equatable {
    var status: RunStatus
    var exitCode: Int32?
    var signal: Int32?
    var seconds: Double
    var reason: String?
}

/// Runs a hook in a process group of its own, with standard output and error appended to its
/// log. At the timeout, or when pot-deploy is asked to stop, the group gets SIGTERM and, if
/// anything in it is still alive after the grace period, SIGKILL.
enum HookProcess {
    static func run(_ launch: HookLaunch, shouldStop: () -> Bool) -> HookResult {
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double { Self.seconds(clock.now - start) }

        let log = open(launch.logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard log >= 0 else {
            return HookResult(status: .failed, seconds: 0, reason: "cannot open the log \(launch.logPath): \(errorText())")
        }
        defer { close(log) }
        func note(_ text: String) {
            let bytes = Array("[pot-deploy] \(text)\n".utf8)
            _ = bytes.withUnsafeBytes { write(log, $0.baseAddress!, $0.count) }
        }
        func notStarted(_ reason: String, exitCode: Int32? = nil) -> HookResult {
            note(reason)
            return HookResult(status: .failed, exitCode: exitCode, seconds: elapsed(), reason: reason)
        }

        note(launch.header)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: launch.directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return notStarted("the working directory \(launch.directory) does not exist")
        }
        let program = launch.arguments[0]
        guard let executable = resolveExecutable(program, directory: launch.directory, path: launch.environment["PATH"]) else {
            return notStarted("command not found: \(program)", exitCode: 127)
        }
        let pid: pid_t
        switch spawn(executable, launch, log: log) {
        case .success(let started): pid = started
        case .failure(let error): return notStarted("cannot start \(program): \(error.description)", exitCode: 127)
        }

        var group = ProcessGroup(pid: pid, grace: Duration.seconds(launch.killGraceSeconds))
        let deadline = start + Duration.seconds(launch.timeoutSeconds)
        var status: Int32 = 0
        var reaped = false
        var waitError: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { reaped = true; break }
            if r < 0 && errno != EINTR { waitError = errno; break }
            if group.phase == .running {
                if clock.now >= deadline {
                    group.terminate(.timedOut, now: clock.now)
                    note("timed out after \(RunLine.formatSeconds(launch.timeoutSeconds)) s: SIGTERM sent to the process group")
                } else if shouldStop() {
                    group.terminate(.stopping, now: clock.now)
                    note("pot-deploy is stopping: SIGTERM sent to the process group")
                }
            } else if group.killIfGraceIsOver(now: clock.now) {
                note("still running \(RunLine.formatSeconds(launch.killGraceSeconds)) s after SIGTERM: SIGKILL sent to the process group")
            }
            usleep(10_000)
        }
        // A group that was told to end is ended completely, not only its first process.
        if group.phase != .running {
            while group.hasMembers && group.sinceTermination(now: clock.now) < group.grace + .seconds(5) {
                if group.killIfGraceIsOver(now: clock.now) {
                    note("still running \(RunLine.formatSeconds(launch.killGraceSeconds)) s after SIGTERM: SIGKILL sent to the process group")
                }
                usleep(50_000)
            }
        }
        let phase = group.phase
        let killed = group.killed

        let seconds = elapsed()
        let exitCode: Int32? = reaped && status & 0x7f == 0 ? (status >> 8) & 0xff : nil
        let signal: Int32? = reaped && status & 0x7f != 0 ? status & 0x7f : nil
        var result = HookResult(status: .ok, exitCode: exitCode, signal: signal, seconds: seconds, reason: nil)
        switch phase {
        case .timedOut:
            result.status = .timeout
            result.reason = "timed out after \(RunLine.formatSeconds(launch.timeoutSeconds)) s; its process group got SIGTERM" + (killed ? ", then SIGKILL" : "")
        case .stopping:
            result.status = .interrupted
            result.reason = "pot-deploy was stopped while it ran; its process group got SIGTERM" + (killed ? ", then SIGKILL" : "")
        case .running:
            if let exitCode, exitCode != 0 {
                result.status = .failed
                result.reason = "exit status \(exitCode)"
            } else if let signal {
                result.status = .failed
                result.reason = "killed by signal \(signal)"
            } else if !reaped {
                result.status = .failed
                result.reason = "lost track of the process: \(String(cString: strerror(waitError)))"
            }
        }
        note("\(result.status.rawValue)" + (result.reason.map { ": \($0)" } ?? "") + " after \(RunLine.formatSeconds(seconds)) s")
        return result
    }

    /// The program to execute: a name with a slash is taken from the working directory; a
    /// bare name is looked up in the hook's PATH.
    static func resolveExecutable(_ program: String, directory: String, path: String?) -> String? {
        if program.contains("/") { return program.hasPrefix("/") ? program : directory + "/" + program }
        for entry in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false) {
            let dir = entry.isEmpty ? directory : entry.hasPrefix("/") ? String(entry) : directory + "/" + entry
            let candidate = dir + "/" + program
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    private static func spawn(_ executable: String, _ launch: HookLaunch, log: Int32) -> Result<pid_t, DeployError> {
        guard let addChdir = SpawnSupport.addChdir else {
            return .failure(DeployError("this C library cannot start a process in another directory"))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, log, 1)
        posix_spawn_file_actions_adddup2(&actions, log, 2)
        _ = launch.directory.withCString { addChdir(&actions, $0) }
        // Nothing but standard input, output and error reaches the hook: an inherited pipe or
        // socket would let it hold open what pot-deploy's own parent waits on.
        if let addCloseFrom = SpawnSupport.addCloseFrom {
            _ = addCloseFrom(&actions, 3)
        } else {
            for fd in SpawnSupport.openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = launch.arguments.map { strdup($0) } + [nil]
        let envp = launch.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { return .failure(DeployError(String(cString: strerror(rc)))) }
        return .success(pid)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) / 1e18
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

/// A hook's process group, from SIGTERM to SIGKILL.
struct ProcessGroup {
    enum Phase { case running, timedOut, stopping }

    let pid: pid_t
    let grace: Duration
    private(set) var phase = Phase.running
    private(set) var killed = false
    private var terminatedAt: ContinuousClock.Instant?

    init(pid: pid_t, grace: Duration) {
        self.pid = pid
        self.grace = grace
    }

    mutating func terminate(_ reason: Phase, now: ContinuousClock.Instant) {
        phase = reason
        terminatedAt = now
        kill(-pid, SIGTERM)
    }

    /// Sends SIGKILL once the grace period after SIGTERM is over; true when it did.
    mutating func killIfGraceIsOver(now: ContinuousClock.Instant) -> Bool {
        guard !killed, sinceTermination(now: now) >= grace else { return false }
        kill(-pid, SIGKILL)
        killed = true
        return true
    }

    func sinceTermination(now: ContinuousClock.Instant) -> Duration {
        terminatedAt.map { now - $0 } ?? .zero
    }

    /// Whether any process of the group is still running. Zombies do not count: where init is
    /// slow to reap orphans, they would hold the group open.
    var hasMembers: Bool {
        guard kill(-pid, 0) == 0 else { return false }
        #if os(Linux)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
        for entry in entries where entry.first?.isNumber == true {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm)": state, ppid, pgrp, …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 2, fields[2] == "\(pid)", fields[0] != "Z" { return true }
        }
        return false
        #else
        return true
        #endif
    }
}

/// posix_spawn_file_actions_addchdir_np and _addclosefrom_np, looked up at run time: the C
/// headers Swift sees here do not declare them, though the C library has them.
enum SpawnSupport {
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    static let addChdir: AddChdir? = lookUp("posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChdir.self) }
    /// glibc 2.34 and later.
    static let addCloseFrom: AddCloseFrom? =
        lookUp("posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddCloseFrom.self) }

    private static func lookUp(_ name: String) -> UnsafeMutableRawPointer? {
        #if os(Linux)
        let handle = UnsafeMutableRawPointer(bitPattern: 0)
        #else
        let handle = UnsafeMutableRawPointer(bitPattern: -2)
        #endif
        return dlsym(handle, name)
    }

    /// The descriptors open in this process.
    static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))
            ?? (try? FileManager.default.contentsOfDirectory(atPath: "/dev/fd")) ?? []
        return names.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) >= 0 }
    }
}
