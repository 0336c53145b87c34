import ArgumentParser
import PoTCore
import PoTStore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "List every stored block with its height, id, proposer, and whether main holds it.")
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let (commit, state) = try store.tipCommitAndState()
        let onMain = Set(try store.mainLinks(from: commit).links.map(\.id))
        let names = try store.names()
        struct Row: Encodable { let height: UInt64; let id: String; let proposer: String; let proposer_label: String?; let timestamp: UInt64; let status: String }
        var rows: [Row] = []
        var problems: [String] = []
        var height: UInt64 = 1
        while true {
            let blocks = try store.blocks(at: height, problems: &problems)
            if blocks.isEmpty && height > state.height { break }
            for b in blocks.sorted(by: { onMain.contains($0.id) && !onMain.contains($1.id) }) {
                let status = onMain.contains(b.id) ? "canonical" : (height <= state.finalizedHeight ? "orphaned" : "candidate")
                rows.append(Row(height: height, id: b.id.hex, proposer: b.header.proposer.hex, proposer_label: names[b.header.proposer],
                                timestamp: b.header.timestamp, status: status))
            }
            height += 1
        }
        for problem in problems { warn(problem) }
        if json { print(try Format.json(rows)); return }
        print("h=0 \(store.chainId.hex) - genesis")
        for row in rows {
            print("h=\(row.height) \(row.id) \(row.proposer_label ?? String(row.proposer.prefix(8))) \(row.status)")
        }
    }
}
