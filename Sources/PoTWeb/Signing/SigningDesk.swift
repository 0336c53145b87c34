import Foundation
import PoTCore
import PoTStore

/// Signs votes, transfers and bets with the keys pot-web unlocked, through the store functions
/// `pot vote`, `pot transfer` and `pot-market bet` use; refreshes the model after each.
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
        let label = request.as, height = request.height, probs = request.probs_ppm
        let prefixes = request.candidates.map { $0.trimmingCharacters(in: .whitespaces) }
        for prefix in prefixes where !Hex.isHexPrefix(prefix) || prefix.count > 64 {
            throw WebError.badRequest("'\(prefix)' is not a block id (expected hexadecimal)")
        }
        let document = try await reader.withStore { store -> SignedVoteDocument in
            let (signed, stored) = try Self.refusing {
                try store.castVote(as: key, label: label, height: height, candidates: prefixes, probsPpm: probs)
            }
            return SignedVoteDocument(id: signed.id(chain: store.chainId).hex, voter: key.publicKey.hex, voter_label: label, height: height,
                                      candidates: signed.vote.candidates.map(\.hex), probs_ppm: probs, stored: stored)
        }
        try await reader.refresh()
        return document
    }

    func transfer(_ request: TransferRequest) async throws -> SignedTransferDocument {
        let key = try unlockedKey(request.as)
        let label = request.as, to = request.to, amount = request.amount_mt, memo = request.memo, nonce = request.nonce
        let document = try await reader.withStore { store -> SignedTransferDocument in
            let signed = try Self.refusing {
                try store.sendTransfer(as: key, label: label, to: try store.resolveAccount(to), amount: amount, memo: memo, nonce: nonce)
            }
            let tx = signed.transfer
            return SignedTransferDocument(id: signed.id(chain: store.chainId).hex, from: key.publicKey.hex, from_label: label,
                                          to: tx.to.hex, to_label: try store.names()[tx.to], amount_mt: amount, nonce: tx.nonce, memo: memo)
        }
        try await reader.refresh()
        return document
    }

    /// Runs a store signing function, answering its refusals as 422 (409 for a conflict with
    /// what is stored), an unknown market as 404 and an unreadable market id as 400.
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
