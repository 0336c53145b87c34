import PoTCLI
import PoTCore
import PoTMarkets
import ArgumentParser
import Foundation

/// Entry point of `pot-market` (also `pot market`).
public enum MarketEntry {
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        PotMarket.main(PotEntry.changingDirectory(arguments))
    }
}

struct PotMarket: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pot-market",
        abstract: "Prediction markets on a Proof of Trust chain, scored by the consensus rule.",
        discussion: """
        Members bet probability distributions over a market's outcomes until its close height; the \
        resolver names the outcome after it; every bettor then gains or loses alpha · (ln q(y) − ln p_m(y)) mT, \
        weighted by trust at the close height. Markets not resolved by their resolve-by height are voided.
        Global option: -C <path> runs as if started in <path>.
        """,
        subcommands: [MarketDeclare.self, MarketBetCommand.self, MarketResolve.self, MarketList.self, MarketShow.self])
}

/// `pot markets …`: the markets module's verbs as a group of `pot` itself (`pot market …` and
/// `pot-market …` run the same verbs as a separate program).
public struct MarketsGroup: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "markets",
        abstract: "Prediction markets (the markets module): declare, bet, resolve, list, show.",
        discussion: PotMarket.configuration.discussion,
        subcommands: PotMarket.configuration.subcommands)
}
