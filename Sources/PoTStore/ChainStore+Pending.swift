import Foundation
import GitKit
import PoTCore

/// A signed object kept under refs/pot/* that no canonical block has to carry yet.
public struct PendingObject<Body: SignableBody>: Sendable {
    public let signed: Signed<Body>
    public let ref: String

    public init(signed: Signed<Body>, ref: String) {
        self.signed = signed
        self.ref = ref
    }
}

public typealias PendingVote = PendingObject<Vote>
public typealias PendingTransfer = PendingObject<TrustTransfer>

extension ChainStore {
    /// Stores a signed vote after checking its signature and shape. Returns false when the
    /// identical vote was already stored.
    @discardableResult
    public func addVote(_ signed: SignedVote) throws -> Bool {
        let id = signed.id(chain: chainId)
        guard signed.vote.voter.verifies(signed.signature, over: id) else {
            throw StoreError("the vote's signature is invalid for this chain (signed for another chain or tampered)")
        }
        return try storeVote(signed, id: id)
    }

    /// Stores a vote whose id is `id` and whose signature the caller has already checked.
    @discardableResult
    public func storeVote(_ signed: SignedVote, id: Hash256) throws -> Bool {
        let ref = ChainLayout.voteRef(height: signed.vote.height, voter: signed.vote.voter, id: id)
        if try git.reference(ref) != nil { return false }
        let blob = try git.writeBlob(signed.encoded())
        try git.setReference(ref, to: blob, expecting: .some(nil), message: "pot vote")
        noteInJournal(ref)
        return true
    }

    /// From this many votes on, `storeVotes` writes them as one pack and one rewrite of
    /// packed-refs instead of two files each (our choice; below it the files are cheaper).
    public static let packedVoteBatchMinimum = 16

    /// Stores votes whose ids are given and whose signatures the caller has already checked, all
    /// at once; returns the ids of those that were new. Votes already stored are skipped.
    @discardableResult
    public func storeVotes(_ votes: [(signed: SignedVote, id: Hash256)]) throws -> [Hash256] {
        var fresh: [(signed: SignedVote, id: Hash256, ref: String)] = []
        var seen: Set<String> = []
        for (signed, id) in votes {
            let ref = ChainLayout.voteRef(height: signed.vote.height, voter: signed.vote.voter, id: id)
            if seen.insert(ref).inserted { fresh.append((signed, id, ref)) }
        }
        guard fresh.count >= ChainStore.packedVoteBatchMinimum else {
            return try fresh.filter { try storeVote($0.signed, id: $0.id) }.map(\.id)
        }
        // A vote stored already costs a duplicate blob in the pack, and its ref is left alone.
        let blobs = try git.writeBlobsAsPack(fresh.map { $0.signed.encoded() })
        let existed = Set(try git.createReferencesPacked(zip(fresh, blobs).map { (name: $0.ref, oid: $1) }))
        let stored = fresh.filter { !existed.contains($0.ref) }
        for vote in stored { noteInJournal(vote.ref) }
        return stored.map(\.id)
    }

    /// Pending votes for one height; unreadable or badly signed ones are reported in `problems`.
    public func pendingVotes(height: UInt64, problems: inout [String]) throws -> [PendingVote] {
        try pendingVotes(glob: ChainLayout.votesGlob(height: height), problems: &problems)
    }

    public func allPendingVotes(problems: inout [String]) throws -> [PendingVote] {
        try pendingVotes(glob: ChainLayout.allVotesGlob, problems: &problems)
    }

    private func pendingVotes(glob: String, problems: inout [String]) throws -> [PendingVote] {
        try pendingObjects(glob: glob, problems: &problems) {
            ChainLayout.voteRef(height: $0.vote.height, voter: $0.vote.voter, id: $0.id(chain: chainId))
        }
    }

    /// Reads the signed objects under `glob`, keeping those validly signed for this chain and
    /// stored under the ref name `refName` gives them; the others are named in `problems`.
    func pendingObjects<Body>(glob: String, problems: inout [String],
                                      refName: (Signed<Body>) -> String) throws -> [PendingObject<Body>] {
        var found: [PendingObject<Body>] = []
        for ref in try git.references(matching: glob) {
            do {
                let signed = try Signed<Body>(bytes: try git.readBlob(ref.oid))
                guard signed.hasValidSignature(chain: chainId) else {
                    problems.append("\(ref.name): the \(Body.objectName) in blob \(ref.oid.hex) is not validly signed for this chain (signed for another chain, or tampered)")
                    continue
                }
                guard ref.name == refName(signed) else {
                    problems.append("\(ref.name): blob \(ref.oid.hex) does not hold the \(Body.objectName) its name promises (tampered)")
                    continue
                }
                found.append(PendingObject(signed: signed, ref: ref.name))
            } catch {
                problems.append("\(ref.name): blob \(ref.oid.hex) is not a valid \(Body.objectName): \(error)")
            }
        }
        return found
    }

