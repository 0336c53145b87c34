import ArgumentParser
import Foundation
import PoTContracts

/// `pot shamir split|combine`: Shamir's secret sharing, byte-compatible with `ssss-split` and
/// `ssss-combine` 0.5 (the flags, the shares `IDX-HEX`, the diffusion layer), the scheme the
/// committees seal verdicts with.
public struct ShamirGroup: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "shamir", abstract: "Split a secret into shares and combine them, as ssss does.",
        subcommands: [ShamirSplit.self, ShamirCombine.self])
}

struct ShamirSplit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split", abstract: "Split the secret read from standard input (ssss-split's flags: -t -n -w -s -x -q -Q -D -v -h).")
    @Argument(parsing: .allUnrecognized, help: "ssss-split's flags, e.g. -t 3 -n 5.") var flags: [String] = []

    func run() throws {
        let output = ShamirSplitTool.run(arguments: flags, programName: "pot shamir split", input: StandardInput.firstLine(),
                                         stderrIsTerminal: isatty(2) == 1, random: SealedVerdict.systemRandom)
        try StandardInput.finish(output)
    }
}

struct ShamirCombine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "combine", abstract: "Combine the shares read from standard input, one per line (ssss-combine's flags: -t -x -q -Q -D -v -h).")
    @Argument(parsing: .allUnrecognized, help: "ssss-combine's flags, e.g. -t 3.") var flags: [String] = []

    func run() throws {
        let threshold = (try? CombineOptions(arguments: flags))?.threshold ?? 0
        let output = ShamirCombineTool.run(arguments: flags, programName: "pot shamir combine", input: StandardInput.lines(threshold),
                                           stderrIsTerminal: isatty(2) == 1)
        try StandardInput.finish(output)
    }
}

/// Reads standard input as ssss does (a line for the secret, t lines of shares) and ends the
/// command with the tool's output and status.
enum StandardInput {
    static func firstLine() -> [UInt8] { lines(1) }

    static func lines(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var seen = 0
        while seen < max(count, 1), let line = readLine(strippingNewline: false) {
            bytes += Array(line.utf8)
            seen += 1
        }
        return bytes
    }

    static func finish(_ output: ToolOutput) throws {
        FileHandle.standardOutput.write(Data(output.stdout.utf8))
        FileHandle.standardError.write(Data(output.stderr.utf8))
        if output.status != 0 { throw ExitCode(output.status) }
    }
}
