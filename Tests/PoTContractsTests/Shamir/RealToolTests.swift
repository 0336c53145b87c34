import Testing
import PoTContracts

/// Cross-checks with the installed ssss-split / ssss-combine. Skipped, with a
/// message, when the tools are not on PATH.
@Suite("Against the real ssss tools", .enabled(if: RealSSSS.isAvailable, RealSSSS.skipReason))
struct RealToolTests {
    struct Config: CustomTestStringConvertible, Sendable {
        var threshold: Int
        var count: Int
        var hex = false
        var diffusion = true
        var securityBits = 0
        var token: String?
        var testDescription: String {
            "(\(threshold),\(count))\(hex ? " -x" : "")\(diffusion ? "" : " -D")"
                + (securityBits != 0 ? " -s \(securityBits)" : "") + (token.map { " -w \($0)" } ?? "")
        }

        var splitArguments: [String] {
            var arguments = ["-t", "\(threshold)", "-n", "\(count)", "-q"]
            if hex { arguments.append("-x") }
            if !diffusion { arguments.append("-D") }
            if securityBits != 0 { arguments += ["-s", "\(securityBits)"] }
            if let token { arguments += ["-w", token] }
            return arguments
        }

        var combineArguments: [String] {
            var arguments = ["-t", "\(threshold)"]
            if hex { arguments.append("-x") }
            if !diffusion { arguments.append("-D") }
            return arguments
        }

        /// A secret that fits the configuration, and how ssss-combine prints it.
        func secret(_ generator: inout SeededGenerator) -> (input: String, shown: String) {
            let bits = securityBits != 0 ? securityBits : 8 * Int.random(in: 1...40, using: &generator)
            if hex {
                let digits = Int.random(in: 1...(bits / 4), using: &generator)
                let text = String((0..<digits).map { _ in "0123456789abcdef".randomElement(using: &generator)! })
                let level = securityBits != 0 ? securityBits : 4 * ((digits + 1) & ~1)
                return (text, text.leftPadded(to: level / 4))
            }
            let length = Int.random(in: 1...(bits / 8), using: &generator)
            let alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#%&()*+,./:;<=>?@[]^_{|}~"
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            return (text, text)
        }
    }

    static let configs: [Config] = [
        Config(threshold: 2, count: 2),
        Config(threshold: 2, count: 5, diffusion: false),
        Config(threshold: 3, count: 5, token: "passwd"),
        Config(threshold: 3, count: 12, hex: true),
        Config(threshold: 4, count: 10, hex: true, diffusion: false, token: "k"),
        Config(threshold: 5, count: 9, securityBits: 128),
        Config(threshold: 2, count: 3, hex: true, securityBits: 1024),
        Config(threshold: 3, count: 4, diffusion: false, securityBits: 1024),
        Config(threshold: 2, count: 20, hex: true, securityBits: 8),
        Config(threshold: 3, count: 3, securityBits: 56),
        Config(threshold: 7, count: 11, hex: true, securityBits: 72, token: "vault"),
        Config(threshold: 10, count: 10, securityBits: 256),
    ]

    private func warningLines(diffusion: Bool, bits: Int) -> String {
        diffusion && bits < 64 ? "WARNING: security level too small for the diffusion layer.\n" : ""
    }

    @Test("Shares from the real ssss-split combine here, and our split reproduces them exactly", arguments: configs)
    func realSplitCombinesHere(_ config: Config) throws {
        var generator = SeededGenerator(seed: UInt64(config.threshold * 100 + config.count))
        let secret = config.secret(&generator)
        let real = try RealSSSS.split(config.splitArguments, input: secret.input + "\n")
        try #require(real.status == 0, "ssss-split failed: \(real.stderr)")
        let lines = RealSSSS.shareLines(real.stdout)
        #expect(lines.count == config.count)

        let chosen = lines.randomSubset(config.threshold, using: &generator).joined(separator: "\n") + "\n"
        let ours = ShamirCombineTool.run(arguments: config.combineArguments + ["-q"], input: chosen)
        let bits = try ShamirShare(parsing: lines[0]).securityBits
        #expect(ours == ToolOutput(stdout: "", stderr: warningLines(diffusion: config.diffusion, bits: bits) + secret.shown + "\n", status: 0))
        #expect(ours == (try RealSSSS.combine(config.combineArguments + ["-q"], input: chosen)))

        let parsed = try lines.prefix(config.threshold).map { try ShamirShare(parsing: $0) }
        let coefficients = try Interpolation.coefficients(of: parsed, securityBits: bits)
        let queue = ByteQueue(Interpolation.replaying(coefficients, securityBits: bits))
        let rebuilt = ShamirSplitTool.run(
            arguments: config.splitArguments, input: Array((secret.input + "\n").utf8), random: queue.next
        )
        #expect(rebuilt == real)
    }

