import ArgumentParser

struct PotLight: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pot-light",
        abstract: "A light client of a PoT chain: downloads and verifies the block headers only.",
        subcommands: [Sync.self, Status.self])
}
