import Foundation
import ArgumentParser
import PoTCore
import PoTStore

struct Vote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote",
        abstract: "Sign a probability distribution over the candidates at a height.",
        discussion: "Give one probability per candidate, then one for none; they must sum to 1.")
    @Option(name: .customLong("as"), help: "Label of the voter's key.") var voter: String
    @Option(help: "Height of the candidates.") var height: UInt64
    @Option(help: "Candidate block ids or unique prefixes, comma-separated.") var candidates: String
    @Option(help: "Probabilities, comma-separated: one per candidate, then none (decimals, or ppm with --ppm).") var probs: String
    @Flag(help: "Read --probs as whole parts per million.") var ppm = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(voter)
        let values = try Probabilities.parse(probs, asPPM: ppm)
        let prefixes = candidates.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        let (signed, _) = try store.castVote(as: key, label: voter, height: height, candidates: prefixes, probsPpm: values)
        let vote = signed.vote
        let id = signed.id(chain: store.chainId)
        if json {
            struct Out: Encodable { let id: String; let voter: String; let height: UInt64; let candidates: [String]; let probs_ppm: [UInt64] }
            print(try Format.json(Out(id: id.hex, voter: key.publicKey.hex, height: height, candidates: vote.candidates.map(\.hex), probs_ppm: values)))
        } else {
            let shown = zip(vote.candidates, values).map { "\($0.short)=\(Figures.probability($1))" } + ["none=\(Figures.probability(values.last!))"]
            print("vote by \(voter) at height \(height): \(shown.joined(separator: " "))")
            print(id.hex)
        }
    }
}
