/// A re-implementation of the `ssss-combine` command: same prompts, messages,
/// checks (in the same order), output and exit status. Like ssss it prints
/// the prompts to stdout and the recovered secret to stderr.
public enum ShamirCombineTool {
    /// Runs `ssss-combine` with a command line (program name excluded) and
    /// the text fed to its standard input.
    ///
    /// - Parameters:
    ///   - programName: argv[0], used in getopt's error messages.
    ///   - stderrIsTerminal: ssss starts warnings and fatal errors with a bell
    ///     character when stderr is a terminal.
    public static func run(
        arguments: [String],
        programName: String = "ssss-combine",
        input: String,
        stderrIsTerminal: Bool = false
    ) -> ToolOutput {
        run(arguments: arguments, programName: programName, input: Array(input.utf8), stderrIsTerminal: stderrIsTerminal)
    }

    /// Runs `ssss-combine` with a command line and raw standard input.
    public static func run(
        arguments: [String],
        programName: String = "ssss-combine",
        input: [UInt8],
        stderrIsTerminal: Bool = false
    ) -> ToolOutput {
        let options: CombineOptions
        do throws(CommandLineError) {
            options = try CombineOptions(arguments: arguments)
        } catch {
            return error.output(programName: programName, stderrIsTerminal: stderrIsTerminal)
        }
        return run(options: options, input: input, stderrIsTerminal: stderrIsTerminal)
    }

    /// Runs `ssss-combine` with parsed options and the text fed to standard input.
    public static func run(options: CombineOptions, input: String) -> ToolOutput {
        run(options: options, input: Array(input.utf8))
    }

    /// Runs `ssss-combine` with parsed options and raw standard input.
    public static func run(options: CombineOptions, input: [UInt8], stderrIsTerminal: Bool = false) -> ToolOutput {
        var console = ToolConsole(suppressWarnings: options.extraQuiet, stderrIsTerminal: stderrIsTerminal)
        let quiet = options.quiet || options.extraQuiet
        let threshold = options.threshold

        if options.showHelp || options.showVersion {
            console.out(ToolText.combineUsage)
            if options.showVersion { console.out(ToolText.versionLine) }
            return console.finish(status: 0)
        }
        guard threshold >= 2 else { return console.fatal("invalid parameters: invalid threshold value") }

        if !quiet { console.out("Enter \(threshold) shares separated by newlines:\n") }
        var reader = CLineReader(input)
        var shares: [ShamirShare] = []
        var bits: Int?
        for number in 1...threshold {
            if !quiet { console.out("Share [\(number)/\(threshold)]: ") }
            guard let line = reader.nextLine() else { return console.fatal("I/O error while reading shares") }
            do throws(ShamirError) {
                let share = try ShamirShare(parsingBytes: Array(line), expectedSecurityBits: bits)
                bits = share.securityBits
                shares.append(share)
            } catch {
                return console.fatal(ToolText.combineMessage(for: error))
            }
        }

        let securityBits = bits ?? 0
        let secret: [UInt8]
        do throws(ShamirError) {
            secret = try Shamir.combine(
                shares, threshold: threshold, securityBits: securityBits, diffusion: options.diffusion
            )
        } catch {
            return console.fatal(ToolText.combineMessage(for: error))
        }
        if options.diffusion && !Shamir.diffusionApplies(securityBits: securityBits) {
            console.warning(ToolText.diffusionWarning)
        }

        if !quiet { console.err("Resulting secret: ") }
        if options.hex {
            console.err(HexText.lowercase(secret) + "\n")
        } else {
            let significant = secret.drop { $0 == 0 }
            let shown = significant.map { ToolText.isPrintable($0) ? $0 : UInt8(ascii: ".") }
            console.err(String(decoding: shown, as: UTF8.self) + "\n")
            if !significant.allSatisfy(ToolText.isPrintable) { console.warning(ToolText.binaryDataWarning) }
        }
        return console.finish(status: 0)
    }
}
