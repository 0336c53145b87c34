/// Settings of `ssss-combine`, one property per command-line flag.
public struct CombineOptions: Equatable, Sendable {
    /// `-t`: number of shares to read (ssss requires at least 2).
    public var threshold: Int
    /// `-x`: print the secret in hexadecimal instead of text.
    public var hex: Bool
    /// `-q`: no prompts; the secret alone goes to stderr.
    public var quiet: Bool
    /// `-Q`: like `-q`, and no warnings either.
    public var extraQuiet: Bool
    /// Cleared by `-D`: undo the diffusion layer.
    public var diffusion: Bool
    /// `-v`: print usage and version, then exit.
    public var showVersion: Bool
    /// `-h`, or no arguments at all: print usage, then exit.
    public var showHelp: Bool

    /// Options with ssss's defaults: threshold unset (-1), text mode, diffusion on.
    public init(
        threshold: Int = -1,
        hex: Bool = false,
        quiet: Bool = false,
        extraQuiet: Bool = false,
        diffusion: Bool = true,
        showVersion: Bool = false,
        showHelp: Bool = false
    ) {
        self.threshold = threshold
        self.hex = hex
        self.quiet = quiet
        self.extraQuiet = extraQuiet
        self.diffusion = diffusion
        self.showVersion = showVersion
        self.showHelp = showHelp
    }

    /// Reads ssss's flags from `arguments` (program name excluded). Like the
    /// real tool, which shares its parser with ssss-split, it accepts and
    /// ignores `-n`, `-w` and `-s`.
    public init(arguments: [String]) throws(CommandLineError) {
        let flags = try SSSSFlags(arguments: arguments)
        self.init(
            threshold: flags.threshold,
            hex: flags.hex,
            quiet: flags.quiet,
            extraQuiet: flags.extraQuiet,
            diffusion: flags.diffusion,
            showVersion: flags.showVersion,
            showHelp: flags.showHelp
        )
    }
}
