import GitKit
import PoTCore
import PoTNet
import PoTStore

extension StoreBackend {
    public func accept(_ object: WireObject, item: InventoryItem) -> Acceptance {
        if has(item) { return .duplicate }
        do {
            let result = try store.withWriteLock {
                switch object {
                case .vote(let vote): return try acceptVote(vote, id: item.id)
                case .transfer(let transfer): return try acceptTransfer(transfer, id: item.id)
                case .block(let bundle): return try acceptBlock(bundle, id: item.id)
                case .module(let object): return try acceptModuleObject(object, id: item.id)
                }
            }
            // A vote of a batch is written, and reported, when the batch ends.
            if result == .stored, !(item.kind == .vote && batchVotes != nil) { onStored?(item) }
            return result
        } catch {
            lastProblem = "storing \(item): \(error)"
            return .notYet("could not store: \(error)")
        }
    }

    /// NET-VOTE-ACCEPT: signed for this chain by a member, for a height above the finalized one
    /// and at most one above the highest block this node stores.
    func acceptVote(_ signed: SignedVote, id: Hash256) throws -> Acceptance {
        guard signatureHolds(signed, id: id) else {
            return .invalid(code: .badSignature, detail: "vote signature does not verify for this chain")
        }
        let vote = signed.vote
        guard final.state.isMember(vote.voter) else {
            return .invalid(code: .notMember, detail: "voter \(vote.voter.short) is not a member")
        }
        guard vote.height > final.state.height else {
            return .stale("vote for finalized height \(vote.height)")
        }
        guard vote.height <= index.maxBlockHeight + 1 else {
            return .notYet("vote for height \(vote.height), beyond the stored blocks")
        }
        if batchVotes != nil { batchVotes!.append((signed, id)) } else { try store.storeVote(signed, id: id) }
        index.addVote(id: id, height: vote.height, ref: ChainLayout.voteRef(height: vote.height, voter: vote.voter, id: id))
        return .stored
    }

    /// NET-TX-ACCEPT: signed for this chain, with a nonce the finalized state has not used and
    /// no other pending transfer in the same nonce slot.
    func acceptTransfer(_ signed: SignedTransfer, id: Hash256) throws -> Acceptance {
        guard signatureHolds(signed, id: id) else {
            return .invalid(code: .badSignature, detail: "transfer signature does not verify for this chain")
        }
        let tx = signed.transfer
        if let account = final.state.accounts[tx.from], tx.nonce <= account.nonce {
            return .stale("nonce \(tx.nonce) already used")
        }
        let ref = ChainLayout.transferRef(from: tx.from, nonce: tx.nonce)
        if try store.git.reference(ref) != nil {
            return .stale("another transfer holds nonce \(tx.nonce) of \(tx.from.short)")
        }
        try store.storeTransfer(signed)
        index.addTransfer(id: id, ref: ref)
        return .stored
    }

    /// NET-BLOCK-ACCEPT: a block is stored only once it applies to its parent's state, which
    /// must descend from the finalized block; its code objects must unpack and be present.
    func acceptBlock(_ bundle: BlockBundle, id: Hash256) throws -> Acceptance {
        let signed = bundle.header
        let header = signed.header
        guard signatureHolds(signed, id: id) else {
            return .invalid(code: .badSignature, detail: "header signature does not verify for this chain")
        }
        guard header.height > final.state.height else {
            return .stale("block at finalized height \(header.height)")
        }
        let parentHeight: UInt64
        if header.parent == chainId {
            parentHeight = 0
        } else if let known = index.blockHeights[header.parent] {
            parentHeight = known
        } else {
            return .missingParent(header.parent)
        }
        guard parentHeight + 1 == header.height else {
            return .invalid(code: .badParent, detail: "parent is at height \(parentHeight), block claims \(header.height)")
        }
        guard let parent = try stateAfter(header.parent, height: parentHeight) else {
            return .stale("builds on a branch the finalized chain excludes")
        }
        let next: ChainState
        do { (next, _) = try StateTransition.apply(signed, payload: bundle.payload, to: parent.state) } catch {
            return .invalid(code: .invalidBlock, detail: "\(error)")
        }
        do { try CodePack.unpack(bundle.pack, into: store) } catch {
            return .invalid(code: .badPack, detail: "\(error)")
        }
        let stored: StoredBlock
        do { stored = try store.writeBlock(signed, payload: bundle.payload, parentCommit: parent.commit) } catch {
            return .invalid(code: .missingCode, detail: "\(error)")
        }
        index.addBlock(id: id, height: header.height, ref: ChainLayout.blockRef(height: header.height, id: id))
        remember(id, state: next, commit: stored.commit)
        return .stored
    }

