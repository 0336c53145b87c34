import Testing
import PoTContracts

/// Exact transcripts of the drivers, recorded from ssss 0.5 so they hold
/// without the real tools installed.
@Suite("Command-line drivers")
struct DriverTests {
    private func split(_ arguments: [String], _ input: String, seed: UInt64 = 1) -> ToolOutput {
        var generator = SeededGenerator(seed: seed)
        return ShamirSplitTool.run(arguments: arguments, input: Array(input.utf8), random: { generator.bytes($0) })
    }

    private func combine(_ arguments: [String], _ input: String) -> ToolOutput {
        ShamirCombineTool.run(arguments: arguments, input: input)
    }

    static let splitUsage = "Split secrets using Shamir's Secret Sharing Scheme.\n\n"
        + "ssss-split -t threshold -n shares [-w token] [-s level] [-x] [-q] [-Q] [-D] [-v]\n"
    static let combineUsage = "Combine shares using Shamir's Secret Sharing Scheme.\n\n"
        + "ssss-combine -t threshold [-x] [-q] [-Q] [-D] [-v]\n"

    @Test("Usage and version")
    func usage() {
        #expect(split([], "") == ToolOutput(stdout: Self.splitUsage, stderr: "", status: 0))
        #expect(split(["-h"], "") == ToolOutput(stdout: Self.splitUsage, stderr: "", status: 0))
        #expect(split(["-v"], "") == ToolOutput(stdout: Self.splitUsage + "\nVersion: 0.5\n", stderr: "", status: 0))
        #expect(combine([], "") == ToolOutput(stdout: Self.combineUsage, stderr: "", status: 0))
        #expect(combine(["-t", "2", "-v"], "") == ToolOutput(stdout: Self.combineUsage + "\nVersion: 0.5\n", stderr: "", status: 0))
    }

