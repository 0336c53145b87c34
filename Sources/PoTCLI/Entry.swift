import ArgumentParser
import Foundation

/// Entry point shared by `pot` and `git-pot`. Like git, leading `-C <path>` options change the
/// directory before anything else is read.
public enum PotEntry {
    /// Runs `pot` with each module's group of verbs (`pot markets …`) beside the kernel's.
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst()),
                            moduleCommands: [any ParsableCommand.Type]) {
        let args = changingDirectory(arguments)
        ClientDispatch.execIfClient(args)
        Pot.moduleCommands = moduleCommands
        Pot.main(args)
    }

    /// Applies leading `-C <path>` options and returns the remaining arguments.
    public static func changingDirectory(_ arguments: [String]) -> [String] {
        var args = arguments
        while args.count >= 2, args[0] == "-C" {
            guard FileManager.default.changeCurrentDirectoryPath(args[1]) else {
                FileHandle.standardError.write(Data("Error: cannot change to directory '\(args[1])'\n".utf8))
                exit(1)
            }
            args.removeFirst(2)
        }
        return args
    }
}

struct Pot: ParsableCommand {
    /// The modules' groups of verbs, set once by `PotEntry.main` before any parsing.
    nonisolated(unsafe) static var moduleCommands: [any ParsableCommand.Type] = []

    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "pot",
        abstract: "Proof of Trust: a chain whose ledger is the main branch of a git repository.",
        discussion: "Global option: -C <path> runs as if pot was started in <path> (give it before the verb).\n`pot node …` runs the gossip daemon (pot-bootstrap), `pot light …` the header client (pot-light), `pot market …` the prediction markets (pot-market; also `pot markets …` in this process), `pot web …` the explorer (pot-web), `pot deploy …` the deploy hooks (pot-deploy).",
        subcommands: [
            Init.self, Keygen.self, Keys.self, Transfer.self, Propose.self, Vote.self, Advance.self,
            Finalize.self, Status.self, Params.self, Log.self, Verify.self, Clone.self, Fetch.self, Push.self,
        ] + moduleCommands) }
}
