import Foundation
import PoTCore
import PoTStore

/// Signs votes, transfers and the modules' objects with the keys pot-web unlocked, through the
/// store functions `pot vote`, `pot transfer` and the modules' verbs use; refreshes the model
/// after each.
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
        _ = try unlockedKey(request.as)
        let label = request.as, height = request.height, probs = request.probs_ppm
        let prefixes = request.candidates.map { $0.trimmingCharacters(in: .whitespaces) }
        for prefix in prefixes where !Hex.isHexPrefix(prefix) || prefix.count > 64 {
            throw WebError.badRequest("'\(prefix)' is not a block id (expected hexadecimal)")
        }
        return try await sign(as: label) { store, key in
            let (signed, stored) = try store.castVote(as: key, label: label, height: height, candidates: prefixes, probsPpm: probs)
            return SignedVoteDocument(id: signed.id(chain: store.chainId).hex, voter: key.publicKey.hex, voter_label: label, height: height,
                                      candidates: signed.vote.candidates.map(\.hex), probs_ppm: probs, stored: stored)
        }
    }

    func transfer(_ request: TransferRequest) async throws -> SignedTransferDocument {
        let label = request.as, to = request.to, amount = request.amount_mt, memo = request.memo, nonce = request.nonce
        return try await sign(as: label) { store, key in
            let signed = try store.sendTransfer(as: key, label: label, to: try store.resolveAccount(to), amount: amount, memo: memo, nonce: nonce)
            let tx = signed.transfer
            return SignedTransferDocument(id: signed.id(chain: store.chainId).hex, from: key.publicKey.hex, from_label: label,
                                          to: tx.to.hex, to_label: try store.names()[tx.to], amount_mt: amount, nonce: tx.nonce, memo: memo)
        }
    }

    /// Signs with the key unlocked as `label`: runs `body` with the store and the key, answers
    /// its refusals as `refusing` does, and refreshes the model once the object is stored.
    package func sign<T: Sendable>(as label: String, _ body: @escaping @Sendable (ChainStore, SigningKey) throws -> T) async throws -> T {
        let key = try unlockedKey(label)
        let result = try await reader.withStore { store in try Self.refusing { try body(store, key) } }
        try await reader.refresh()
        return result
    }

    /// Runs a store signing function, answering its refusals as 422 (409 for a conflict with
    /// what is stored), an id that names nothing as 404 and an unreadable id as 400.
    static func refusing<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let refusal as SigningRefusal {
            throw refusal.conflict ? WebError.conflict(refusal.description) : WebError.refused(refusal.description)
        } catch let error as StoreError {
            throw WebError.refused(error.description)
        } catch let error as IdPrefix.Failure {
            switch error {
            case .notFound: throw WebError.notFound(error.description)
            case .malformed, .ambiguous: throw WebError.badRequest(error.description)
            }
        }
    }
}
