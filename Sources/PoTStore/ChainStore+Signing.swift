import PoTCore

/// Why the chain would refuse an object someone asked to sign. `conflict` marks a clash with an
/// object already stored (a second vote for a height, a used or taken nonce).
public struct SigningRefusal: Error, CustomStringConvertible, Equatable {
    public let description: String
    public let conflict: Bool

    public init(_ description: String, conflict: Bool = false) {
        self.description = description
        self.conflict = conflict
    }
}

/// Signing on behalf of a local key, with the checks a block would make, under the write lock:
/// what `pot vote`, `pot transfer` and pot-web's signing endpoints share. `label` names the key
/// in messages.
extension ChainStore {
    /// Signs and stores a vote for `height` over the candidates `prefixes` name (ids or unique
    /// prefixes of stored blocks at that height). `stored` is false when the identical vote was
    /// already stored.
    public func castVote(as key: SigningKey, label: String, height: UInt64, candidates prefixes: [String],
                         probsPpm: [UInt64]) throws -> (signed: SignedVote, stored: Bool) {
        if let problem = Figures.distributionProblem(probsPpm) { throw SigningRefusal(problem) }
        return try withWriteLock {
            let state = try currentState()
            guard state.isMember(key.publicKey) else {
                throw SigningRefusal("\(label) is not a member of this chain; only members may vote")
            }
            guard height > state.finalizedHeight, height <= state.height + 1, height >= 1 else {
                throw SigningRefusal("height \(height) is not open for voting (open heights are \(state.finalizedHeight + 1)...\(state.height + 1))")
            }
            let ids = try prefixes.map { prefix -> Hash256 in
                do { return try resolveBlock(prefix: prefix, heights: [height]).id } catch let error as IdPrefix.Failure {
                    throw SigningRefusal(error.description)
                }
            }
            guard Set(ids).count == ids.count else { throw SigningRefusal("the same candidate is listed twice") }
            guard probsPpm.count == ids.count + 1 else {
                throw SigningRefusal("\(ids.count) candidate(s) need \(ids.count + 1) probabilities (the last is for none), got \(probsPpm.count)")
            }
            let vote: Vote
            do { vote = try Vote(voter: key.publicKey, height: height, candidates: ids, probsPpm: probsPpm) } catch {
                throw SigningRefusal("\(error)")
            }
            var problems: [String] = []
            let id = vote.id(chain: chainId)
            if let earlier = try pendingVotes(height: height, problems: &problems)
                .first(where: { $0.signed.vote.voter == key.publicKey && $0.signed.id(chain: chainId) != id }) {
                throw SigningRefusal("\(label) already voted at height \(height) (vote \(earlier.signed.id(chain: chainId).short)); a second, different vote is equivocation and is penalized", conflict: true)
            }
            if let included = state.open[height]?.votes[key.publicKey], included != vote {
                throw SigningRefusal("\(label)'s vote for height \(height) is already in the chain; a different one would be equivocation", conflict: true)
            }
            let signed = SignedVote.sign(vote, with: key, chain: chainId)
            return (signed, try storeVote(signed, id: id))
        }
    }

    /// Signs and stores a transfer of `amount` mT to `recipient`, with `nonce` or else the
    /// sender's next free one, when the balance beyond what is already pending covers it.
    public func sendTransfer(as key: SigningKey, label: String, to recipient: PublicKey, amount: UInt64, memo: String,
                             nonce requested: UInt64?) throws -> SignedTransfer {
        guard recipient != key.publicKey else { throw SigningRefusal("a transfer to oneself is not allowed") }
        guard amount > 0 else { throw SigningRefusal("the amount must be at least 1 mT") }
        guard memo.utf8.count <= ObjectLimits.maxMemoBytes else {
            throw SigningRefusal("the memo is longer than \(ObjectLimits.maxMemoBytes) bytes")
        }
        return try withWriteLock {
            let state = try currentState()
            let account = state.accounts[key.publicKey] ?? Account(balance: 0, member: false)
            var problems: [String] = []
            let pending = try pendingTransfers(problems: &problems)
                .map(\.signed.transfer).filter { $0.from == key.publicKey && $0.nonce > account.nonce }
            let committed = pending.reduce(UInt64(0)) { $0 + $1.amount }
            let next = (pending.map(\.nonce).max() ?? account.nonce) + 1
            let chosen = requested ?? next
            guard chosen > account.nonce else {
                throw SigningRefusal("nonce \(chosen) was already used by \(label) (account nonce is \(account.nonce)); a replayed transfer is refused", conflict: true)
            }
            guard !pending.contains(where: { $0.nonce == chosen }) else {
                throw SigningRefusal("nonce \(chosen) is already taken by a pending transfer of \(label)", conflict: true)
            }
            guard chosen == next else { throw SigningRefusal("nonce \(chosen) leaves a gap; the next nonce of \(label) is \(next)") }
            guard account.balance >= committed, account.balance - committed >= amount else {
                throw SigningRefusal("\(label) has \(Figures.grouped(account.balance)) mT (\(Figures.grouped(committed)) already pending), cannot send \(Figures.grouped(amount)) mT")
            }
            let signed = SignedTransfer.sign(TrustTransfer(from: key.publicKey, to: recipient, amount: amount, nonce: chosen, memo: memo),
                                             with: key, chain: chainId)
            try storeTransfer(signed)
            return signed
        }
    }

    /// Names a key by its label when it has one, else by its short hex: how refusals name keys.
    /// The labels are read once, and only when a message names a key.
    public func keyNamer() -> (PublicKey) -> String {
        var names: [PublicKey: String]?
        return { key in
            if names == nil { names = (try? self.names()) ?? [:] }
            return names![key] ?? key.short
        }
    }
}
