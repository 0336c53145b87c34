#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the `git` command line, for transport (clone, fetch, push) and work-tree updates.
/// Processes are started with posix_spawn and reaped with waitpid: a git call costs what git
/// costs, with no polling delay on top.
public enum GitCommandLine {
    public struct Output: Sendable {
        public let status: Int32
        public let stdoutBytes: [UInt8]
        public let stderr: String
        public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    }

    /// Runs git with `stdinPath` as its standard input.
    public static func run(_ arguments: [String], in directory: String? = nil, stdinPath: String = "/dev/null") throws -> Output {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw StoreError("cannot run git: no pipe available") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let place = directory.map { ["-C", $0] } ?? []
        let argv = (["git"] + place + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        guard spawned == 0 else { throw StoreError("cannot run git: \(String(cString: strerror(spawned)))") }
        let (out, err) = drain(outPipe[0], errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: exitCode, stdoutBytes: out, stderr: String(decoding: err, as: UTF8.self))
    }

    /// Reads two pipes to their ends at once, so neither can fill up and stall the child.
    private static func drain(_ a: Int32, _ b: Int32) -> ([UInt8], [UInt8]) {
        var outputs: [[UInt8]] = [[], []]
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while open > 0 {
            guard poll(&fds, 2, -1) >= 0 || errno == EINTR else { break }
            for i in 0..<2 where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = read(fds[i].fd, &buffer, buffer.count)
                if n > 0 {
                    outputs[i].append(contentsOf: buffer[0..<n])
                } else if n == 0 || errno != EINTR {
                    fds[i].fd = -1
                    open -= 1
                }
            }
        }
        return (outputs[0], outputs[1])
    }

    /// Runs git and throws its last error line when it fails.
    @discardableResult
    public static func check(_ arguments: [String], in directory: String? = nil, stdinPath: String = "/dev/null",
                             doing what: String) throws -> Output {
        let output = try run(arguments, in: directory, stdinPath: stdinPath)
        guard output.status == 0 else {
            let line = output.stderr.split(separator: "\n").last.map(String.init) ?? "exit status \(output.status)"
            throw StoreError("\(what) failed: \(line)")
        }
        return output
    }
}
