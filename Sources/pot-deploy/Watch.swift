import ArgumentParser
import PoTDeploy

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watch main and run the hooks (the default verb).",
        discussion: """
            Prints one line per outcome (--json: the record entry). SIGINT or SIGTERM ends the running \
            hook (its process group gets SIGTERM, then SIGKILL after kill_grace_seconds), records it as \
            interrupted and exits. With --once the exit status is 2 when a hook failed or timed out.
            """)

    @OptionGroup var repository: RepositoryOptions
    @Option(help: "The configuration file (default: pot-deploy.toml at the top of the repository's work tree).")
    var config: String?
    @Flag(help: "Run what is pending and exit, instead of watching.")
    var once = false
    @Flag(help: "Print each outcome as a line of JSON.")
    var json = false

    func run() throws {
        let chain = try ChainReader(repo: repository.repo)
        let configuration = try ConfigLoader.load(path: config ?? chain.repositoryTop + "/" + DeployConfig.fileName)
        StopSignal.install()
        let deployer = try Deployer(chain: chain, config: configuration,
                                    report: { Output.entry($0, json: json) },
                                    warn: { Output.note("warning: \($0)") })
        defer { deployer.close() }
        if once {
            let round = try deployer.runPending()
            if round.failures > 0 { throw HookFailures() }
            return
        }
        Output.note("watching \(chain.repositoryTop) (chain \(chain.chainId.prefix(12))) with \(configuration.onTip.count) on_tip "
            + "and \(configuration.onFinalize.count) on_finalize hook(s); record \(deployer.paths.record)")
        deployer.watch()
        if let signal = StopSignal.requested { Output.note("stopped (signal \(signal))") }
    }
}