    @Test("Shares from our split combine with the real ssss-combine", arguments: configs)
    func ourSplitCombinesThere(_ config: Config) throws {
        var generator = SeededGenerator(seed: UInt64(config.threshold * 1000 + config.count))
        let secret = config.secret(&generator)
        let split = ShamirSplitTool.run(
            arguments: config.splitArguments, input: Array((secret.input + "\n").utf8), random: { generator.bytes($0) }
        )
        try #require(split.status == 0, "our split failed: \(split.stderr)")
        let lines = RealSSSS.shareLines(split.stdout)
        let chosen = lines.randomSubset(config.threshold, using: &generator).joined(separator: "\n") + "\n"
        let real = try RealSSSS.combine(config.combineArguments, input: chosen)
        let bits = try ShamirShare(parsing: lines[0]).securityBits
        #expect(real.status == 0)
        #expect(real.stderr == warningLines(diffusion: config.diffusion, bits: bits) + "Resulting secret: " + secret.shown + "\n")
        #expect(ShamirCombineTool.run(arguments: config.combineArguments, input: chosen) == real)
    }

    @Test("Every field size, both directions", arguments: Array(stride(from: 8, through: 1024, by: 8)))
    func everyFieldSize(_ bits: Int) throws {
        var generator = SeededGenerator(seed: UInt64(bits))
        let secret = Hex.string(generator.bytes(bits / 8))
        let arguments = ["-t", "3", "-n", "4", "-x", "-Q", "-s", "\(bits)"]
        let real = try RealSSSS.split(arguments, input: secret + "\n")
        let realShares = try RealSSSS.shareLines(real.stdout).map { try ShamirShare(parsing: $0) }
        #expect(try Shamir.combine(Array(realShares.suffix(3)), securityBits: bits, diffusion: true) == Hex.bytes(secret))

        let ours = ShamirSplitTool.run(arguments: arguments, input: Array((secret + "\n").utf8), random: { generator.bytes($0) })
        let chosen = RealSSSS.shareLines(ours.stdout).randomSubset(3, using: &generator).joined(separator: "\n") + "\n"
        let combined = try RealSSSS.combine(["-t", "3", "-x", "-Q"], input: chosen)
        #expect(combined == ToolOutput(stdout: "", stderr: secret + "\n", status: 0))
    }

