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

/// The signatures of a batch being checked by lanes, threads that each take the next few
/// unchecked items whenever they are free, so that a lane that starts late or is preempted (a
/// core may also carry I/O) holds nothing up.
private final class Lanes: @unchecked Sendable {
    static let chunk = 4
    let items: [SignedItem]
    let chain: Hash256
    let results: UnsafeMutableBufferPointer<Bool>
    private let next = Atomic<Int>(0)
    private let finished = DispatchSemaphore(value: 0)
    private var started = 0

    init(items: [SignedItem], chain: Hash256) {
        self.items = items
        self.chain = chain
        results = .allocate(capacity: items.count)
        results.initialize(repeating: false)
    }

    deinit { results.deinitialize().deallocate() }

    /// How many lanes to start besides `reserved` threads that will join: a lane per core, but
    /// none without four chunks of work. The lanes are plain threads: with libdispatch's pool,
    /// the daemon's thread did about three quarters of a batch's checks itself (measured); with
    /// threads, under two thirds.
    func lanesWorthStarting(besides reserved: Int) -> Int {
        max(0, min(ProcessInfo.processInfo.activeProcessorCount, items.count / (4 * Self.chunk)) - reserved)
    }

    /// Starts `count` lanes on threads of their own.
    func start(_ count: Int) {
        started = count
        for _ in 0..<count {
            Thread.detachNewThread { [self] in
                run()
                finished.signal()
            }
        }
    }

    /// Checks items on this thread until none is left unclaimed.
    func run() {
        while true {
            let start = next.add(Self.chunk, ordering: .relaxed).oldValue
            guard start < items.count else { return }
            for i in start..<min(start + Self.chunk, items.count) {
                results[i] = items[i].signature.count == 64 && items[i].verify(chain)
            }
        }
    }

    /// Joins the lanes on this thread, waits for the others and gives each validly signed body
    /// under its signature.
    func finish() -> [SignatureBatch.Signature: any SignableBody] {
        run()
        for _ in 0..<started { finished.wait() }
        var valid: [SignatureBatch.Signature: any SignableBody] = [:]
        valid.reserveCapacity(items.count)
        for (item, ok) in zip(items, results) where ok { valid[SignatureBatch.Signature(bytes: item.signature)] = item.body }
        return valid
    }
}

/// Verifies the signatures of many objects on every core at once. It remembers each validly
/// signed body under its signature, so that checking an object afterwards only compares the
/// body it is given with the one that was verified (no hashing, no curve arithmetic).
public struct SignatureBatch: SignatureChecker {
    fileprivate struct Signature: Hashable {
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
        self.init(items: Self.items(of: blocks), chain: chain)
    }

    static func items(of blocks: [StoredBlock]) -> [SignedItem] {
        var items: [SignedItem] = []
        for block in blocks {
            items.append(SignedItem(block.signed))
            items += block.payload.transfers.map(SignedItem.init)
            items += block.payload.votes.map(SignedItem.init)
            for evidence in block.payload.evidence { items += [SignedItem(evidence.first), SignedItem(evidence.second)] }
            items += block.payload.sections.signedObjects.map { SignedItem($0) }
        }
        return items
    }

    public init(items: [SignedItem], chain: Hash256) {
        let lanes = Lanes(items: items, chain: chain)
        lanes.start(lanes.lanesWorthStarting(besides: 1))
        self.init(valid: lanes.finish(), chain: chain)
    }

    private init(valid: [Signature: any SignableBody], chain: Hash256) {
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

    /// Starts verifying on every core but one, leaving that core to the caller (a replay loads
    /// the next blocks and applies the previous ones meanwhile); `wait()` puts the caller's thread
    /// to the same work until the batch is done, then returns it.
    final class Pending: @unchecked Sendable {
        private let lanes: Lanes

        init(blocks: [StoredBlock], chain: Hash256) {
            lanes = Lanes(items: SignatureBatch.items(of: blocks), chain: chain)
            lanes.start(max(1, lanes.lanesWorthStarting(besides: 1)))
        }

        func wait() -> SignatureBatch {
            SignatureBatch(valid: lanes.finish(), chain: lanes.chain)
        }
    }
}

private func isSameBody<A: SignableBody>(_ a: A, _ b: any SignableBody) -> Bool { (b as? A) == a }
