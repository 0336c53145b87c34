import Foundation
import GitKit
import PoTCore
import PoTStore
import Testing

@Suite("Fork choice over stored candidates")
struct ForkChoiceStoreTests {
    @Test("FC-REORG: a heavier candidate at an open height takes over main")
    func heavierCandidateReorganizes() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.propose("alice", at: 1_700_000_001)
        let b = try f.propose("bob", at: 1_700_000_002)
        try f.vote("bob", height: 1, [a.id, b.id], [800_000, 200_000, 0])
        #expect(try f.store.advance().state.tip == a.id)
        // alice (10 000) now backs B; W(B) overtakes W(A).
        try f.vote("alice", height: 1, [a.id, b.id], [0, 1_000_000, 0])
        let result = try f.store.advance()
        #expect(result.state.tip == b.id)
        #expect(result.reorganized)
        #expect(try f.store.mainCommit() == b.commit)
    }

    @Test("FC-FINAL: fork choice never reverts a final height, however heavy the rival")
    func finalHeightIsNeverReverted() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.propose("alice", at: 1_700_000_001, canonical: true)
        try f.propose("alice", at: 1_700_000_002, canonical: true)
        try f.propose("alice", at: 1_700_000_003, canonical: true)
        #expect(try f.store.currentState().finalizedHeight == 1)
        // A rival at the final height 1, with every member behind it.
        let rival = try f.writeEmptyBlock("bob", height: 1, parent: f.store.chainId, parentCommit: f.store.genesisCommit, at: 1_700_000_009)
        for voter in ["alice", "bob", "carol"] {
            try f.vote(voter, height: 1, [rival.id, a.id], [1_000_000, 0, 0])
        }
        let result = try f.store.advance()
        #expect(!result.moved)
        #expect(result.state.height == 3)
        #expect(try f.store.replayFromGenesis().applied.first?.block.id == a.id)
    }

    @Test("EQV-STORE: two different votes by one voter are not counted, and the next block carries the evidence")
    func equivocationIsPenalized() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.propose("alice", at: 1_700_000_001)
        let b = try f.propose("bob", at: 1_700_000_002)
        try f.vote("carol", height: 1, [a.id, b.id], [1_000_000, 0, 0])
        try f.vote("carol", height: 1, [a.id, b.id], [0, 1_000_000, 0])
        try f.vote("bob", height: 1, [a.id, b.id], [0, 1_000_000, 0])
        let result = try f.store.advance()
        let decision = try #require(result.decisions.first)
        #expect(decision.tally.equivocators == [f.key("carol").publicKey])
        #expect(decision.tally.totalTrust == 5_000)
        #expect(result.state.tip == b.id)
        let next = try f.propose("alice", at: 1_700_000_010, canonical: true)
        #expect(next.payload.evidence.count == 1)
        #expect(next.payload.votes.count == 2)
        #expect(try f.store.currentState().accounts[f.key("carol").publicKey]?.balance == 4_500)
    }
}

@Suite("Store objects")
struct StoreObjectTests {
    @Test("SIG-CHAIN: the store refuses a vote signed for another chain")
    func voteForAnotherChainRefused() throws {
        let f = try StoreFixture()
        let g = try StoreFixture(balances: [("alice", 1), ("bob", 2), ("carol", 3)])
        defer { f.remove(); g.remove() }
        let block = try f.propose("alice", at: 1_700_000_001)
        let vote = try Vote(voter: f.key("alice").publicKey, height: 1, candidates: [block.id], probsPpm: [1_000_000, 0])
        let foreign = SignedVote.sign(vote, with: f.key("alice"), chain: g.store.chainId)
        #expect(throws: StoreError.self) { try f.store.addVote(foreign) }
        do { try f.store.addVote(foreign) } catch { #expect("\(error)".contains("another chain")) }
    }

    @Test("GIT-COMMIT: every block commit on main is rebuilt byte for byte from its header")
    func blockCommitsAreRebuildable() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        for t in 1...3 { try f.propose("alice", at: 1_700_000_000 + UInt64(t), canonical: true) }
        var parent = f.store.genesisCommit
        for applied in try f.store.replayFromGenesis().applied {
            let rebuilt = try f.store.blockCommit(for: applied.block.header, parentCommit: parent)
            #expect(rebuilt == applied.block.commit)
            let info = try f.store.git.readCommit(rebuilt)
            #expect(info.message == "pot: block h=\(applied.block.height) id=\(applied.block.id.hex)\n")
            #expect(info.committer.time == Int64(applied.block.header.timestamp))
            parent = rebuilt
        }
    }

