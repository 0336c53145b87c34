import Foundation
import PoTCore
import PoTStore

/// Signs votes, transfers and bets with the keys pot-web unlocked, after the checks `pot vote` and
/// `pot transfer` make, under the repository's write lock; stores them; refreshes the model.
public final class SigningDesk: Sendable {
    let reader: ChainReader
    let keys: [String: SigningKey]

    /// Loads `.git/pot/keys/<label>.key` for each label.
    public init(reader: ChainReader, unlock labels: [String]) async throws {
        self.reader = reader
        var keys: [String: SigningKey] = [:]
        for label in labels {
            keys[label] = try await reader.withStore { try KeyRing(store: $0).key(label) }
        }
        self.keys = keys
    }

    public var unlockedLabels: [String] { keys.keys.sorted() }

    func unlockedKey(_ label: String) throws -> SigningKey {
        guard let key = keys[label] else {
            let unlocked = unlockedLabels.isEmpty ? "none" : unlockedLabels.joined(separator: ", ")
            throw WebError.forbidden("'\(label)' is not unlocked on this server (unlocked: \(unlocked))")
        }
        return key
    }

    func vote(_ request: VoteRequest) async throws -> SignedVoteDocument {
        let key = try unlockedKey(request.as)
        let label = request.as, height = request.height
        guard request.probs_ppm.allSatisfy({ $0 <= TrustScoring.ppmOne }) else {
            throw WebError.refused("a probability is above 1000000 ppm")
        }
        let sum = request.probs_ppm.reduce(UInt64(0)) { $0 + $1 }
        guard sum == TrustScoring.ppmOne else {
            throw WebError.refused("probabilities sum to \(Display.probability(sum)), not 1 (in ppm: \(sum) instead of 1000000)")
        }
        let prefixes = request.candidates.map { $0.trimmingCharacters(in: .whitespaces) }
        for prefix in prefixes where !Hex.isHexPrefix(prefix) || prefix.count > 64 {
            throw WebError.badRequest("'\(prefix)' is not a block id (expected hexadecimal)")
        }
        let document = try await reader.withStore { store -> SignedVoteDocument in
            try store.withWriteLock {
                let state = try store.currentState()
                guard state.isMember(key.publicKey) else {
                    throw WebError.refused("\(label) is not a member of this chain; only members may vote")
                }
                guard height > state.finalizedHeight, height <= state.height + 1, height >= 1 else {
                    throw WebError.refused("height \(height) is not open for voting (open heights are \(state.finalizedHeight + 1)...\(state.height + 1))")
                }
                let ids = try prefixes.map { prefix -> Hash256 in
                    do { return try store.resolveBlock(prefix: prefix, heights: [height]).id } catch let error as StoreError {
                        throw WebError.refused(error.description)
                    }
                }
                guard Set(ids).count == ids.count else { throw WebError.refused("the same candidate is listed twice") }
                guard request.probs_ppm.count == ids.count + 1 else {
                    throw WebError.refused("\(ids.count) candidate(s) need \(ids.count + 1) probabilities (the last is for none), got \(request.probs_ppm.count)")
                }
                let vote: Vote
                do { vote = try Vote(voter: key.publicKey, height: height, candidates: ids, probsPpm: request.probs_ppm) } catch {
                    throw WebError.refused("\(error)")
                }
                var problems: [String] = []
                let id = vote.id(chain: store.chainId)
                if let earlier = try store.pendingVotes(height: height, problems: &problems)
                    .first(where: { $0.signed.vote.voter == key.publicKey && $0.signed.id(chain: store.chainId) != id }) {
                    throw WebError.conflict("\(label) already voted at height \(height) (vote \(earlier.signed.id(chain: store.chainId).short)); a second, different vote is equivocation and is penalized")
                }
                if let included = state.open[height]?.votes[key.publicKey], included != vote {
                    throw WebError.conflict("\(label)'s vote for height \(height) is already in the chain; a different one would be equivocation")
                }
                let stored = try store.addVote(SignedVote.sign(vote, with: key, chain: store.chainId))
                return SignedVoteDocument(id: id.hex, voter: key.publicKey.hex, voter_label: label, height: height,
                                          candidates: ids.map(\.hex), probs_ppm: request.probs_ppm, stored: stored)
            }
        }
        try await reader.refresh()
        return document
    }

    func transfer(_ request: TransferRequest) async throws -> SignedTransferDocument {
        let key = try unlockedKey(request.as)
        let label = request.as, amount = request.amount_mt, memo = request.memo, requested = request.nonce
        guard amount > 0 else { throw WebError.refused("amount_mt must be at least 1 mT") }
        guard memo.utf8.count <= ObjectLimits.maxMemoBytes else {
            throw WebError.refused("the memo is longer than \(ObjectLimits.maxMemoBytes) bytes")
        }
        let to = request.to
        let document = try await reader.withStore { store -> SignedTransferDocument in
            let recipient: PublicKey
            do { recipient = try store.resolveAccount(to) } catch let error as StoreError { throw WebError.refused(error.description) }
            guard recipient != key.publicKey else { throw WebError.refused("a transfer to oneself is not allowed") }
            return try store.withWriteLock {
                let state = try store.currentState()
                let account = state.accounts[key.publicKey] ?? Account(balance: 0, member: false)
                var problems: [String] = []
                let pending = try store.pendingTransfers(problems: &problems)
                    .map(\.signed.transfer).filter { $0.from == key.publicKey && $0.nonce > account.nonce }
                let committed = pending.reduce(UInt64(0)) { $0 + $1.amount }
                let next = (pending.map(\.nonce).max() ?? account.nonce) + 1
                let chosen = requested ?? next
                guard chosen > account.nonce else {
                    throw WebError.conflict("nonce \(chosen) was already used by \(label) (account nonce is \(account.nonce)); a replayed transfer is refused")
                }
                guard !pending.contains(where: { $0.nonce == chosen }) else {
                    throw WebError.conflict("nonce \(chosen) is already taken by a pending transfer of \(label)")
                }
                guard chosen == next else { throw WebError.refused("nonce \(chosen) leaves a gap; the next nonce of \(label) is \(next)") }
                guard account.balance >= committed, account.balance - committed >= amount else {
                    throw WebError.refused("\(label) has \(Display.grouped(account.balance)) mT (\(Display.grouped(committed)) already pending), cannot send \(Display.grouped(amount)) mT")
                }
                let tx = TrustTransfer(from: key.publicKey, to: recipient, amount: amount, nonce: chosen, memo: memo)
                let signed = SignedTransfer.sign(tx, with: key, chain: store.chainId)
                try store.addTransfer(signed)
                return SignedTransferDocument(id: signed.id(chain: store.chainId).hex, from: key.publicKey.hex, from_label: label,
                                              to: recipient.hex, to_label: try store.names()[recipient], amount_mt: amount, nonce: chosen, memo: memo)
            }
        }
        try await reader.refresh()
        return document
    }
}
