import ArgumentParser
import PoTDeploy

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the configuration and say what it declares; run nothing.")

    @OptionGroup var repository: RepositoryOptions
    @Option(help: "The configuration file (default: pot-deploy.toml at the top of the repository's work tree).")
    var config: String?

    func run() throws {
        let chain = try ChainReader(repo: repository.repo)
        let configuration = try ConfigLoader.load(path: config ?? chain.repositoryTop + "/" + DeployConfig.fileName)
        let paths = DeployPaths(gitDirectory: chain.gitDirectory)
        Output.line("ok: \(configuration.path)")
        for event in HookEvent.allCases {
            for hook in configuration.hooks(for: event) {
                Output.line("  \(event.tableName) \(hook.name): timeout \(RunLine.formatSeconds(hook.timeoutSeconds)) s"
                    + (hook.workdir.map { ", in \($0)" } ?? "") + (hook.continueOnFailure ? ", continue_on_failure" : ""))
            }
        }
        Output.line("  worktrees: \(configuration.worktreeDirectory ?? paths.defaultWorktrees) (keep \(configuration.keepWorktrees))")
        Output.line("  logs: \(configuration.logDirectory ?? paths.defaultLogs)")
        Output.line("  poll every \(configuration.pollIntervalMilliseconds) ms")
    }
}
