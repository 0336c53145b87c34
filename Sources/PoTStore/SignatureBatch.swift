import Dispatch
import Foundation
import PoTCore

/// Verifies the signatures of many blocks on every core at once. It remembers each validly
/// signed body under its signature, so that applying the blocks afterwards only compares the
/// body it is given with the one that was verified (no hashing, no curve arithmetic).
struct SignatureBatch: SignatureChecker {
    private struct Signature: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            // Signatures are uniformly random; eight of their bytes are plenty for a hash table.
            var word: UInt64 = 0
            for i in 0..<8 { word = word << 8 | UInt64(bytes[i]) }
            hasher.combine(word)
        }
    }

    private enum Item: Sendable {
        case header(SignedHeader)
        case transfer(SignedTransfer)
        case vote(SignedVote)

        func verified(chain: Hash256) -> (Signature, any SignableBody)? {
            switch self {
            case .header(let s): return s.hasValidSignature(chain: chain) ? (Signature(bytes: s.signature), s.body) : nil
            case .transfer(let s): return s.hasValidSignature(chain: chain) ? (Signature(bytes: s.signature), s.body) : nil
            case .vote(let s): return s.hasValidSignature(chain: chain) ? (Signature(bytes: s.signature), s.body) : nil
            }
        }
    }

    private let valid: [Signature: any SignableBody]
    private let chain: Hash256

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
        let results = UnsafeMutableBufferPointer<(Signature, any SignableBody)?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize().deallocate() }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            var i = lane
            while i < items.count {
                output[i] = items[i].verified(chain: chain)
                i += lanes
            }
        }
        var valid: [Signature: any SignableBody] = [:]
        valid.reserveCapacity(items.count)
        for case let (signature, body)? in results { valid[signature] = body }
        self.valid = valid
        self.chain = chain
    }

    func isValid<Body: SignableBody>(_ signed: Signed<Body>, chain: Hash256) -> Bool {
        if chain == self.chain, signed.signature.count == 64,
           let body = valid[Signature(bytes: signed.signature)] as? Body, body == signed.body {
            return true
        }
        return signed.hasValidSignature(chain: chain)
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
