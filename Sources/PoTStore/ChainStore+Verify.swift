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
    public var tipHeight: UInt64 = 0
    public var ok: Bool { problems.isEmpty }
}

extension ChainStore {
    /// Replays the whole chain from genesis, rebuilding every block commit, checking every
    /// signature and every stored object, and names whatever does not check out.
    public func verify() -> VerificationReport {
        var report = VerificationReport()
        do {
            let (state, applied) = try replayFromGenesis(strictCommits: true)
            report.blocksOnMain = applied.count
            report.tipHeight = state.height
            report.signaturesChecked += applied.reduce(0) { n, a in
                n + 1 + a.block.payload.transfers.count + a.block.payload.votes.count + 2 * a.block.payload.evidence.count
            }
            if let cached = readCache(), cached.tipCommit == (try? mainCommit()), cached.tip != state {
                report.problems.append("the state cache disagreed with the chain; it was removed and will be rebuilt from the chain")
                try? FileManager.removeIfPresent(cachePath)
            }
        } catch {
            report.problems.append("main: \(error)")
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
            report.pendingVotes = try allPendingVotes(problems: &problems).count
            report.pendingTransfers = try pendingTransfers(problems: &problems).count
            report.signaturesChecked += report.pendingVotes + report.pendingTransfers
            report.problems += problems
            for ref in try git.references(matching: ChainLayout.allLabelsGlob) {
                do {
                    guard PublicKey(bytes: try git.readBlob(ref.oid)) != nil else {
                        report.problems.append("\(ref.name): blob \(ref.oid.hex) is not a 32-byte public key")
                        continue
                    }
                } catch { report.problems.append("\(ref.name): \(error)") }
            }
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
