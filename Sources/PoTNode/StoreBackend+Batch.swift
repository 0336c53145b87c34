import PoTCore
import PoTNet
import PoTStore

/// Objects that arrive together are checked together: their signatures on every core at once
/// (a `SignatureBatch`, as replay uses), then each is accepted under one hold of the write lock,
/// and the batch's votes are written together when it ends (`ChainStore.storeVotes`).
extension StoreBackend {
    public func beginBatch(_ objects: [(object: WireObject, item: InventoryItem)]) {
        let items = objects.filter { !has($0.item) }.map { StoreBackend.signedItem($0.object) }
        preverified = SignatureBatch(items: items, chain: chainId)
        do {
            try store.holdWriteLock()
            batchVotes = []
        } catch {
            lastProblem = "holding the write lock for a batch: \(error)"
        }
    }

    public func endBatch() {
        if let votes = batchVotes, !votes.isEmpty { writeBatchVotes(votes) }
        batchVotes = nil
        store.releaseWriteLock()
        preverified = nil
    }

    /// Writes the votes the batch accepted; `onStored` hears of each once it is on disk. When
    /// the write fails, the votes are forgotten again, so a later sync fetches them anew.
    private func writeBatchVotes(_ votes: [(signed: SignedVote, id: Hash256)]) {
        do {
            let stored = Set(try store.storeVotes(votes))
            for vote in votes where stored.contains(vote.id) { onStored?(InventoryItem(.vote, vote.id)) }
        } catch {
            for vote in votes { index.removeVote(id: vote.id, height: vote.signed.vote.height) }
            lastProblem = "storing \(votes.count) votes: \(error)"
        }
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
        case .module(let m): SignedItem(m.object)
        }
    }
}
