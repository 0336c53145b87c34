import Foundation
import GitKit
import PoTCore

/// The outcome of `pot verify`.
public struct VerificationReport: Sendable {
    public var blocksOnMain = 0
    public var blocksStored = 0
    public var signaturesChecked = 0
    public var pendingVotes = 0
    public var pendingTransfers = 0
    public var problems: [String] = []
    /// Labels claimed by several keys: shown, not failures (each claim is validly signed).
    public var nameConflicts: [String] = []
    public var tipHeight: UInt64 = 0
    /// The main block whose replay failed, when one did.
    public var stoppedAt: (height: UInt64, id: Hash256)?
    public var ok: Bool { problems.isEmpty }
}

extension ChainStore {
    /// Replays the whole chain from genesis, rebuilding every block commit, checking every
    /// signature and every stored object, and names whatever does not check out.
    public func verify() -> VerificationReport {
        var report = VerificationReport()
        var state = genesisState
        do {
            let walk = try mainLinks(from: try mainCommit())
            guard walk.reachedGenesis else { throw StoreError("main does not lead back to the genesis commit") }
            do {
                let result = try replay(walk.links, from: genesisState, baseCommit: genesisCommit, collect: true, strictCommits: true) { height in
                    report.blocksOnMain += 1
                    report.tipHeight = height
                }
                state = result.tip
                report.signaturesChecked += result.applied.reduce(0) { n, a in
                    n + 1 + a.block.payload.transfers.count + a.block.payload.votes.count + 2 * a.block.payload.evidence.count
                }
            } catch {
                if report.blocksOnMain < walk.links.count {
                    let failed = walk.links[report.blocksOnMain]
                    report.stoppedAt = (failed.height, failed.id)
                }
                throw error
            }
            if let cached = readCache(), cached.tipCommit == (try? mainCommit()), cached.tip != state {
                report.problems.append("the state cache disagreed with the chain; it was removed and will be rebuilt from the chain")
                try? FileManager.removeIfPresent(cachePath)
            }
        } catch {
            let at = report.stoppedAt.map { " (replay stopped at height \($0.height), block \($0.id.hex))" } ?? ""
            report.problems.append("main\(at): \(error)")
        }
        do {
            for ref in try git.references(matching: "refs/pot/blocks/**") {
                let parts = ref.name.split(separator: "/")
                guard parts.count == 5, let height = UInt64(parts[3]), let id = Hash256(hex: String(parts[4])) else {
                    report.problems.append("\(ref.name): not a block ref name")
                    continue
                }
                do {
                    let block = try loadRecord(ref.oid, height: height, id: id)
                    guard block.payloadMatchesRoot(chain: chainId) else {
                        report.problems.append("\(ref.name): \(block.payloadMismatch)")
                        continue
                    }
                    guard block.signed.hasValidSignature(chain: chainId) else {
                        report.problems.append("\(ref.name): the proposer's signature is invalid")
                        continue
                    }
                    report.blocksStored += 1
                    report.signaturesChecked += 1
                } catch {
                    report.problems.append("\(ref.name): \(error)")
                }
            }
            var problems: [String] = []
            let votes = try allPendingVotes(problems: &problems)
            let transfers = try pendingTransfers(problems: &problems)
            report.signaturesChecked += votes.count + transfers.count
            let pending = ChainStore.unapplied(votes: votes, transfers: transfers, at: state)
            report.pendingVotes = pending.votes.count
            report.pendingTransfers = pending.transfers.count
            report.problems += problems
            let names = readNameClaims()
            report.signaturesChecked += names.claims.count
            report.problems += names.problems
            report.nameConflicts = nameBook(claims: names.claims).conflicts.map(\.description)
        } catch {
            report.problems.append("\(error)")
        }
        return report
    }
}


extension FileManager {
    static func removeIfPresent(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    }
}
