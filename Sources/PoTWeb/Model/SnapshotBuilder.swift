import GitKit
import PoTCore
import PoTStore

/// What the refs looked like when a snapshot was built: `main` and every ref under refs/pot/.
struct RefsFingerprint: Equatable, Sendable {
    let main: GitOID
    let refs: [String: GitOID]

    static func read(_ store: ChainStore) throws -> RefsFingerprint {
        var refs: [String: GitOID] = [:]
        for ref in try store.git.references(matching: "refs/pot/**") { refs[ref.name] = ref.oid }
        return RefsFingerprint(main: try store.mainCommit(), refs: refs)
    }
}

/// Builds snapshots of one chain. `ChainReader` calls it from its serial queue only.
final class SnapshotBuilder: @unchecked Sendable {
    let store: ChainStore
    let modules: ExplorerModules
    private var ledger: MainLedger?
    private var fingerprint: RefsFingerprint?
    /// The views of final heights, each with the ids of the blocks stored at its height and of
    /// main's block K above it: together they fix everything the view shows.
    private var finalViews: [UInt64: (key: [Hash256], view: HeightView)] = [:]
    /// How many blocks of main the store replayed for this builder so far.
    private(set) var blocksReplayed = 0
    /// The revision of the last snapshot built.
    private var revision: Int
    private var stored = StoredBlocks()
    /// Why the state transition refuses a candidate on main's parent (nil: it accepts it). The state
    /// a candidate is checked on follows from its parent block alone, so a verdict never changes.
    private var verdicts: [Hash256: String?] = [:]

    init(store: ChainStore, modules: ExplorerModules, revision: Int = 0) {
        self.store = store
        self.modules = modules
        self.revision = revision
    }

    /// Whether `main` is not where it was when the last snapshot was built (one ref read).
    func mainMoved() throws -> Bool {
        try store.mainCommit() != fingerprint?.main
    }

    /// A new snapshot when `main` or anything under refs/pot/ changed since the last one, else nil.
    func buildIfChanged() throws -> ChainSnapshot? {
        try build(listed: try RefsFingerprint.read(store))
    }

    /// A new snapshot from `listed`, a listing of the refs made while other builds may have run
    /// (see `ChainReader.refresh`), when it differs from the last one. `main` may have moved
    /// since the listing began, so main is read again, and the block refs main took on, or that
    /// an earlier build saw, join the listing: blocks are never deleted, so a listing that
    /// started before they were stored must not take them away again.
    func build(listed: RefsFingerprint) throws -> ChainSnapshot? {
        var refs = listed.refs
        let main = try store.mainCommit()
        if let last = fingerprint {
            for (name, oid) in last.refs where refs[name] == nil && name.hasPrefix(ChainLayout.blocksRoot) { refs[name] = oid }
        }
        for block in try follow(main) {
            let name = ChainLayout.blockRef(height: block.height, id: block.id)
            if refs[name] == nil { refs[name] = try store.git.reference(name) }
        }
        let current = RefsFingerprint(main: main, refs: refs)
        guard current != fingerprint else { return nil }
        let snapshot = try build(current)
        fingerprint = current
        return snapshot
    }

    /// A new snapshot when `main` moved, without listing the refs under refs/pot/ again (on a long
    /// chain that takes longer than the rest): the blocks `main` took on join those of the last
    /// listing. Pending objects stored since are picked up by the next `buildIfChanged()`.
    func buildForMain() throws -> ChainSnapshot? {
        guard let last = fingerprint else { return try buildIfChanged() }
        return try build(listed: last)
    }

    /// Moves the ledger to `main`; returns the blocks it took on.
    private func follow(_ main: GitOID) throws -> [StoredBlock] {
        guard ledger?.mainCommit != main else { return [] }
        // Taken out while it moves, so it is changed in place; a failure leaves none, and the
        // next build starts from genesis.
        var moving = ledger ?? MainLedger(store: store)
        ledger = nil
        let replayed = try moving.follow(store, to: main)
        blocksReplayed += replayed
        ledger = moving
        return moving.applied.suffix(replayed).map(\.block)
    }