    static let splitInvocations: [([String], String)] = [
        (["-t", "3", "-n", "5"], "my secret root password\n"),
        (["-t", "2", "-n", "12", "-w", "tok"], "abcdefgh\n"),
        (["-t", "2", "-n", "3"], "abc\n"),
        (["-t", "2", "-n", "3", "-D"], "abc\n"),
        (["-t", "2", "-n", "3", "-q"], "abc\n"),
        (["-t", "2", "-n", "3", "-Q"], "abc\n"),
        (["-t", "2", "-n", "3", "-x"], "abc\n"),
        (["-t", "2", "-n", "3", "-x", "-D"], "a b c\n"),
        (["-t", "2", "-n", "3", "-x", "-D"], "-0\n"),
        (["-t", "2", "-n", "3", "-x", "-D"], "-ff\n"),
        (["-t", "2", "-n", "3", "-x", "-D"], "- 1\n"),
        (["-t", "2", "-n", "3", "-x", "-D"], "xyz\n"),
        (["-t", "2", "-n", "3", "-x", "-D"], " \n"),
        (["-t", "2", "-n", "3", "-x", "-D"], "  12\n"),
        (["-t", "2", "-n", "3", "-x", "-D"], "12\t \n"),
        (["-t", "2", "-n", "3", "-x", "-D"], "0x12\n"),
        (["-t", "2", "-n", "3", "-x", "-D"], "+12\n"),
        (["-t", "2", "-n", "3", "-x", "-s", "64"], "ABCDEF\n"),
        (["-t", "2", "-n", "3", "-x"], String(repeating: "f", count: 256) + "\n"),
        (["-t", "2", "-n", "3", "-x"], String(repeating: "f", count: 257) + "\n"),
        (["-t", "2", "-n", "3", "-x", "-s", "1024"], String(repeating: "f", count: 257) + "\n"),
        (["-t", "2", "-n", "3"], String(repeating: "z", count: 128) + "\n"),
        (["-t", "2", "-n", "3"], String(repeating: "z", count: 129) + "\n"),
        (["-t", "2", "-n", "3", "-s", "1024"], String(repeating: "z", count: 500) + "\n"),
        (["-t", "2", "-n", "3", "-s", "16"], "abc\n"),
        (["-t", "2", "-n", "3", "-s", "12"], "abc\n"),
        (["-t", "2", "-n", "3", "-s", "0"], "abc\n"),
        (["-t", "2", "-n", "3", "-s", "-8"], "abc\n"),
        (["-t", "2", "-n", "3"], "\n"),
        (["-t", "2", "-n", "3"], ""),
        (["-t", "2", "-n", "3"], "abc"),
        (["-t", "2", "-n", "3"], "abc\rdef\n"),
        (["-t", "2", "-n", "3", "-D"], "ab\u{1}c\n"),
        (["-t", "2", "-n", "3", "-D"], "ab\u{7f}c\n"),
        (["-t", "2", "-n", "3", "-D", "-Q"], "ab\u{1}c\n"),
        (["-t", "2", "-n", "3"], "café crème\n"),
        (["-t", "2", "-n", "3"], "ab\u{0}cd\n"),
        (["-t", "2", "-n", "3", "-x"], "ab\u{0}cd\n"),
        (["-t", "1", "-n", "3"], "abc\n"),
        (["-t", "3", "-n", "2"], "abc\n"),
        (["-t", "3"], "abc\n"),
        (["-n", "3"], "abc\n"),
        (["-t", "2abc", "-n", " 3"], "abc\n"),
        (["-t2", "-n3", "-qx"], "abcd\n"),
        (["-t", "2", "-n", "255"], "A\n"),
        (["-t", "2", "-n", "3", "-w", String(repeating: "w", count: 128)], "abc\n"),
        (["-t", "2", "-n", "3", "-w", String(repeating: "w", count: 129)], "abc\n"),
        (["-t", "2", "-n", "3", "-w", "a-b"], "abc\n"),
        (["-v"], ""),
        (["-h"], ""),
        ([], ""),
        (["-t", "2", "-h", "extra"], ""),
        (["-t", "3", "-n", "5", "foo"], "abc\n"),
        (["-t", "3", "-n", "5", "--", "-q"], "abc\n"),
        (["-t", "3", "-n", "5", "-"], "abc\n"),
        (["--"], "abc\n"),
        (["-z"], "abc\n"),
        (["-t", "2", "-n", "3", "-Dz"], "abc\n"),
        (["-t"], "abc\n"),
        (["-t", "2", "-n"], "abc\n"),
    ]

    @Test("ssss-split: same stdout (share values masked), stderr and status", arguments: splitInvocations)
    func splitOutputsMatch(_ invocation: ([String], String)) throws {
        let (arguments, input) = invocation
        let real = try RealSSSS.run(RealSSSS.splitPath!, arguments, input: Array(input.utf8))
        var generator = SeededGenerator(seed: 11)
        let ours = ShamirSplitTool.run(
            arguments: arguments, programName: RealSSSS.splitPath!, input: Array(input.utf8), random: { generator.bytes($0) }
        )
        #expect(ours.status == real.status)
        #expect(ours.stderr == real.stderr)
        #expect(maskingShareValues(ours.stdout) == maskingShareValues(real.stdout))
    }

    static let share24 = ["1-60c4c946144fa99a5ef1d2", "3-a49b00e44d25f69a654527"]

