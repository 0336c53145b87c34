import ArgumentParser
import GitKit
import PoTCore
import PoTModules
import PoTStore

struct Propose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Build a candidate block at the next height; prints its block id last.",
        discussion: "The block carries pending transfers, votes and market objects. --canonical moves main to it when no other candidate competes.")
    @Option(name: .customLong("as"), help: "Label of the proposer's key.") var proposer: String
    @Option(help: ArgumentHelp("A commit to merge (any revision git understands). Repeatable.", valueName: "oid")) var merge: [String] = []
    @Flag(help: "Make the block canonical at once (refused when another candidate exists at its height).") var canonical = false
    @Option(help: "Block time in Unix seconds (default: now, and always after the parent's).") var timestamp: UInt64?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(proposer)
        let merges = try merge.map { spec -> GitOID in
            do { return try store.git.revParse(spec) } catch { throw CLIError("'\(spec)' does not name a commit in this repository") }
        }
        try store.withWriteLock {
            let before = try store.mainCommit()
            let result = try store.propose(as: key, merges: merges, timestamp: timestamp, now: ChainContext.now, canonical: canonical)
            if result.promoted, let warning = store.syncWorkTree(from: before, to: result.block.commit) { warn(warning) }
            let block = result.block
            if json {
                struct Out: Encodable {
                    let id: String; let height: UInt64; let commit: String; let canonical: Bool
                    let merged: [String]; let transfers: Int; let votes: Int; let evidence: Int
                }
                print(try Format.json(Out(id: block.id.hex, height: block.height, commit: block.commit.hex, canonical: result.promoted,
                                          merged: merges.map(\.hex), transfers: block.payload.transfers.count,
                                          votes: block.payload.votes.count, evidence: block.payload.evidence.count)))
                return
            }
            let role = result.promoted ? "canonical block" : "candidate block"
            let moduleNotes = ChainModules.standard.all.compactMap { module -> String? in
                let count = block.payload.sections.objectCount(payloadKey: module.payloadKey)
                return count > 0 ? ", \(module.name): \(count) object(s)" : nil
            }.joined()
            print("\(role) h=\(block.height) by \(proposer): merges \(merges.count) commit(s), carries \(block.payload.transfers.count) transfer(s), \(block.payload.votes.count) vote(s)\(moduleNotes)")
            if result.promoted { print("main -> \(block.commit.hex)") }
            print(block.id.hex)
        }
    }
}
