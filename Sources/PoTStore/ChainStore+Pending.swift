import GitKit
import PoTCore

/// A signed object kept under refs/pot/* that no canonical block has to carry yet.
public struct PendingVote: Sendable {
    public let signed: SignedVote
    public let ref: String
}

public struct PendingTransfer: Sendable {
    public let signed: SignedTransfer
    public let ref: String
}

extension ChainStore {
    /// Stores a signed vote after checking its signature and shape. Returns false when the
    /// identical vote was already stored.
    @discardableResult
    public func addVote(_ signed: SignedVote) throws -> Bool {
        guard signed.hasValidSignature(chain: chainId) else {
            throw StoreError("the vote's signature is invalid for this chain (signed for another chain or tampered)")
        }
        let id = signed.id(chain: chainId)
        let ref = ChainLayout.voteRef(height: signed.vote.height, voter: signed.vote.voter, id: id)
        if try git.reference(ref) != nil { return false }
        let blob = try git.writeBlob(signed.encoded())
        try git.setReference(ref, to: blob, expecting: .some(nil), message: "pot vote")
        return true
    }

    /// Pending votes for one height; unreadable or badly signed ones are reported in `problems`.
    public func pendingVotes(height: UInt64, problems: inout [String]) throws -> [PendingVote] {
        try pendingVotes(glob: ChainLayout.votesGlob(height: height), problems: &problems)
    }

    public func allPendingVotes(problems: inout [String]) throws -> [PendingVote] {
        try pendingVotes(glob: ChainLayout.allVotesGlob, problems: &problems)
    }

    private func pendingVotes(glob: String, problems: inout [String]) throws -> [PendingVote] {
        var votes: [PendingVote] = []
        for ref in try git.references(matching: glob) {
            do {
                let signed = try SignedVote(bytes: try git.readBlob(ref.oid))
                guard signed.hasValidSignature(chain: chainId) else {
                    problems.append("\(ref.name): the vote in blob \(ref.oid.hex) is not validly signed for this chain (signed for another chain, or tampered)")
                    continue
                }
                guard ref.name == ChainLayout.voteRef(height: signed.vote.height, voter: signed.vote.voter, id: signed.id(chain: chainId)) else {
                    problems.append("\(ref.name): blob \(ref.oid.hex) does not hold the vote its name promises (tampered)")
                    continue
                }
                votes.append(PendingVote(signed: signed, ref: ref.name))
            } catch {
                problems.append("\(ref.name): blob \(ref.oid.hex) is not a valid vote: \(error)")
            }
        }
        return votes
    }

    /// Stores a signed transfer. The nonce slot refs/pot/txs/<from>/<nonce> is taken once.
    public func addTransfer(_ signed: SignedTransfer) throws {
        guard signed.hasValidSignature(chain: chainId) else {
            throw StoreError("the transfer's signature is invalid for this chain (signed for another chain or tampered)")
        }
        let tx = signed.transfer
        let ref = ChainLayout.transferRef(from: tx.from, nonce: tx.nonce)
        let blob = try git.writeBlob(signed.encoded())
        if let existing = try git.reference(ref) {
            if existing == blob { return }
            throw StoreError("a different pending transfer already uses nonce \(tx.nonce) of this account")
        }
        try git.setReference(ref, to: blob, expecting: .some(nil), message: "pot transfer")
    }

    public func pendingTransfers(problems: inout [String]) throws -> [PendingTransfer] {
        var transfers: [PendingTransfer] = []
        for ref in try git.references(matching: ChainLayout.allTransfersGlob) {
            do {
                let signed = try SignedTransfer(bytes: try git.readBlob(ref.oid))
                guard signed.hasValidSignature(chain: chainId) else {
                    problems.append("\(ref.name): the transfer in blob \(ref.oid.hex) is not validly signed for this chain (signed for another chain, or tampered)")
                    continue
                }
                guard ref.name == ChainLayout.transferRef(from: signed.transfer.from, nonce: signed.transfer.nonce) else {
                    problems.append("\(ref.name): blob \(ref.oid.hex) does not hold the transfer its name promises (tampered)")
                    continue
                }
                transfers.append(PendingTransfer(signed: signed, ref: ref.name))
            } catch {
                problems.append("\(ref.name): blob \(ref.oid.hex) is not a valid transfer: \(error)")
            }
        }
        return transfers.sorted {
            ($0.signed.transfer.from, $0.signed.transfer.nonce) < ($1.signed.transfer.from, $1.signed.transfer.nonce)
        }
    }

    /// Drops pending objects that can no longer matter: votes for finalized heights and
    /// transfers whose nonce the finalized state has used. They stay in the blocks that carry them.
    public func prune() throws -> Int {
        let states = try currentStates()
        var removed = 0
        var problems: [String] = []
        for vote in try allPendingVotes(problems: &problems) where vote.signed.vote.height <= states.tip.finalizedHeight {
            try git.deleteReference(vote.ref)
            removed += 1
        }
        for tx in try pendingTransfers(problems: &problems) {
            let account = states.final.accounts[tx.signed.transfer.from]
            if let account, tx.signed.transfer.nonce <= account.nonce {
                try git.deleteReference(tx.ref)
                removed += 1
            }
        }
        return removed
    }
}
