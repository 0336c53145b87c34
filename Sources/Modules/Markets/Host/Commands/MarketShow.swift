import ArgumentParser
import PoTCLI
import PoTCore
import PoTMarkets
import PoTStore

struct MarketShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a market: its prices, bets, and resolution with every bettor's score.")
    @Argument(help: "Market id or a unique prefix.") var market: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let state = try context.store.currentState()
        let entry = try context.store.findMarket(market, in: state)
        let names = (try? context.store.names()) ?? [:]
        let report = MarketReport(id: entry.id, declaration: entry.declaration, market: entry.market, chain: state, names: names)
        if json { print(try Format.json(report)); return }
        let d = entry.declaration
        print("market \(report.id)")
        print("question: \(d.question)")
        print("creator: \(report.creator_label ?? d.creator.short)   resolver: \(report.resolver_label ?? d.resolver.short)")
        let declared = report.declared_at.map { "declared at height \($0)" } ?? "not in a block yet"
        print("\(declared); bets until height \(d.closeHeight); resolution by height \(d.resolveBy)")
        var status = "status: \(entry.status(at: state.height))"
        if let at = report.settled_at { status += " at height \(at)" }
        print(status)
        if let prices = report.prices_ppm {
            let label = entry.market?.closingTrust == nil ? "p_m now" : "p_m at close"
            print("\(label): " + zip(d.outcomes, prices).map { "\($0)=\(Figures.probability($1))" }.joined(separator: " "))
        }
        if !report.bets.isEmpty {
            print("bets:")
            for bet in report.bets {
                let who = bet.label ?? String(bet.bettor.prefix(12))
                let probs = zip(d.outcomes, bet.probs_ppm).map { "\($0)=\(Figures.probability($1))" }.joined(separator: " ")
                let trust = bet.trust_mt.map { "  weight \(Figures.grouped($0)) mT" } ?? ""
                print("  \(who.padding(12)) #\(bet.sequence)  \(probs)\(trust)")
            }
        }
        if !report.scores.isEmpty {
            print("scores (outcome \(report.outcome ?? "?")):")
            for score in report.scores {
                let who = score.label ?? String(score.bettor.prefix(12))
                print("  \(who.padding(12)) q=\(Figures.probability(score.outcome_ppm))  \(Figures.signedGrouped(score.delta_mt)) mT")
            }
        }
    }
}
