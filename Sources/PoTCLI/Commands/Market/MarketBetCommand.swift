import ArgumentParser
import PoTCore
import PoTStore

struct MarketBetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bet", abstract: "Bet a probability distribution over a market's outcomes; the last included bet counts.",
        discussion: "Give one probability per outcome, in the declared order; they must sum to 1.")
    @Option(help: "Market id or a unique prefix.") var market: String
    @Option(help: "Probabilities, comma-separated, one per outcome (decimals, or ppm with --ppm).") var probs: String
    @Flag(help: "Read --probs as whole parts per million.") var ppm = false
    @Option(name: .customLong("as"), help: "Label of the bettor's key.") var bettor: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(bettor)
        let values = try Probabilities.parse(probs, asPPM: ppm)
        try store.withWriteLock {
            let state = try store.currentState()
            let entry = try MarketBook(store: store, state: state).find(market)
            let declaration = entry.declaration
            guard state.isMember(key.publicKey) else { throw CLIError("\(bettor) is not a member of this chain; only members may bet") }
            guard state.height + 1 <= declaration.closeHeight else {
                throw CLIError("market \(entry.id.short) closed at height \(declaration.closeHeight); the chain is at height \(state.height), so no block may carry a new bet")
            }
            guard values.count == declaration.outcomes.count else {
                throw CLIError("market \(entry.id.short) has \(declaration.outcomes.count) outcomes (\(declaration.outcomes.joined(separator: ", "))); give one probability for each, got \(values.count)")
            }
            var problems: [String] = []
            let pending = try store.pendingBets(glob: ChainLayout.betsGlob(market: entry.id), problems: &problems)
                .map(\.signed.bet).filter { $0.bettor == key.publicKey }
            let included = entry.state?.bets[key.publicKey]?.sequence ?? 0
            let sequence = max(included, pending.map(\.sequence).max() ?? 0) + 1
            let bet: PoTCore.MarketBet
            do { bet = try PoTCore.MarketBet(bettor: key.publicKey, market: entry.id, sequence: sequence, probsPpm: values) } catch {
                throw CLIError("\(error)")
            }
            let signed = SignedMarketBet.sign(bet, with: key, chain: store.chainId)
            try store.addBet(signed)
            let id = signed.id(chain: store.chainId)
            if json {
                struct Out: Encodable { let id: String; let market: String; let bettor: String; let sequence: UInt64; let probs_ppm: [UInt64] }
                print(try Format.json(Out(id: id.hex, market: entry.id.hex, bettor: key.publicKey.hex, sequence: sequence, probs_ppm: values)))
            } else {
                let shown = zip(declaration.outcomes, values).map { "\($0)=\(Format.probability($1))" }
                print("bet by \(bettor) on market \(entry.id.short) (sequence \(sequence)): \(shown.joined(separator: " "))")
                print(id.hex)
            }
        }
    }
}