    private func build(_ refs: RefsFingerprint) throws -> ChainSnapshot {
        _ = try follow(refs.main)
        let ledger = ledger!
        let tip = ledger.tip
        let chain = store.chainId
        var problems: [String] = []

        let listing = stored.update(to: refs.refs, load: loadRecord)
        problems += listing.problems
        for id in listing.removed { verdicts[id] = nil }
        let byHeight = stored.byHeight

        let book = try store.nameBook()
        let labels = book.labels
        let names = book.names
        let pendingSigned = try store.allPendingVotes(problems: &problems)
        let pendingIds = Set(pendingSigned.map { $0.signed.id(chain: chain) })
        func known(_ vote: Vote, id: Hash256) -> KnownVote {
            let included = ledger.includedVotes[id].map { (height: $0.height, id: $0.block) }
            return KnownVote(vote: vote, id: id, includedIn: included, pending: included == nil && pendingIds.contains(id))
        }
        let openRange = (tip.finalizedHeight + 1)...(tip.height + 1)
        let pendingVotes = pendingSigned.compactMap { p -> KnownVote? in
            let id = p.signed.id(chain: chain)
            guard openRange.contains(p.signed.vote.height), ledger.includedVotes[id] == nil else { return nil }
            return known(p.signed.vote, id: id)
        }.sorted { ($0.vote.height, $0.vote.voter) < ($1.vote.height, $1.vote.voter) }
        let pendingTransfers = try store.pendingTransfers(problems: &problems).compactMap { p -> KnownTransfer? in
            let t = p.signed.transfer
            guard t.nonce > tip.accounts[t.from]?.nonce ?? 0 else { return nil }
            return KnownTransfer(transfer: t, id: p.signed.id(chain: chain), includedIn: nil)
        }

        // Heights: fork choice, votes and finalization.
        let highest = max(tip.height, byHeight.keys.max() ?? 0)
        var heights: [HeightView] = []
        heights.reserveCapacity(Int(highest))
        var votesById: [Hash256: KnownVote] = [:]
        func view(at height: UInt64, here: [BlockRecord]) throws -> HeightView {
            let canonical = ledger.mainBlock(at: height)?.id
            let parent = height == 1 ? chain : ledger.mainBlock(at: height - 1)?.id
            let siblings = here.filter { parent != nil && $0.header.parent == parent! }
            var tally: HeightTallyView?
            var votes: [KnownVote] = []
            var information: Int128?
            let finalization = height <= tip.finalizedHeight ? ledger.finalization(at: height) : nil
            if let finalization {
                let scored = (ledger.votesForHeight[height] ?? []).compactMap { id in ledger.includedVotes[id].map { (id, $0.vote) } }
                var trust: [PublicKey: UInt64] = [:]
                for score in finalization.scores { trust[score.voter] = score.trust }
                let counted = ForkChoice.tally(height: height, candidates: siblings.map(\.id), votes: scored.map(\.1), trust: trust)
                tally = HeightTallyView(tally: counted, trust: trust, rejected: [], fromIncludedVotes: true)
                votes = scored.map { known($0.1, id: $0.0) }
                information = finalization.information
            } else if let before = ledger.stateBefore(height), !siblings.isEmpty {
                var accepted: [Hash256] = []
                var rejected: [(id: Hash256, reason: String)] = []
                for block in siblings {
                    if let reason = verdict(block, on: before, canonical: block.id == canonical) {
                        rejected.append((block.id, reason))
                    } else {
                        accepted.append(block.id)
                    }
                }
                let all = try store.knownVotes(height: height, blocksAt: { h in (byHeight[h] ?? []).map(\.stored) }, problems: &problems)
                let trust = before.memberTrust
                let counted = ForkChoice.tally(height: height, candidates: accepted, votes: all, trust: trust)
                tally = HeightTallyView(tally: counted, trust: trust, rejected: rejected, fromIncludedVotes: false)
                votes = all.map { known($0, id: $0.id(chain: chain)) }
                let countedVoters = Set(counted.countedVoters)
                let countedVotes = all.filter { countedVoters.contains($0.voter) }
                information = countedVotes.isEmpty ? nil : ForkChoice.information(votes: countedVotes, trust: trust)
            }
            votes.sort { $0.vote.voter < $1.vote.voter }
            return HeightView(height: height, canonical: canonical, blocks: here.map(\.id), tally: tally,
                              votes: votes, finalization: finalization, information: information)
        }
        for height in stride(from: UInt64(1), through: highest, by: 1) {
            let here = byHeight[height] ?? []
            let made: HeightView
            if let above = ledger.mainBlock(at: height + tip.confirmations) {
                let key = here.map(\.id) + [above.id]
                if let cached = finalViews[height], cached.key == key {
                    made = cached.view
                } else {
                    made = try view(at: height, here: here)
                    finalViews[height] = (key, made)
                }
            } else {
                made = try view(at: height, here: here)
            }
            for vote in made.votes { votesById[vote.id] = vote }
            heights.append(made)
        }
        for vote in pendingVotes { votesById[vote.id] = vote }
        for (id, included) in ledger.includedVotes where votesById[id] == nil { votesById[id] = known(included.vote, id: id) }

        var blocks: [Hash256: BlockRecord] = [:]
        var status: [Hash256: BlockStatus] = [:]
        var pendingCandidates: [Hash256] = []
        for (height, records) in byHeight {
            for record in records {
                blocks[record.id] = record
                if ledger.mainBlock(at: height)?.id == record.id {
                    status[record.id] = .canonical
                } else if height <= tip.finalizedHeight {
                    status[record.id] = .orphaned
                } else {
                    status[record.id] = .candidate
                    pendingCandidates.append(record.id)
                }
            }
        }
        pendingCandidates.sort { (blocks[$0]!.height, $0) < (blocks[$1]!.height, $1) }

        let transfers = ledger.includedTransfers + pendingTransfers
        var transfersById: [Hash256: KnownTransfer] = [:]
        for t in transfers { transfersById[t.id] = t }
        let accounts = Self.accounts(ledger: ledger, labels: labels, names: names, votes: Array(votesById.values),
                                     transfers: transfers)
        let input = ReadModelInput(store: store, tip: tip, applied: ledger.applied, names: names)
        var parts: [String: any Sendable] = [:]
        for module in modules.all { parts[module.name] = try module.part(input, &problems) }
        revision += 1
        return ChainSnapshot(
            revision: revision, chainId: chain, params: store.params, mainCommit: refs.main, state: tip,
            names: names, labels: labels, heights: heights, blocks: blocks, blockStatus: status, accounts: accounts,
            pendingVotes: pendingVotes, pendingTransfers: pendingTransfers, pendingCandidates: pendingCandidates,
            votesById: votesById, transfersById: transfersById, modules: modules, parts: parts, problems: problems)
    }

