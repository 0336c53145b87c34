/// What one run of a command-line tool printed, and its exit status.
public struct ToolOutput: Equatable, Sendable {
    /// Everything written to standard output.
    public var stdout: String
    /// Everything written to standard error.
    public var stderr: String
    /// The process exit status (0 on success, 1 on any error, like ssss).
    public var status: Int32

    /// An output with the given streams and status.
    public init(stdout: String, stderr: String, status: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}

/// Collects a tool's output and formats ssss's warning and fatal lines.
struct ToolConsole {
    private var stdout: [UInt8] = []
    private var stderr: [UInt8] = []
    /// ssss's `-Q`: warnings are dropped.
    let suppressWarnings: Bool
    /// ssss rings the bell before warnings and fatal errors when stderr is a terminal.
    let stderrIsTerminal: Bool

    init(suppressWarnings: Bool, stderrIsTerminal: Bool) {
        self.suppressWarnings = suppressWarnings
        self.stderrIsTerminal = stderrIsTerminal
    }

    mutating func out(_ text: String) { stdout += Array(text.utf8) }
    mutating func err(_ text: String) { stderr += Array(text.utf8) }

    mutating func warning(_ message: String) {
        guard !suppressWarnings else { return }
        err(bell + "WARNING: \(message).\n")
    }

    /// Prints ssss's fatal line and ends the run with status 1.
    mutating func fatal(_ message: String) -> ToolOutput {
        err(bell + "FATAL: \(message).\n")
        return finish(status: 1)
    }

    func finish(status: Int32) -> ToolOutput {
        ToolOutput(
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self),
            status: status
        )
    }

    private var bell: String { stderrIsTerminal ? "\u{07}" : "" }
}
