import ArgumentParser

struct PotDeploy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pot-deploy",
        abstract: "Run the hooks of pot-deploy.toml in a worktree of each new tip and of each newly final block.",
        discussion: """
            With no verb, pot-deploy watches (the same as `pot-deploy watch`). The record of every run is \
            .git/pot/deploy/record.jsonl; `pot-deploy history` lists it.
            """,
        subcommands: [Watch.self, History.self, Check.self],
        defaultSubcommand: Watch.self)
}

/// Options every verb takes.
struct RepositoryOptions: ParsableArguments {
    @Option(help: "The repository holding the chain.")
    var repo: String = "."
}