    /// Why the state transition refuses `block` on `state`, or nil when it accepts it.
    private func verdict(_ block: BlockRecord, on state: ChainState, canonical: Bool) -> String? {
        if canonical { return nil }
        if let known = verdicts[block.id] { return known }
        var reason: String?
        do { _ = try StateTransition.apply(block.stored.signed, payload: block.stored.payload, to: state) } catch {
            reason = "\(error)"
        }
        verdicts[block.id] = reason
        return reason
    }

    private func loadRecord(height: UInt64, id: Hash256) throws -> BlockRecord {
        let stored = try store.loadBlock(height: height, id: id)
        let merged = stored.header.codeCommits.map { bytes -> MergedCommit in
            let oid = GitOID(bytes: bytes)!
            guard let info = try? store.git.readCommit(oid) else {
                return MergedCommit(oid: oid, summary: "(not in this repository)", author: "", time: 0)
            }
            let summary = info.message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
            return MergedCommit(oid: oid, summary: summary, author: info.author.name, time: info.author.time)
        }
        return BlockRecord(stored: stored, merged: merged)
    }

    private static func accounts(ledger: MainLedger, labels: [String: PublicKey], names: [PublicKey: String],
                                 votes: [KnownVote], transfers: [KnownTransfer]) -> [PublicKey: AccountView] {
        var votesBy: [PublicKey: [KnownVote]] = [:]
        for vote in votes { votesBy[vote.vote.voter, default: []].append(vote) }
        var transfersBy: [PublicKey: [KnownTransfer]] = [:]
        for t in transfers {
            transfersBy[t.transfer.from, default: []].append(t)
            transfersBy[t.transfer.to, default: []].append(t)
        }
        var scoresBy: [PublicKey: [AccountScore]] = [:]
        for entry in ledger.applied {
            guard let report = entry.effects.finalized else { continue }
            let market = report.totalTrust > 0 ? UInt64(report.winnerWeight / report.totalTrust) : 0
            for score in report.scores {
                scoresBy[score.voter, default: []].append(
                    AccountScore(height: report.height, winner: report.winner, score: score, marketPpm: market))
            }
        }
        var penaltiesBy: [PublicKey: [AccountPenalty]] = [:]
        for p in ledger.penalties { penaltiesBy[p.penalty.voter, default: []].append(p) }
        var keys = Set(ledger.tip.accounts.keys)
        keys.formUnion(labels.values)
        var accounts: [PublicKey: AccountView] = [:]
        for key in keys {
            accounts[key] = AccountView(
                key: key, label: names[key], account: ledger.tip.accounts[key],
                history: ledger.history[key] ?? [],
                votes: (votesBy[key] ?? []).sorted { ($0.vote.height, $0.id) > ($1.vote.height, $1.id) },
                scores: (scoresBy[key] ?? []).reversed(),
                transfers: (transfersBy[key] ?? []).sorted { a, b in
                    (a.includedIn?.height ?? .max, a.transfer.nonce) > (b.includedIn?.height ?? .max, b.transfer.nonce)
                },
                penalties: penaltiesBy[key] ?? [])
        }
        return accounts
    }
}
