import PoTCore
import PoTLight
import PoTNet

/// One signature over one object id, by one key.
struct SignatureCheck: Hashable {
    let signer: PublicKey
    let signature: [UInt8]
    let id: Hash256
}

/// Objects that arrive together are checked together: their signatures on every core at once,
/// then each is accepted under one hold of the write lock.
extension StoreBackend {
    public func beginBatch(_ objects: [(object: WireObject, item: InventoryItem)]) {
        let checks = objects.compactMap { entry in
            has(entry.item) ? nil : StoreBackend.signatureCheck(entry.object, id: entry.item.id)
        }
        let valid = checks.parallelMap { $0.signer.verifies($0.signature, over: $0.id) }
        preverified = Set(zip(checks, valid).filter(\.1).map(\.0))
        do { try store.holdWriteLock() } catch { lastProblem = "holding the write lock for a batch: \(error)" }
    }

    public func endBatch() {
        store.releaseWriteLock()
        preverified.removeAll()
    }

    /// Whether `signature` by `signer` over `id` is valid: known from the batch, or checked now.
    func signatureHolds(_ signer: PublicKey, _ signature: [UInt8], over id: Hash256) -> Bool {
        preverified.contains(SignatureCheck(signer: signer, signature: signature, id: id)) || signer.verifies(signature, over: id)
    }

    static func signatureCheck(_ object: WireObject, id: Hash256) -> SignatureCheck? {
        switch object {
        case .vote(let s): SignatureCheck(signer: s.body.signer, signature: s.signature, id: id)
        case .transfer(let s): SignatureCheck(signer: s.body.signer, signature: s.signature, id: id)
        case .block(let bundle): SignatureCheck(signer: bundle.header.body.signer, signature: bundle.header.signature, id: id)
        case .marketDeclaration(let s): SignatureCheck(signer: s.body.signer, signature: s.signature, id: id)
        case .marketBet(let s): SignatureCheck(signer: s.body.signer, signature: s.signature, id: id)
        case .marketResolution(let s): SignatureCheck(signer: s.body.signer, signature: s.signature, id: id)
        }
    }
}
