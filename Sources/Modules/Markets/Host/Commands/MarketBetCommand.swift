import ArgumentParser
import PoTCLI
import PoTCore
import PoTMarkets
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
        let (signed, listing) = try store.placeBet(as: key, label: bettor, market: market, probsPpm: values)
        let id = signed.id(chain: store.chainId)
        if json {
            struct Out: Encodable { let id: String; let market: String; let bettor: String; let sequence: UInt64; let probs_ppm: [UInt64] }
            print(try Format.json(Out(id: id.hex, market: listing.id.hex, bettor: key.publicKey.hex, sequence: signed.bet.sequence, probs_ppm: values)))
        } else {
            let shown = zip(listing.declaration.outcomes, values).map { "\($0)=\(Figures.probability($1))" }
            print("bet by \(bettor) on market \(listing.id.short) (sequence \(signed.bet.sequence)): \(shown.joined(separator: " "))")
            print(id.hex)
        }
    }
}
