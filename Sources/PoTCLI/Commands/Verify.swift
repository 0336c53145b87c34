import ArgumentParser
import PoTStore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Replay the whole chain from genesis, check every signature, commit and stored object, and name anything tampered.")
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let report = context.store.verify()
        if json {
            struct Stop: Encodable { let height: UInt64; let block: String }
            struct Out: Encodable {
                let ok: Bool; let tip_height: UInt64; let blocks_on_main: Int; let stopped_at: Stop?; let blocks_stored: Int; let signatures_checked: Int
                let pending_votes: Int; let pending_transfers: Int; let problems: [String]; let name_conflicts: [String]
            }
            print(try Format.json(Out(ok: report.ok, tip_height: report.tipHeight, blocks_on_main: report.blocksOnMain,
                                      stopped_at: report.stoppedAt.map { Stop(height: $0.height, block: $0.id.hex) }, blocks_stored: report.blocksStored,
                                      signatures_checked: report.signaturesChecked, pending_votes: report.pendingVotes,
                                      pending_transfers: report.pendingTransfers, problems: report.problems, name_conflicts: report.nameConflicts)))
        } else {
            for problem in report.problems { print("FAIL \(problem)") }
            for conflict in report.nameConflicts { print("CONFLICT \(conflict)") }
            let stop = report.stoppedAt.map { ", stopped at block \($0.id.hex) (height \($0.height))" } ?? ""
            print("\(report.ok ? "ok" : "FAILED"): \(report.blocksOnMain) block(s) on main replayed from genesis to height \(report.tipHeight)\(stop), \(report.blocksStored) block(s) stored, \(report.pendingVotes) pending vote(s), \(report.pendingTransfers) pending transfer(s), \(report.signaturesChecked) signature(s) checked")
        }
        if !report.ok { throw ExitCode(1) }
    }
}
