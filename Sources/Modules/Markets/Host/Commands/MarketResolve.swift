import ArgumentParser
import PoTCLI
import PoTCore
import PoTMarkets
import PoTStore

struct MarketResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Name the outcome of a closed market; only its resolver may.")
    @Option(help: "Market id or a unique prefix.") var market: String
    @Option(help: "The outcome that happened, by name.") var outcome: String
    @Option(name: .customLong("as"), help: "Label of the resolver's key.") var resolver: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(resolver)
        try store.withWriteLock {
            let state = try store.currentState()
            let entry = try store.findMarket(market, in: state)
            let declaration = entry.declaration
            guard let index = declaration.outcomes.firstIndex(of: outcome) else {
                throw CLIError("market \(entry.id.short) has no outcome '\(outcome)'; its outcomes are \(declaration.outcomes.joined(separator: ", "))")
            }
            let resolution = MarketResolution(resolver: key.publicKey, market: entry.id, outcome: UInt64(index))
            if let refusal = MarketAdmission.resolution(resolution, on: state, named: store.keyNamer()) {
                throw CLIError(refusal.detail)
            }
            let signed = SignedMarketResolution.sign(resolution, with: key, chain: store.chainId)
            var problems: [String] = []
            if let other = try store.pendingResolutions(problems: &problems).first(where: {
                $0.signed.resolution.market == entry.id && $0.signed.resolution.outcome != UInt64(index)
            }) {
                throw CLIError("a resolution of market \(entry.id.short) with outcome \(declaration.outcomes[Int(other.signed.resolution.outcome)]) is already waiting for a block")
            }
            try store.addModuleObject(signed, kind: MarketsModule.resolutionKind)
            let id = signed.id(chain: store.chainId)
            if json {
                struct Out: Encodable { let id: String; let market: String; let outcome: String; let outcome_index: Int }
                print(try Format.json(Out(id: id.hex, market: entry.id.hex, outcome: outcome, outcome_index: index)))
            } else {
                print("resolution of market \(entry.id.short) by \(resolver): \(outcome); the next block settles it")
                print(id.hex)
            }
        }
    }
}