    @Test("Command-line errors")
    func commandLine() {
        #expect(split(["-z"], "") == ToolOutput(stdout: "", stderr: "ssss-split: invalid option -- 'z'\n", status: 1))
        #expect(split(["-t"], "") == ToolOutput(stdout: "", stderr: "ssss-split: option requires an argument -- 't'\n", status: 1))
        #expect(split(["-t", "3", "-n", "5", "foo"], "") == ToolOutput(stdout: "", stderr: "FATAL: invalid argument.\n", status: 1))
        #expect(combine(["-y"], "") == ToolOutput(stdout: "", stderr: "ssss-combine: invalid option -- 'y'\n", status: 1))
        #expect(ShamirCombineTool.run(arguments: ["-t"], programName: "/usr/bin/ssss-combine", input: "")
            == ToolOutput(stdout: "", stderr: "/usr/bin/ssss-combine: option requires an argument -- 't'\n", status: 1))
    }

    @Test("Options parse like getopt and atoi")
    func optionParsing() throws {
        let options = try SplitOptions(arguments: ["-t3", "-qxD", "-n", " 12abc", "-w", "-tok", "-s", "64", "-Q"])
        #expect(options == SplitOptions(
            threshold: 3, shareCount: 12, token: "-tok", securityBits: 64, hex: true, quiet: true, extraQuiet: true, diffusion: false
        ))
        #expect(try SplitOptions(arguments: []).showHelp)
        #expect(try SplitOptions(arguments: ["-h", "stray"]).showHelp)
        #expect(throws: CommandLineError.unexpectedOperand("x")) { try SplitOptions(arguments: ["-t", "2", "--", "x"]) }
        #expect(throws: CommandLineError.unexpectedOperand("-")) { try CombineOptions(arguments: ["-"]) }
        #expect(throws: CommandLineError.invalidOption("?")) { try CombineOptions(arguments: ["-?"]) }
        #expect(try CombineOptions(arguments: ["-t", "4", "-n", "9", "-w", "x", "-s", "8"]) == CombineOptions(threshold: 4))
        #expect(try SplitOptions(arguments: ["-t", "99999999999"]).threshold == 1_215_752_191)
    }

    @Test("Parameter errors, in ssss's order")
    func parameterErrors() {
        func fatal(_ message: String) -> ToolOutput { ToolOutput(stdout: "", stderr: "FATAL: \(message).\n", status: 1) }
        #expect(split(["-n", "3"], "abc\n") == fatal("invalid parameters: invalid threshold value"))
        #expect(split(["-t", "1", "-n", "3", "-s", "12"], "abc\n") == fatal("invalid parameters: invalid threshold value"))
        #expect(split(["-t", "3"], "abc\n") == fatal("invalid parameters: number of shares smaller than threshold"))
        #expect(split(["-t", "2", "-n", "3", "-s", "12"], "abc\n") == fatal("invalid parameters: invalid security level"))
        #expect(split(["-t", "2", "-n", "3", "-w", String(repeating: "w", count: 129)], "abc\n")
            == fatal("invalid parameters: token too long"))
        #expect(combine(["-t", "1"], "1-ab\n") == fatal("invalid parameters: invalid threshold value"))
    }

    @Test("Split transcripts")
    func splitTranscripts() {
        let normal = split(["-t", "2", "-n", "12", "-w", "tok"], "abcdefgh\n")
        #expect(normal.status == 0)
        #expect(normal.stderr == "Enter the secret, at most 128 ASCII characters: Using a 64 bit security level.\n")
        let lines = normal.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Generating shares using a (2,12) scheme with dynamic security level.")
        let prefixes: [String] = lines.dropFirst().map { String($0.prefix(7)) }
        let expected: [String] = (1...12).map { (index: Int) -> String in "tok-\(String(index).leftPadded(to: 2))-" }
        #expect(prefixes == expected)
        #expect(lines.dropFirst().allSatisfy { $0.count == 7 + 16 })

        let hex = split(["-t", "2", "-n", "3", "-x"], "abc\n")
        #expect(hex.stderr == "Enter the secret, as most 256 hex digits: Using a 16 bit security level.\n"
            + "WARNING: input string too short, adding null padding on the left.\n"
            + "WARNING: security level too small for the diffusion layer.\n")

        let fixed = split(["-t", "2", "-n", "3", "-s", "64", "-x", "-D"], "ABCDEF\n")
        #expect(fixed.stdout.hasPrefix("Generating shares using a (2,3) scheme with a 64 bit security level.\n"))
        #expect(fixed.stderr == "Enter the secret, as most 16 hex digits: WARNING: input string too short, adding null padding on the left.\n")

        #expect(split(["-t", "2", "-n", "3", "-q"], "abc\n").stderr == "WARNING: security level too small for the diffusion layer.\n")
        #expect(split(["-t", "2", "-n", "3", "-Q"], "abc\n").stderr == "")
        #expect(split(["-t", "2", "-n", "3", "-q", "-D"], "ab\u{1}c\n").stderr == "WARNING: binary data detected, use -x mode instead.\n")
    }

    @Test("Split input errors")
    func splitInputErrors() {
        let prompt = "Enter the secret, at most 128 ASCII characters: "
        let header = "Generating shares using a (2,3) scheme with dynamic security level.\n"
        #expect(split(["-t", "2", "-n", "3"], "") == ToolOutput(stdout: header, stderr: prompt + "FATAL: I/O error while reading secret.\n", status: 1))
        #expect(split(["-t", "2", "-n", "3"], "\n") == ToolOutput(stdout: header, stderr: prompt + "FATAL: security level invalid (secret too long?).\n", status: 1))
        #expect(split(["-t", "2", "-n", "3", "-q"], String(repeating: "a", count: 129) + "\n")
            == ToolOutput(stdout: "", stderr: "FATAL: security level invalid (secret too long?).\n", status: 1))
        #expect(split(["-t", "2", "-n", "3", "-q", "-s", "16"], "abc\n") == ToolOutput(stdout: "", stderr: "FATAL: input string too long.\n", status: 1))
        #expect(split(["-t", "2", "-n", "3", "-q", "-x", "-D"], "xyz\n") == ToolOutput(
            stdout: "", stderr: "WARNING: input string too short, adding null padding on the left.\nFATAL: invalid syntax.\n", status: 1
        ))
        #expect(split(["-t", "2", "-n", "3", "-Q", "-x"], "-ff\n") == ToolOutput(stdout: "", stderr: "FATAL: invalid syntax.\n", status: 1))
    }

    @Test("Combine transcripts and errors")
    func combineTranscripts() {
        let shares = "1-60c4c946144fa99a5ef1d2\n3-a49b00e44d25f69a654527\n"
        let prompts = "Enter 2 shares separated by newlines:\nShare [1/2]: Share [2/2]: "
        #expect(combine(["-t", "2"], shares) == ToolOutput(stdout: prompts, stderr: "Resulting secret: hello world\n", status: 0))
        #expect(combine(["-t", "2", "-x"], shares)
            == ToolOutput(stdout: prompts, stderr: "Resulting secret: 68656c6c6f20776f726c64\n", status: 0))
        #expect(combine(["-t", "2", "-D"], shares) == ToolOutput(
            stdout: prompts, stderr: "Resulting secret: ..-.8...C+.\nWARNING: binary data detected, use -x mode instead.\n", status: 0
        ))
        #expect(combine(["-t", "2", "-D", "-Q"], shares) == ToolOutput(stdout: "", stderr: "..-.8...C+.\n", status: 0))

        func failure(_ shown: Int, _ message: String) -> ToolOutput {
            ToolOutput(
                stdout: "Enter 2 shares separated by newlines:\n" + (1...shown).map { "Share [\($0)/2]: " }.joined(),
                stderr: "FATAL: \(message).\n", status: 1
            )
        }
        #expect(combine(["-t", "2"], "1-60c4c946144fa99a5ef1d2\n1-60c4c946144fa99a5ef1d2\n")
            == failure(2, "shares inconsistent. Perhaps a single share was used twice"))
        #expect(combine(["-t", "2"], "1-60c4c946144fa99a5ef1d2\n") == failure(2, "I/O error while reading shares"))
        #expect(combine(["-t", "2"], "1-60c4c946144fa99a5ef1d2\n3-a49b00e44d25f69a6545\n")
            == failure(2, "shares have different security levels"))
        #expect(combine(["-t", "2"], "160c4c946144fa99a5ef1d2\n") == failure(1, "invalid syntax"))
        #expect(combine(["-t", "2"], "1-60c4c946144fa99a5ef1d\n") == failure(1, "share has illegal length"))
        #expect(combine(["-t", "2"], "0-60c4c946144fa99a5ef1d2\n") == failure(1, "invalid share"))
        #expect(combine(["-t", "2"], "1-60c4c946144fa99a5ef1dz\n") == failure(1, "invalid syntax"))
    }

    @Test("Diffusion warning for small fields, secret output of leading zeros")
    func smallFields() {
        #expect(combine(["-t", "2", "-x"], "1-ab\n2-cd\n").stderr
            == "WARNING: security level too small for the diffusion layer.\nResulting secret: 8b\n")
        #expect(combine(["-t", "2", "-q", "-D"], "1-0001\n2-0004\n").stderr == "\n")
        #expect(combine(["-t", "2", "-q", "-D", "-x"], "1-0001\n2-0004\n").stderr == "0000\n")
    }

    @Test("Bell before warnings and fatal errors when stderr is a terminal")
    func bell() {
        let warned = ShamirSplitTool.run(
            arguments: ["-t", "2", "-n", "2", "-q"], input: Array("ab\n".utf8), stderrIsTerminal: true,
            random: { [UInt8](repeating: 0, count: $0) }
        )
        #expect(warned.stderr == "\u{07}WARNING: security level too small for the diffusion layer.\n")
        let failed = ShamirCombineTool.run(arguments: ["-t", "2", "-q"], input: "", stderrIsTerminal: true)
        #expect(failed.stderr == "\u{07}FATAL: I/O error while reading shares.\n")
    }

    @Test("Deviation: more shares than an 8- or 16-bit field has indices is refused")
    func tooManyShares() {
        #expect(split(["-t", "2", "-n", "255", "-q", "-D"], "A\n").status == 0)
        #expect(split(["-t", "2", "-n", "256", "-q", "-D"], "A\n") == ToolOutput(
            stdout: "", stderr: "FATAL: invalid parameters: number of shares too large for the security level.\n", status: 1
        ))
        #expect(split(["-t", "2", "-n", "70000", "-q", "-s", "16"], "A\n").status == 1)
        #expect(combine(["-t", "2", "-q", "-x", "-D"], "300-ab\n2-cd\n").stderr == "FATAL: invalid share.\n")
    }

    @Test("System randomness: default entry points round-trip and differ between runs")
    func systemRandomness() {
        let options = SplitOptions(threshold: 3, shareCount: 5, quiet: true)
        let first = ShamirSplitTool.run(options: options, input: "attack at dawn\n")
        let second = ShamirSplitTool.run(options: options, input: "attack at dawn\n")
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout != second.stdout)
        let lines = first.stdout.split(separator: "\n")
        let recovered = ShamirCombineTool.run(
            options: CombineOptions(threshold: 3, quiet: true), input: [lines[4], lines[0], lines[2]].joined(separator: "\n")
        )
        #expect(recovered == ToolOutput(stdout: "", stderr: "attack at dawn\n", status: 0))

        var generator = SeededGenerator(seed: 77)
        let seeded = ShamirSplitTool.run(options: options, input: "attack at dawn\n", using: &generator)
        var again = SeededGenerator(seed: 77)
        #expect(ShamirSplitTool.run(options: options, input: "attack at dawn\n", using: &again) == seeded)
    }
}
