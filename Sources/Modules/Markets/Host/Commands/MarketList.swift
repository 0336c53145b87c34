import ArgumentParser
import PoTCLI
import PoTCore
import PoTMarkets
import PoTStore

struct MarketList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the markets, declared and pending.")
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let state = try context.store.currentState()
        let names = (try? context.store.names()) ?? [:]
        var problems: [String] = []
        let entries = try context.store.marketListings(in: state, problems: &problems)
        for problem in problems { warn(problem) }
        if json {
            print(try Format.json(entries.map { MarketReport(id: $0.id, declaration: $0.declaration, market: $0.market, chain: state, names: names) }))
            return
        }
        guard !entries.isEmpty else { print("no markets"); return }
        print("market        status            close  bets  question")
        for entry in entries {
            let status = entry.status(at: state.height)
            let bets = entry.market?.bets.count ?? 0
            print("\(entry.id.short)  \(status.padding(17))  \(String(entry.declaration.closeHeight).leftPadding(5))  \(String(bets).leftPadding(4))  \(entry.declaration.question)")
        }
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