    @Test("GIT-TRANSFER: a pending transfer is carried by the next block and leaves the pending set")
    func pendingTransferIsCarried() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let tx = TrustTransfer(from: f.key("bob").publicKey, to: f.key("carol").publicKey, amount: 250, nonce: 1)
        try f.store.addTransfer(SignedTransfer.sign(tx, with: f.key("bob"), chain: f.store.chainId))
        let block = try f.propose("alice", at: 1_700_000_001, canonical: true)
        #expect(block.payload.transfers.count == 1)
        let state = try f.store.currentState()
        #expect(state.accounts[f.key("bob").publicKey]?.balance == 4_750)
        #expect(state.accounts[f.key("carol").publicKey]?.balance == 5_250)
        #expect(state.accounts[f.key("bob").publicKey]?.nonce == 1)
        // A second transfer under the same nonce is refused by the store.
        let other = TrustTransfer(from: f.key("bob").publicKey, to: f.key("alice").publicKey, amount: 1, nonce: 1)
        #expect(throws: StoreError.self) { try f.store.addTransfer(SignedTransfer.sign(other, with: f.key("bob"), chain: f.store.chainId)) }
    }
}

@Suite("Pruning")
struct PruneTests {
    @Test("GIT-PRUNE: pending votes of final heights and used transfers are pruned, and stay in their blocks")
    func pruneDropsWhatNoLongerMatters() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let a = try f.propose("alice", at: 1_700_000_001, canonical: true)
        try f.vote("bob", height: 1, [a.id], [1_000_000, 0])
        let tx = TrustTransfer(from: f.key("bob").publicKey, to: f.key("carol").publicKey, amount: 7, nonce: 1)
        try f.store.addTransfer(SignedTransfer.sign(tx, with: f.key("bob"), chain: f.store.chainId))
        let carrier = try f.propose("alice", at: 1_700_000_002, canonical: true)
        #expect(carrier.payload.votes.count == 1 && carrier.payload.transfers.count == 1)
        #expect(try f.store.prune() == 0)   // height 1 is not final yet, nor is the transfer's block
        try f.propose("alice", at: 1_700_000_003, canonical: true)
        try f.propose("alice", at: 1_700_000_004, canonical: true)
        #expect(try f.store.prune() == 2)
        var problems: [String] = []
        #expect(try f.store.allPendingVotes(problems: &problems).isEmpty)
        #expect(try f.store.pendingTransfers(problems: &problems).isEmpty)
        #expect(try f.store.loadBlock(height: 2, id: carrier.id).payload == carrier.payload)
    }
}

@Suite("Hostile records")
struct HostileRecordTests {
    @Test("GIT-COMMIT: fork choice rejects a candidate whose block commit does not match its header")
    func mismatchedCommitIsRejected() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let chain = f.store.chainId
        let honest = try f.propose("alice", at: 1_700_000_001)
        // bob's header claims the empty tree, but the commit under his record carries a file.
        let header = try BlockHeader(height: 1, parent: chain, proposer: f.key("bob").publicKey, timestamp: 1_700_000_002,
                                     tree: GitRepository.emptyTree.bytes, codeCommits: [], payloadRoot: Payload().root(chain: chain))
        let signed = SignedHeader.sign(header, with: f.key("bob"), chain: chain)
        let git = f.store.git
        let blob = try git.writeBlob(Array("surprise".utf8))
        let tree = try git.writeTree([GitTreeEntry(name: "payload.sh", oid: blob, mode: 0o100644)])
        let identity = GitSignature(name: "pot", email: "pot@pot.invalid", time: 1_700_000_002, offsetMinutes: 0)
        let commit = try git.writeCommit(tree: tree, parents: [f.store.genesisCommit], author: identity, committer: identity,
                                         message: "pot: block h=1 id=\(signed.id(chain: chain).hex)\n")
        let recordTree = try git.writeTree([
            GitTreeEntry(name: "header", oid: try git.writeBlob(signed.encoded()), mode: 0o100644),
            GitTreeEntry(name: "payload", oid: try git.writeBlob(Payload().encoded()), mode: 0o100644),
        ])
        let record = try git.writeCommit(tree: recordTree, parents: [commit], author: identity, committer: identity, message: "pot: record\n")
        try git.setReference("refs/pot/blocks/1/\(signed.id(chain: chain).hex)", to: record, message: "test")
        // Every member backs the hostile block; it must still not become canonical.
        for voter in ["alice", "bob", "carol"] {
            try f.vote(voter, height: 1, [signed.id(chain: chain), honest.id], [1_000_000, 0, 0])
        }
        let result = try f.store.advance()
        #expect(result.state.tip == honest.id)
        #expect(result.decisions.first?.rejected.map(\.id) == [signed.id(chain: chain)])
    }
}
