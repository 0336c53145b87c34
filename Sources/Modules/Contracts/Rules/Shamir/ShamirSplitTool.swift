/// A re-implementation of the `ssss-split` command: same prompts, messages,
/// checks (in the same order), share lines and exit status.
///
/// Randomness comes from `SystemRandomNumberGenerator` (the operating
/// system's CSPRNG) unless the caller supplies a source.
public enum ShamirSplitTool {
    /// Runs `ssss-split` with a command line (program name excluded) and the
    /// text fed to its standard input.
    ///
    /// - Parameter programName: argv[0], used in getopt's error messages.
    public static func run(arguments: [String], programName: String = "ssss-split", input: String) -> ToolOutput {
        var generator = SystemRandomNumberGenerator()
        return run(arguments: arguments, programName: programName, input: Array(input.utf8)) { generator.bytes($0) }
    }

    /// Runs `ssss-split` with a command line, raw standard input and a
    /// source of random bytes.
    ///
    /// - Parameter stderrIsTerminal: ssss starts warnings and fatal errors
    ///   with a bell character when stderr is a terminal.
    public static func run(
        arguments: [String],
        programName: String = "ssss-split",
        input: [UInt8],
        stderrIsTerminal: Bool = false,
        random: (Int) -> [UInt8]
    ) -> ToolOutput {
        let options: SplitOptions
        do throws(CommandLineError) {
            options = try SplitOptions(arguments: arguments)
        } catch {
            return error.output(programName: programName, stderrIsTerminal: stderrIsTerminal)
        }
        return run(options: options, input: input, stderrIsTerminal: stderrIsTerminal, random: random)
    }

    /// Runs `ssss-split` with parsed options and the text fed to standard
    /// input, drawing randomness from `SystemRandomNumberGenerator`.
    public static func run(options: SplitOptions, input: String) -> ToolOutput {
        var generator = SystemRandomNumberGenerator()
        return run(options: options, input: input, using: &generator)
    }

    /// Runs `ssss-split` drawing randomness from `generator`.
    public static func run<Generator: RandomNumberGenerator>(
        options: SplitOptions,
        input: String,
        using generator: inout Generator
    ) -> ToolOutput {
        run(options: options, input: Array(input.utf8)) { generator.bytes($0) }
    }

    /// Runs `ssss-split` with parsed options, raw standard input and a source
    /// of random bytes (called like ssss reads `/dev/random`: once per random
    /// coefficient, `securityBits / 8` bytes each).
    public static func run(
        options: SplitOptions,
        input: [UInt8],
        stderrIsTerminal: Bool = false,
        random: (Int) -> [UInt8]
    ) -> ToolOutput {
        var console = ToolConsole(suppressWarnings: options.extraQuiet, stderrIsTerminal: stderrIsTerminal)
        let quiet = options.quiet || options.extraQuiet
        let threshold = options.threshold
        let count = options.shareCount

        if options.showHelp || options.showVersion {
            console.out(ToolText.splitUsage)
            if options.showVersion { console.out(ToolText.versionLine) }
            return console.finish(status: 0)
        }
        guard threshold >= 2 else { return console.fatal("invalid parameters: invalid threshold value") }
        guard count >= threshold else {
            return console.fatal("invalid parameters: number of shares smaller than threshold")
        }
        if options.securityBits != 0 {
            guard BinaryField.isValidSize(options.securityBits) else {
                return console.fatal("invalid parameters: invalid security level")
            }
        }
        if let token = options.token, token.utf8.count > ToolText.maximumTokenLength {
            return console.fatal("invalid parameters: token too long")
        }
        if options.securityBits != 0 && !indicesFit(count, securityBits: options.securityBits) {
            return console.fatal(tooManySharesMessage)
        }

        if !quiet {
            let level = options.securityBits != 0 ? "a \(options.securityBits) bit" : "dynamic"
            console.out("Generating shares using a (\(threshold),\(count)) scheme with \(level) security level.\n")
            let promptBits = options.securityBits != 0 ? options.securityBits : ToolText.maximumBits
            let limit = options.hex
                ? "as most \(promptBits / 4) hex digits: "
                : "at most \(promptBits / 8) ASCII characters: "
            console.err("Enter the secret, " + limit)
        }

        var reader = CLineReader(input)
        guard let line = reader.nextLine() else { return console.fatal("I/O error while reading secret") }
        let text = CStyleInput.cString(line)

        var bits = options.securityBits
        if bits == 0 {
            bits = options.hex ? 4 * ((text.count + 1) & ~1) : 8 * text.count
            guard BinaryField.isValidSize(bits) else {
                return console.fatal("security level invalid (secret too long?)")
            }
            if !quiet { console.err("Using a \(bits) bit security level.\n") }
            if !indicesFit(count, securityBits: bits) { return console.fatal(tooManySharesMessage) }
        }

        let secret: [UInt8]
        if options.hex {
            guard text.count <= bits / 4 else { return console.fatal("input string too long") }
            if text.count < bits / 4 { console.warning("input string too short, adding null padding on the left") }
            guard let digits = CStyleInput.parseHex(text) else { return console.fatal("invalid syntax") }
            secret = CStyleInput.bytes(fromHexDigits: digits, count: bits / 8)
        } else {
            guard text.count <= bits / 8 else { return console.fatal("input string too long") }
            if !text.allSatisfy(ToolText.isPrintable) { console.warning(ToolText.binaryDataWarning) }
            secret = text
        }

        if options.diffusion && !Shamir.diffusionApplies(securityBits: bits) {
            console.warning(ToolText.diffusionWarning)
        }

        let shares: [ShamirShare]
        do throws(ShamirError) {
            shares = try Shamir.split(
                secret: secret, threshold: threshold, count: count,
                securityBits: bits, diffusion: options.diffusion, random: random
            )
        } catch .randomSourceFailure {
            return console.fatal("couldn't read from /dev/random")
        } catch {
            return console.fatal(error.description)
        }

        let width = ShamirShare.indexWidth(forCount: count)
        for var share in shares {
            share.token = options.token
            console.out(share.formatted(indexWidth: width) + "\n")
        }
        return console.finish(status: 0)
    }

    /// ssss would print indices at or above 2^securityBits unreduced (share
    /// 2^d even reveals the secret); this driver refuses instead.
    static func indicesFit(_ count: Int, securityBits: Int) -> Bool {
        securityBits >= 64 || count < 1 << securityBits
    }

    static let tooManySharesMessage = "invalid parameters: number of shares too large for the security level"
}
