import Foundation
import ArgumentParser
import PoTCore
import PoTModules
import PoTStore

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the chain: tip, finality, accounts, and pending candidates, votes and transfers.")
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let book = try context.store.nameBook()
        let status = try StatusReport.build(context.store, names: book.names)
        if json { print(try Format.json(status)); return }
        print("chain      \(status.chain_id)")
        print("K          \(status.k)   alpha \(status.alpha) mT per nat\(status.scoring.map { "   scoring \($0)" } ?? "")")
        print("tip        height \(status.tip.height)  block \(status.tip.id)")
        print("finalized  height \(status.finalized_height)")
        print("accounts")
        for a in status.accounts.sorted(by: { ($0.label ?? "~" + $0.public_key) < ($1.label ?? "~" + $1.public_key) }) {
            let label = (a.label ?? "-").padding(toLength: 10, withPad: " ", startingAt: 0)
            print("  \(label) \(a.public_key)  \(Figures.grouped(a.balance_mt).leftPadded(12)) mT  nonce \(a.nonce)\(a.member ? "  member" : "")")
        }
        print("pending candidates: \(status.pending.candidates.count)")
        for c in status.pending.candidates { print("  h=\(c.height) \(c.id) by \(c.proposer_label ?? c.proposer)") }
        print("pending votes: \(status.pending.votes.count)")
        for v in status.pending.votes {
            print("  h=\(v.height) by \(v.voter_label ?? v.voter): " + v.probs_ppm.map(Figures.probability).joined(separator: "/"))
        }
        print("pending transfers: \(status.pending.transfers.count)")
        for t in status.pending.transfers { print("  \(t.from_label ?? t.from) -> \(t.to_label ?? t.to) \(Figures.grouped(t.amount_mt)) mT nonce \(t.nonce)") }
        if let modules = status.pending.modules {
            print("pending module objects: \(modules.count)")
            for row in modules { print("  \(row.module) \(row.kind) \(row.id)") }
        }
        for conflict in book.conflicts { warn("name conflict: \(conflict.description)") }
    }
}

/// The `pot status --json` document. A clone of the chain prints the same one.
struct StatusReport: Encodable {
    struct Tip: Encodable { let height: UInt64; let id: String; let commit: String; let timestamp: UInt64 }
    struct AccountRow: Encodable { let label: String?; let public_key: String; let balance_mt: UInt64; let nonce: UInt64; let member: Bool }
    struct CandidateRow: Encodable { let height: UInt64; let id: String; let parent: String; let proposer: String; let proposer_label: String? }
    struct VoteRow: Encodable { let height: UInt64; let id: String; let voter: String; let voter_label: String?; let candidates: [String]; let probs_ppm: [UInt64] }
    struct TransferRow: Encodable { let id: String; let from: String; let from_label: String?; let to: String; let to_label: String?; let amount_mt: UInt64; let nonce: UInt64; let memo: String }
    /// Stored objects of a module that may still enter a block, by kind (omitted when there are none).
    struct ModuleRow: Encodable { let module: String; let kind: String; let id: String }
    struct Pending: Encodable {
        let candidates: [CandidateRow]; let votes: [VoteRow]; let transfers: [TransferRow]; let modules: [ModuleRow]?
    }
    let chain_id: String
    let k: UInt64
    let alpha: UInt64
    /// Present only when the chain scores leave-one-out.
    let scoring: String?
    let tip: Tip
    let finalized_height: UInt64
    let accounts: [AccountRow]
    let pending: Pending

    static func build(_ store: ChainStore, names: [PublicKey: String]) throws -> StatusReport {
        let (commit, state) = try store.tipCommitAndState()
        var problems: [String] = []
        var candidates: [CandidateRow] = []
        var height = state.finalizedHeight + 1
        var onMain: Set<Hash256> = Set(state.open.values.map(\.block))
        onMain.insert(state.tip)
        while true {
            let ids = try store.blockIds(at: height)
            if ids.isEmpty && height > state.height { break }
            for id in ids where !onMain.contains(id) {
                do {
                    let b = try store.loadBlock(height: height, id: id)
                    candidates.append(CandidateRow(height: height, id: id.hex, parent: b.header.parent.hex,
                                                   proposer: b.header.proposer.hex, proposer_label: names[b.header.proposer]))
                } catch { problems.append("\(error)") }
            }
            height += 1
        }
        let pending = ChainStore.unapplied(votes: try store.allPendingVotes(problems: &problems),
                                           transfers: try store.pendingTransfers(problems: &problems), at: state)
        let votes = pending.votes.map { p in
            let v = p.signed.vote
            return VoteRow(height: v.height, id: p.signed.id(chain: store.chainId).hex, voter: v.voter.hex, voter_label: names[v.voter],
                           candidates: v.candidates.map(\.hex), probs_ppm: v.probsPpm)
        }
        let transfers = pending.transfers.map { p in
            let t = p.signed.transfer
            return TransferRow(id: p.signed.id(chain: store.chainId).hex, from: t.from.hex, from_label: names[t.from], to: t.to.hex,
                               to_label: names[t.to], amount_mt: t.amount, nonce: t.nonce, memo: t.memo)
        }
        let modules = try pendingModuleObjects(store, state: state, problems: &problems)
        for problem in problems { warn(problem) }
        return StatusReport(
            chain_id: store.chainId.hex, k: state.confirmations, alpha: state.params.alpha,
            scoring: state.params.scoring == .inclusive ? nil : state.params.scoring.rawValue,
            tip: Tip(height: state.height, id: state.tip.hex, commit: commit.hex, timestamp: state.tipTimestamp),
            finalized_height: state.finalizedHeight,
            accounts: state.accounts.keys.sorted().map { key in
                let a = state.accounts[key]!
                return AccountRow(label: names[key], public_key: key.hex, balance_mt: a.balance, nonce: a.nonce, member: a.member)
            },
            pending: Pending(candidates: candidates, votes: votes, transfers: transfers, modules: modules.isEmpty ? nil : modules))
    }

    /// The stored module objects that a block could still carry: those their module's
    /// admission check does not refuse as broken or stale for the next block.
    static func pendingModuleObjects(_ store: ChainStore, state: ChainState, problems: inout [String]) throws -> [ModuleRow] {
        var rows: [ModuleRow] = []
        for module in ChainModules.standard.all {
            var stored: [String: [Hash256: any SignedObject]] = [:]
            var pending: [PendingModuleObject] = []
            for kind in module.kinds {
                let objects = try store.pendingModuleObjects(kind, problems: &problems)
                pending += objects
                for object in objects { stored[kind.name, default: [:]][object.object.id(chain: store.chainId)] = object.object }
            }
            for object in pending {
                let refusal = module.admit(object.object, state, { kind, id in stored[kind.name]?[id] }, { $0.short })
                guard refusal == nil || refusal!.standing == .early || refusal!.standing == .notYet else { continue }
                rows.append(ModuleRow(module: module.name, kind: object.kind.shortName, id: object.object.id(chain: store.chainId).hex))
            }
        }
        return rows
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
