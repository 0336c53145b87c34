import ArgumentParser
import PoTCLI
import PoTCore
import PoTMarkets
import PoTStore

struct MarketDeclare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "declare", abstract: "Declare a market; the next block carries it.")
    @Option(help: "The question, up to \(MarketLimits.maxQuestionBytes) bytes.") var question: String
    @Option(help: "\(MarketLimits.minOutcomes) to \(MarketLimits.maxOutcomes) outcome names, comma-separated.") var outcomes: String
    @Option(help: "Who resolves the market: a label or a 64-digit public key.") var resolver: String
    @Option(help: "The last height whose block may carry bets.") var closeHeight: UInt64
    @Option(help: "The last height whose block may carry the resolution (default: close height + 100); after it the market is voided.")
    var resolveBy: UInt64?
    @Option(name: .customLong("as"), help: "Label of the declaring member's key.") var creator: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(creator)
        let resolverKey = try store.resolveAccount(resolver)
        let names = outcomes.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        let declaration: MarketDeclaration
        do {
            declaration = try MarketDeclaration(
                creator: key.publicKey, question: question, outcomes: names, resolver: resolverKey,
                closeHeight: closeHeight, resolveBy: resolveBy ?? closeHeight + 100)
        } catch { throw CLIError("\(error)") }
        try store.withWriteLock {
            let state = try store.currentState()
            let signed = SignedMarketDeclaration.sign(declaration, with: key, chain: store.chainId)
            let id = signed.id(chain: store.chainId)
            if let refusal = MarketAdmission.declaration(signed, on: state, named: store.keyNamer()) {
                throw CLIError(refusal.detail)
            }
            try store.addModuleObject(signed, kind: MarketsModule.declarationKind)
            if json {
                print(try Format.json(MarketReport(id: id, declaration: declaration, market: nil, chain: state,
                                                   names: (try? store.names()) ?? [:])))
            } else {
                print("market \(id.short) declared by \(creator): \"\(question)\" (\(names.joined(separator: ", "))); resolver \(resolver); bets until height \(closeHeight), resolution by height \(declaration.resolveBy); pending until a block carries it")
                print(id.hex)
            }
        }
    }
}