    /// The state after block `id` and its commit, replayed from the finalized block when not
    /// cached; nil when the block does not descend from the finalized block.
    func stateAfter(_ id: Hash256, height: UInt64) throws -> (state: ChainState, commit: GitOID)? {
        var path: [StoredBlock] = []
        var current = id
        var currentHeight = height
        var base: (state: ChainState, commit: GitOID)?
        while base == nil {
            if let cached = states[current] {
                base = cached
            } else if currentHeight == final.state.height {
                guard current == final.state.tip else { return nil }
                base = final
            } else if currentHeight < final.state.height {
                return nil
            } else {
                let block = try store.loadBlock(height: currentHeight, id: current)
                path.append(block)
                current = block.header.parent
                currentHeight -= 1
            }
        }
        var result = base!
        for block in path.reversed() {
            result = (try StateTransition.apply(block.signed, payload: block.payload, to: result.state).0, block.commit)
            remember(block.id, state: result.state, commit: block.commit)
        }
        return result
    }

    func remember(_ id: Hash256, state: ChainState, commit: GitOID) {
        states[id] = (state, commit)
        if states.count > 1024 {
            let floor = final.state.height
            states = states.filter { $0.value.state.height > floor }
            if states.count > 1024 {
                let keep = states.sorted { $0.value.state.height > $1.value.state.height }.prefix(512)
                states = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
            }
        }
    }

    // MARK: Fork choice and local news

    public func settle() {
        do {
            let result = try store.withWriteLock { try store.advance() }
            try refreshCanonical()
            if result.moved { onSettle?(result) }
        } catch {
            lastProblem = "fork choice: \(error)"
        }
    }

    /// Re-reads main (after fork choice, or after a local command moved it) and its states.
    public func refreshCanonical() throws {
        try readMain()
        let states = try store.currentStates()
        final = (states.final, states.finalCommit)
        tipState = states.tip
    }

    /// Brings `canonicalLinks` up to main, walking back only to the first commit the previous
    /// reading already had.
    func readMain() throws {
        let main = try store.mainCommit()
        if main != canonicalCommit {
            let walk = try store.mainLinks(from: main) { self.commitHeights[$0] != nil }
            let keep = walk.reachedGenesis ? 0 : Int(walk.links.first.map { $0.height - 1 } ?? UInt64(commitHeights[main] ?? 0))
            for link in canonicalLinks.dropFirst(keep) { commitHeights[link.commit] = nil }
            canonicalLinks = Array(canonicalLinks.prefix(keep)) + walk.links
            for link in walk.links { commitHeights[link.commit] = Int(link.height) }
            canonicalCommit = main
        }
    }

    /// Indexes refs that local commands wrote; returns the new items to announce.
    public func absorbJournal() -> [InventoryItem] {
        let pending = Journal.size(in: store.potDirectory) > 0
        let refs = pending ? (try? store.withWriteLock { Journal.drain(in: store.potDirectory) }) ?? [] : []
        var fresh: [InventoryItem] = []
        for ref in refs {
            let before = index.refs.count
            if let item = index.add(ref: ref, store: store), index.refs.count > before { fresh.append(item) }
        }
        if (try? store.mainCommit()) != canonicalCommit { try? refreshCanonical() }
        return fresh
    }
}
