import Dispatch
import Foundation
import PoTCore

/// Verifies the signatures of many blocks on every core at once, so that applying the blocks
/// one by one afterwards only looks the answers up. Ids are computed inside the parallel lanes.
struct SignatureBatch: Sendable {
    private struct Key: Hashable {
        let digest: Hash256
        let signature: [UInt8]

        func hash(into hasher: inout Hasher) {
            // The digest is uniformly random; eight of its bytes are plenty for a hash table.
            let b = digest.bytes
            hasher.combine(UInt64(b[0]) | UInt64(b[1]) << 8 | UInt64(b[2]) << 16 | UInt64(b[3]) << 24
                | UInt64(b[4]) << 32 | UInt64(b[5]) << 40 | UInt64(b[6]) << 48 | UInt64(b[7]) << 56)
        }
    }

    private enum Item: Sendable {
        case header(SignedHeader)
        case transfer(SignedTransfer)
        case vote(SignedVote)

        func check(chain: Hash256) -> (Key, Bool) {
            switch self {
            case .header(let s): return verify(s, chain)
            case .transfer(let s): return verify(s, chain)
            case .vote(let s): return verify(s, chain)
            }
        }

        private func verify<B>(_ signed: Signed<B>, _ chain: Hash256) -> (Key, Bool) {
            let digest = signed.id(chain: chain)
            return (Key(digest: digest, signature: signed.signature), signed.body.signer.verifies(signed.signature, over: digest))
        }
    }

    private let valid: Set<Key>

    init(blocks: [StoredBlock], chain: Hash256) {
        var work: [Item] = []
        for block in blocks {
            work.append(.header(block.signed))
            work += block.payload.transfers.map(Item.transfer)
            work += block.payload.votes.map(Item.vote)
            for evidence in block.payload.evidence { work += [.vote(evidence.first), .vote(evidence.second)] }
        }
        let items = work
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / 32 + 1))
        let results = UnsafeMutableBufferPointer<(Key, Bool)?>.allocate(capacity: work.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            var i = lane
            while i < items.count {
                output[i] = items[i].check(chain: chain)
                i += lanes
            }
        }
        var valid = Set<Key>(minimumCapacity: work.count)
        for case let (key, ok)? in results where ok { valid.insert(key) }
        self.valid = valid
    }

    /// A checker that trusts this batch's answers and verifies anything else directly.
    func check() -> SignatureCheck {
        let valid = self.valid
        return { key, signature, digest in
            valid.contains(Key(digest: digest, signature: signature)) || key.verifies(signature, over: digest)
        }
    }

    /// Starts verifying in the background; `wait()` returns the finished batch.
    final class Pending: @unchecked Sendable {
        private var batch: SignatureBatch?
        private let done = DispatchSemaphore(value: 0)

        init(blocks: [StoredBlock], chain: Hash256) {
            DispatchQueue.global().async { [self] in
                batch = SignatureBatch(blocks: blocks, chain: chain)
                done.signal()
            }
        }

        func wait() -> SignatureBatch {
            done.wait()
            return batch!
        }
    }
}
