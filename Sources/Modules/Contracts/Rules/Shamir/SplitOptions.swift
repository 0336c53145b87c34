/// Settings of `ssss-split`, one property per command-line flag.
public struct SplitOptions: Equatable, Sendable {
    /// `-t`: shares needed to recombine (ssss requires at least 2).
    public var threshold: Int
    /// `-n`: number of shares to print.
    public var shareCount: Int
    /// `-w`: token printed before every share.
    public var token: String?
    /// `-s`: security level in bits; 0 picks it from the secret's length.
    public var securityBits: Int
    /// `-x`: the secret is hexadecimal instead of text.
    public var hex: Bool
    /// `-q`: no prompts or progress messages.
    public var quiet: Bool
    /// `-Q`: like `-q`, and no warnings either.
    public var extraQuiet: Bool
    /// Cleared by `-D`: apply the diffusion layer.
    public var diffusion: Bool
    /// `-v`: print usage and version, then exit.
    public var showVersion: Bool
    /// `-h`, or no arguments at all: print usage, then exit.
    public var showHelp: Bool

    /// Options with ssss's defaults: threshold and count unset (-1), dynamic
    /// security level, text mode, diffusion on.
    public init(
        threshold: Int = -1,
        shareCount: Int = -1,
        token: String? = nil,
        securityBits: Int = 0,
        hex: Bool = false,
        quiet: Bool = false,
        extraQuiet: Bool = false,
        diffusion: Bool = true,
        showVersion: Bool = false,
        showHelp: Bool = false
    ) {
        self.threshold = threshold
        self.shareCount = shareCount
        self.token = token
        self.securityBits = securityBits
        self.hex = hex
        self.quiet = quiet
        self.extraQuiet = extraQuiet
        self.diffusion = diffusion
        self.showVersion = showVersion
        self.showHelp = showHelp
    }

    /// Reads ssss's flags from `arguments` (program name excluded), with
    /// numbers converted by C `atoi` as ssss does.
    public init(arguments: [String]) throws(CommandLineError) {
        let flags = try SSSSFlags(arguments: arguments)
        self.init(
            threshold: flags.threshold,
            shareCount: flags.shareCount,
            token: flags.token,
            securityBits: flags.securityBits,
            hex: flags.hex,
            quiet: flags.quiet,
            extraQuiet: flags.extraQuiet,
            diffusion: flags.diffusion,
            showVersion: flags.showVersion,
            showHelp: flags.showHelp
        )
    }
}
