import ArgumentParser
import PoTCore
import PoTStore

struct Advance: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "advance", abstract: "Run fork choice: at each open height the heaviest candidate becomes canonical; main moves there.")
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        try store.withWriteLock {
            let result = try store.advance()
            if result.moved, let warning = store.syncWorkTree(from: result.previousMain, to: result.newMain) { warn(warning) }
            do { _ = try store.prune() } catch { warn("pending objects were not pruned: \(error)") }
            let names = try store.names()
            if json {
                print(try Format.json(AdvanceJSON(result, names: names)))
                return
            }
            for problem in result.problems { warn(problem) }
            for decision in result.decisions {
                print("height \(decision.tally.height)")
                for id in decision.tally.candidates.sorted(by: { decision.tally.weights[$0]! > decision.tally.weights[$1]! }) {
                    let block = decision.candidates.first { $0.id == id }!
                    print("  W(\(id.short)) = \(Figures.weight(decision.tally.weights[id]!))  proposed by \(context.name(block.header.proposer, names))")
                }
                for (id, reason) in decision.rejected { print("  rejected \(id.short): \(reason)") }
                print("  canonical = \(decision.chosen.id.short)")
            }
            let tip = result.state
            let movement = result.moved ? (result.reorganized ? "reorganized to" : "advanced to") : "stays at"
            print("main \(movement) height \(tip.height) (block \(tip.tip.short)); finalized height \(tip.finalizedHeight)")
        }
    }
}

struct AdvanceJSON: Encodable {
    struct Candidate: Encodable { let id: String; let proposer: String; let weight_mt_ppm: String }
    struct Height: Encodable { let height: UInt64; let candidates: [Candidate]; let canonical: String; let equivocators: [String]; let total_trust_mt: String }
    let heights: [Height]
    let moved: Bool
    let reorganized: Bool
    let tip_height: UInt64
    let tip: String
    let finalized_height: UInt64
    let problems: [String]

    init(_ r: ForkChoiceResult, names: [PublicKey: String]) {
        heights = r.decisions.map { d in
            Height(height: d.tally.height, candidates: d.tally.candidates.map { id in
                let block = d.candidates.first { $0.id == id }!
                return Candidate(id: id.hex, proposer: block.header.proposer.hex, weight_mt_ppm: String(d.tally.weights[id]!))
            }, canonical: d.chosen.id.hex, equivocators: d.tally.equivocators.map(\.hex), total_trust_mt: String(d.tally.totalTrust))
        }
        moved = r.moved
        reorganized = r.reorganized
        tip_height = r.state.height
        tip = r.state.tip.hex
        finalized_height = r.state.finalizedHeight
        problems = r.problems
    }
}