    static let combineInvocations: [([String], String)] = [
        (["-t", "3"], [DocExample.shares[2], DocExample.shares[4], DocExample.shares[1]].joined(separator: "\n") + "\n"),
        (["-t", "3", "-x"], DocExample.shares.prefix(3).joined(separator: "\r\n") + "\r\n"),
        (["-t", "3", "-q"], DocExample.shares.suffix(3).joined(separator: "\n")),
        (["-t", "2"], share24.joined(separator: "\n") + "\n"),
        (["-t", "2", "-D"], share24.joined(separator: "\n") + "\n"),
        (["-t", "2", "-D", "-q"], share24.joined(separator: "\n") + "\n"),
        (["-t", "2", "-D", "-Q"], share24.joined(separator: "\n") + "\n"),
        (["-t", "2", "-x", "-D"], share24.joined(separator: "\n") + "\n"),
        (["-t", "2"], "tok-1-60c4c946144fa99a5ef1d2\nother-3-a49b00e44d25f69a654527\n"),
        (["-t", "2"], "1-60c4c946144fa99a5ef1d2\n1-60c4c946144fa99a5ef1d2\n"),
        (["-t", "2"], "1-60c4c946144fa99a5ef1d2\n4294967297-a49b00e44d25f69a654527\n"),
        (["-t", "2"], "1-60c4c946144fa99a5ef1d2\n"),
        (["-t", "2"], ""),
        (["-t", "3"], share24.joined(separator: "\n") + "\n"),
        (["-t", "2"], "1-60c4c946144fa99a5ef1d2\n3-a49b00e44d25f69a6545\n"),
        (["-t", "2"], "160c4c946144fa99a5ef1d2\n"),
        (["-t", "2"], "1-60c4c946144fa99a5ef1d\n"),
        (["-t", "2"], "x-60c4c946144fa99a5ef1d2\n"),
        (["-t", "2"], "0-60c4c946144fa99a5ef1d2\n"),
        (["-t", "2"], "1-60c4c946144fa99a5ef1dz\n"),
        (["-t", "2"], "1-60c4c946144fa99a5ef1d2\n3-a49b00e44d25f69a65452g\n"),
        (["-t", "2"], "tok-1-ab-\nother-2-cd\n"),
        (["-t", "2"], "a-b-1-abcd\n"),
        (["-t", "2", "-x", "-D"], "1-ab\n2-c d\n"),
        (["-t", "2", "-x", "-D"], "tok-1-ab\r\nother-2-c d\n"),
        (["-t", "2", "-x", "-D"], " +1xyz-ab\n2-cd\n"),
        (["-t", "2", "-x", "-D"], "1-ab\n2--0\n"),
        (["-t", "2", "-x", "-D"], "tok-1-ab\n2--0\n"),
        (["-t", "2", "-x", "-D"], "1-00\n2-00\n"),
        (["-t", "2", "-x", "-D"], "4294967295-0123456789abcdef\n1-fedcba9876543210\n"),
        (["-t", "2", "-x"], "2147483648-0123456789abcdef01\n99999999999-fedcba987654321001\n"),
        (["-t", "2", "-D"], "1-01\n2-02\n"),
        (["-t", "2", "-D"], "1-0001\n2-0002\n"),
        (["-t", "2", "-D"], "1-0001\n2-0004\n"),
        (["-t", "2", "-D", "-x"], "1-0001\n2-0004\n"),
        (["-t", "2", "-q"], "1-" + String(repeating: "a", count: 410) + "\n"),
        (["-t", "2", "-q", "-x"], "1-" + String(repeating: "a", count: 256) + "\n2-" + String(repeating: "b", count: 256) + "\n"),
        (["-t", "2", "-q", "-x"], "1-" + String(repeating: "a", count: 254) + "\n2-" + String(repeating: "b", count: 256) + "\n"),
        (["-t", "2", "-q"], "1-ab\u{0}cd\n2-ef\n"),
        (["-t", "2"], String(repeating: "T", count: 148) + "-1-" + String(repeating: "c", count: 254) + "xyz\n"),
        (["-t", "2"], String(repeating: "T", count: 148) + "-1-" + String(repeating: "c", count: 254) + "9-" + String(repeating: "d", count: 254) + "\n"),
        (["-t", "1"], "1-ab\n"),
        (["-t", "0"], "1-ab\n"),
        ([], "1-ab\n"),
        (["-v"], ""),
        (["-h", "-t", "2"], ""),
        (["-t", "2", "-n", "5", "-w", "ignored", "-s", "64"], share24.joined(separator: "\n") + "\n"),
        (["-t", "2", "stray"], ""),
        (["-y"], ""),
        (["-t"], ""),
    ]

    @Test("ssss-combine: identical stdout, stderr and status", arguments: combineInvocations)
    func combineOutputsMatch(_ invocation: ([String], String)) throws {
        let (arguments, input) = invocation
        let real = try RealSSSS.run(RealSSSS.combinePath!, arguments, input: Array(input.utf8))
        let ours = ShamirCombineTool.run(arguments: arguments, programName: RealSSSS.combinePath!, input: input)
        #expect(ours == real)
    }
}
