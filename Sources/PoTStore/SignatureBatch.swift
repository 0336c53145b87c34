import Dispatch
import Foundation
import PoTCore

/// Verifies the signatures of many blocks on every core at once, so that applying the blocks
/// one by one afterwards only looks the answers up.
struct SignatureBatch {
    private struct Key: Hashable {
        let digest: Hash256
        let signature: [UInt8]
    }

    private var valid: Set<Key> = []

    init(blocks: [StoredBlock], chain: Hash256) {
        var work: [(PublicKey, [UInt8], Hash256)] = []
        for block in blocks {
            work.append((block.header.proposer, block.signed.signature, block.id))
            for tx in block.payload.transfers { work.append((tx.transfer.from, tx.signature, tx.id(chain: chain))) }
            for vote in block.payload.votes { work.append((vote.vote.voter, vote.signature, vote.id(chain: chain))) }
            for evidence in block.payload.evidence {
                for vote in [evidence.first, evidence.second] {
                    work.append((vote.vote.voter, vote.signature, vote.id(chain: chain)))
                }
            }
        }
        let results = SignatureBatch.verifyInParallel(work)
        for (i, ok) in results.enumerated() where ok {
            valid.insert(Key(digest: work[i].2, signature: work[i].1))
        }
    }

    static func verifyInParallel(_ work: [(PublicKey, [UInt8], Hash256)]) -> [Bool] {
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, work.count / 32 + 1))
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: work.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            var i = lane
            while i < work.count {
                let (key, signature, digest) = work[i]
                output[i] = key.verifies(signature, over: digest)
                i += lanes
            }
        }
        return Array(results)
    }

    /// A checker that trusts this batch's answers and verifies anything else directly.
    func check() -> SignatureCheck {
        let valid = self.valid
        return { key, signature, digest in
            valid.contains(Key(digest: digest, signature: signature)) || key.verifies(signature, over: digest)
        }
    }
}