    /// Stores a signed transfer. The nonce slot refs/pot/txs/<from>/<nonce> is taken once.
    public func addTransfer(_ signed: SignedTransfer) throws {
        guard signed.hasValidSignature(chain: chainId) else {
            throw StoreError("the transfer's signature is invalid for this chain (signed for another chain or tampered)")
        }
        try storeTransfer(signed)
    }

    /// Stores a transfer whose signature the caller has already checked.
    public func storeTransfer(_ signed: SignedTransfer) throws {
        let tx = signed.transfer
        let ref = ChainLayout.transferRef(from: tx.from, nonce: tx.nonce)
        let blob = try git.writeBlob(signed.encoded())
        if let existing = try git.reference(ref) {
            if existing == blob { return }
            throw StoreError("a different pending transfer already uses nonce \(tx.nonce) of this account")
        }
        try git.setReference(ref, to: blob, expecting: .some(nil), message: "pot transfer")
        noteInJournal(ref)
    }

    public func pendingTransfers(problems: inout [String]) throws -> [PendingTransfer] {
        let transfers: [PendingTransfer] = try pendingObjects(glob: ChainLayout.allTransfersGlob, problems: &problems) {
            ChainLayout.transferRef(from: $0.transfer.from, nonce: $0.transfer.nonce)
        }
        return transfers.sorted {
            ($0.signed.transfer.from, $0.signed.transfer.nonce) < ($1.signed.transfer.from, $1.signed.transfer.nonce)
        }
    }

    /// The pending votes and transfers that `state` has not applied: votes for its open heights
    /// and the next one that no block on main carries, and transfers whose nonce it has not used.
    /// `pot status` lists these and `pot verify` counts them. Votes come by height, then ref name.
    public static func unapplied(votes: [PendingVote], transfers: [PendingTransfer], at state: ChainState)
        -> (votes: [PendingVote], transfers: [PendingTransfer]) {
        let open = votes.filter { pending in
            let v = pending.signed.vote
            return v.height > state.finalizedHeight && v.height <= state.height + 1 && state.open[v.height]?.votes[v.voter] != v
        }
        let sorted = open.sorted { a, b in
            a.signed.vote.height != b.signed.vote.height
                ? a.signed.vote.height < b.signed.vote.height : Array(a.ref.utf8).lexicographicallyPrecedes(Array(b.ref.utf8))
        }
        return (sorted, transfers.filter { $0.signed.transfer.nonce > state.accounts[$0.signed.transfer.from]?.nonce ?? 0 })
    }

    /// Drops pending objects that can no longer matter: votes for finalized heights, transfers
    /// whose nonce the finalized state has used, and module objects their module calls spent
    /// (`ChainModule.isSpent`: for markets, bets on markets closed at a final height and
    /// resolutions of settled markets). They stay in the blocks that carry them.
    public func prune() throws -> Int {
        let states = try currentStates()
        var doomed: [String] = []
        var problems: [String] = []
        for vote in try allPendingVotes(problems: &problems) where vote.signed.vote.height <= states.tip.finalizedHeight {
            doomed.append(vote.ref)
        }
        for tx in try pendingTransfers(problems: &problems) {
            let account = states.final.accounts[tx.signed.transfer.from]
            if let account, tx.signed.transfer.nonce <= account.nonce { doomed.append(tx.ref) }
        }
        doomed += try spentModuleRefs(final: states.final, problems: &problems)
        try deleteReferences(doomed)
        return doomed.count
    }

    /// Deletes refs in one git transaction. git holds packed-refs.lock while it deletes, so a
    /// `git pack-refs` running at the same moment cannot write a deleted ref back (a libgit2
    /// delete does not take that lock when the ref is loose, and such a ref can return).
    func deleteReferences(_ names: [String]) throws {
        guard !names.isEmpty else { return }
        let script = potDirectory + "/delete-refs.\(getpid())"
        try Data(names.map { "delete \($0)\n" }.joined().utf8).write(to: URL(fileURLWithPath: script))
        defer { try? FileManager.default.removeItem(atPath: script) }
        try GitCommandLine.check(["update-ref", "--stdin"], in: git.workDirectory ?? git.gitDirectory, stdinPath: script, doing: "deleting \(names.count) pending ref(s)")
    }
}
