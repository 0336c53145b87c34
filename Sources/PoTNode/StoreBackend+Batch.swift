import PoTCore
import PoTNet
import PoTStore

/// Objects that arrive together are checked together: their signatures on every core at once
/// (a `SignatureBatch`, as replay uses), then each is accepted under one hold of the write lock.
extension StoreBackend {
    public func beginBatch(_ objects: [(object: WireObject, item: InventoryItem)]) {
        let items = objects.filter { !has($0.item) }.map { StoreBackend.signedItem($0.object) }
        preverified = SignatureBatch(items: items, chain: chainId)
        do { try store.holdWriteLock() } catch { lastProblem = "holding the write lock for a batch: \(error)" }
    }

    public func endBatch() {
        store.releaseWriteLock()
        preverified = nil
    }

    /// Whether `signed`, whose id is `id`, is validly signed: known from the batch, or checked now.
    func signatureHolds<Body: SignableBody>(_ signed: Signed<Body>, id: Hash256) -> Bool {
        preverified?.verified(signed, chain: chainId) == true || signed.body.signer.verifies(signed.signature, over: id)
    }

    static func signedItem(_ object: WireObject) -> SignedItem {
        switch object {
        case .vote(let s): SignedItem(s)
        case .transfer(let s): SignedItem(s)
        case .block(let bundle): SignedItem(bundle.header)
        case .marketDeclaration(let s): SignedItem(s)
        case .marketBet(let s): SignedItem(s)
        case .marketResolution(let s): SignedItem(s)
        }
    }
}
