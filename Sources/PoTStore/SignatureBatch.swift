import Dispatch
import Synchronization
import Foundation
import PoTCore

/// One signed object of a batch, of any kind.
public struct SignedItem: Sendable {
    fileprivate let signature: [UInt8]
    fileprivate let body: any SignableBody
    fileprivate let verify: @Sendable (Hash256) -> Bool

    public init<Body: SignableBody>(_ signed: Signed<Body>) {
        signature = signed.signature
        body = signed.body
        verify = { signed.hasValidSignature(chain: $0) }
    }

    /// An object of any kind, a module's included.
    public init(_ object: any SignedObject) {
        signature = object.signatureBytes
        body = object.anyBody
        verify = { object.hasValidSignature(chain: $0) }
    }
}

/// The next unclaimed index of a batch, shared by its lanes.
private final class LaneCounter: Sendable {
    let value = Atomic<Int>(0)
}

/// Verifies the signatures of many objects on every core at once. It remembers each validly
/// signed body under its signature, so that checking an object afterwards only compares the
/// body it is given with the one that was verified (no hashing, no curve arithmetic).
public struct SignatureBatch: SignatureChecker {
    private struct Signature: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            // Signatures are uniformly random; eight of their bytes are plenty for a hash table.
            var word: UInt64 = 0
            for i in 0..<8 { word = word << 8 | UInt64(bytes[i]) }
            hasher.combine(word)
        }
    }

    private let valid: [Signature: any SignableBody]
    private let chain: Hash256

    /// Every signature of the blocks: headers, transfers, votes, evidence and market objects.
    init(blocks: [StoredBlock], chain: Hash256) {
        var items: [SignedItem] = []
        for block in blocks {
            items.append(SignedItem(block.signed))
            items += block.payload.transfers.map(SignedItem.init)
            items += block.payload.votes.map(SignedItem.init)
            for evidence in block.payload.evidence { items += [SignedItem(evidence.first), SignedItem(evidence.second)] }
            items += block.payload.sections.signedObjects.map { SignedItem($0) }
        }
        self.init(items: items, chain: chain)
    }

    public init(items: [SignedItem], chain: Hash256) {
        // A lane per core, each taking the next few signatures whenever it is free, so a lane
        // that starts late or is preempted (the other core also carries I/O) holds nothing up.
        // The extra lanes are plain threads: with libdispatch's pool, the daemon's thread did
        // about three quarters of a batch's checks itself (measured); with threads, under two thirds.
        let chunk = 4
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / (4 * chunk)))
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: items.count)
        results.initialize(repeating: false)
        defer { results.deinitialize().deallocate() }
        nonisolated(unsafe) let output = results
        let next = LaneCounter()
        let lane: @Sendable () -> Void = {
            while true {
                let start = next.value.add(chunk, ordering: .relaxed).oldValue
                guard start < items.count else { return }
                for i in start..<min(start + chunk, items.count) {
                    output[i] = items[i].signature.count == 64 && items[i].verify(chain)
                }
            }
        }
        let finished = DispatchSemaphore(value: 0)
        for _ in 1..<lanes {
            Thread.detachNewThread {
                lane()
                finished.signal()
            }
        }
        lane()
        for _ in 1..<lanes { finished.wait() }
        var valid: [Signature: any SignableBody] = [:]
        valid.reserveCapacity(items.count)
        for (item, ok) in zip(items, results) where ok { valid[Signature(bytes: item.signature)] = item.body }
        self.valid = valid
        self.chain = chain
    }

    /// Whether this batch verified exactly this object for `chain`.
    public func verified<Body: SignableBody>(_ signed: Signed<Body>, chain: Hash256) -> Bool {
        chain == self.chain && signed.signature.count == 64
            && (valid[Signature(bytes: signed.signature)] as? Body).map { $0 == signed.body } == true
    }

    /// Whether this batch verified exactly this object, of any kind, for `chain`.
    public func verified(_ object: any SignedObject, chain: Hash256) -> Bool {
        guard chain == self.chain, object.signatureBytes.count == 64,
              let body = valid[Signature(bytes: object.signatureBytes)] else { return false }
        return isSameBody(body, object.anyBody)
    }

    public func isValid<Body: SignableBody>(_ signed: Signed<Body>, chain: Hash256) -> Bool {
        verified(signed, chain: chain) || signed.hasValidSignature(chain: chain)
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

private func isSameBody<A: SignableBody>(_ a: A, _ b: any SignableBody) -> Bool { (b as? A) == a }
