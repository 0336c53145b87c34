import ArgumentParser
import PoTCore
import PoTStore

struct Finalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalize",
        abstract: "Report every finalized height: the winner and each voter's score; prune pending objects that no longer matter.",
        discussion: "A height becomes final when the block K heights above it is applied; this verb reports it.")
    @Flag(help: "Show each voter's q, margin in nats and trust change.") var verbose = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        try store.withWriteLock {
            let (state, applied) = try store.replayFromGenesis()
            let reports = applied.compactMap(\.effects.finalized)
            let pruned = try store.prune()
            let names = try store.names()
            if json {
                print(try Format.json(FinalizeJSON(reports: reports, state: state, pruned: pruned)))
                return
            }
            if reports.isEmpty {
                print("no height is final yet (tip at height \(state.height), K = \(state.confirmations))")
            }
            for report in reports {
                let total = report.scores.reduce(Int64(0)) { $0 + $1.delta }
                let pm = report.totalTrust > 0 ? Figures.probability(UInt64(report.winnerWeight / report.totalTrust)) : "-"
                print("height \(report.height) final: winner \(report.winner.short), p_m(winner) = \(pm), I_h = \(TrustScoring.formatNats(report.information, signed: false)) nats, \(report.scores.count) voter(s), sum of changes \(Figures.signedGrouped(total)) mT")
                guard verbose else { continue }
                for score in report.scores.sorted(by: { context.name($0.voter, names) < context.name($1.voter, names) }) {
                    let name = context.name(score.voter, names)
                    print("  voter \(name) q=\(Figures.probability(score.winnerPpm)) margin=\(TrustScoring.formatNats(score.margin)) Δ=\(Figures.signed(score.delta)) mT  balance \(Figures.grouped(score.balanceAfter)) mT")
                }
            }
            if pruned > 0 { print("pruned \(pruned) pending object(s) of finalized heights") }
        }
    }
}

struct FinalizeJSON: Encodable {
    struct Score: Encodable { let voter: String; let trust_mt: UInt64; let q_ppm: UInt64; let margin_nats: String; let delta_mt: Int64; let balance_after_mt: UInt64 }
    struct Height: Encodable { let height: UInt64; let winner: String; let total_trust_mt: String; let winner_weight_mt_ppm: String; let information_nats: String; let scores: [Score] }
    let finalized_height: UInt64
    let heights: [Height]
    let pruned: Int

    init(reports: [FinalizedHeight], state: ChainState, pruned: Int) {
        finalized_height = state.finalizedHeight
        heights = reports.map { r in
            Height(height: r.height, winner: r.winner.hex, total_trust_mt: String(r.totalTrust), winner_weight_mt_ppm: String(r.winnerWeight),
                   information_nats: TrustScoring.formatNats(r.information, digits: 6, signed: false), scores: r.scores.map {
                       Score(voter: $0.voter.hex, trust_mt: $0.trust, q_ppm: $0.winnerPpm,
                             margin_nats: TrustScoring.formatNats($0.margin, digits: 6), delta_mt: $0.delta, balance_after_mt: $0.balanceAfter)
                   })
        }
        self.pruned = pruned
    }
}
