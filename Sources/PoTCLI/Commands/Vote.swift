import Foundation
import ArgumentParser
import PoTCore
import PoTStore

struct Vote: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        try store.withWriteLock {
            let state = try store.currentState()
            guard state.isMember(key.publicKey) else {
                throw CLIError("\(voter) is not a member of this chain; only members may vote")
            }
            guard height > state.finalizedHeight, height <= state.height + 1, height >= 1 else {
                throw CLIError("height \(height) is not open for voting (open heights are \(state.finalizedHeight + 1)...\(state.height + 1))")
            }
            let prefixes = candidates.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: .whitespaces)
            }
            let ids = try prefixes.map { try store.resolveBlock(prefix: $0, heights: [height]).id }
            guard Set(ids).count == ids.count else { throw CLIError("the same candidate is listed twice") }
            guard values.count == ids.count + 1 else {
                throw CLIError("\(ids.count) candidate(s) need \(ids.count + 1) probabilities (the last is for none), got \(values.count)")
            }
            let vote: PoTCore.Vote
            do { vote = try PoTCore.Vote(voter: key.publicKey, height: height, candidates: ids, probsPpm: values) } catch {
                throw CLIError("\(error)")
            }
            var problems: [String] = []
            let id = vote.id(chain: store.chainId)
            if let earlier = try store.pendingVotes(height: height, problems: &problems)
                .first(where: { $0.signed.vote.voter == key.publicKey && $0.signed.id(chain: store.chainId) != id }) {
                throw CLIError("\(voter) already voted at height \(height) (vote \(earlier.signed.id(chain: store.chainId).short)); a second, different vote is equivocation and is penalized")
            }
            if let included = state.open[height]?.votes[key.publicKey], included != vote {
                throw CLIError("\(voter)'s vote for height \(height) is already in the chain; a different one would be equivocation")
            }
            let signed = SignedVote.sign(vote, with: key, chain: store.chainId)
            try store.addVote(signed)
            if json {
                struct Out: Encodable { let id: String; let voter: String; let height: UInt64; let candidates: [String]; let probs_ppm: [UInt64] }
                print(try Format.json(Out(id: id.hex, voter: key.publicKey.hex, height: height, candidates: ids.map(\.hex), probs_ppm: values)))
            } else {
                let shown = zip(ids, values).map { "\($0.short)=\(Format.probability($1))" } + ["none=\(Format.probability(values.last!))"]
                print("vote by \(voter) at height \(height): \(shown.joined(separator: " "))")
                print(id.hex)
            }
        }
    }
}
