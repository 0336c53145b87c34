import Foundation
import GitKit
import PoTCore
import PoTStore
import Testing

@Suite("Replay from a known state")
struct IncrementalReplayTests {
    @Test("WEB-INCREMENTAL: the store replays only the blocks above a known state, and answers nil for a main that does not descend from it")
    func replaysOnlyTheNewBlocks() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let first = try f.propose("alice", at: 1_700_000_001, canonical: true)
        let second = try f.propose("alice", at: 1_700_000_002, canonical: true)
        let third = try f.propose("alice", at: 1_700_000_003, canonical: true)
        let store = f.store

        let one = try #require(try store.replay(from: store.genesisState, commit: store.genesisCommit, to: first.commit))
        #expect(one.applied.map(\.block.id) == [first.id])
        let rest = try #require(try store.replay(from: one.state, commit: first.commit, to: try store.mainCommit()))
        #expect(rest.applied.map(\.block.id) == [second.id, third.id])
        #expect(rest.state == (try store.currentState()))
        #expect(rest.applied.map(\.effects.finalized?.height) == (try store.replayFromGenesis().applied.suffix(2).map(\.effects.finalized?.height)))
        #expect(try store.replay(from: rest.state, commit: third.commit, to: third.commit)?.applied.isEmpty == true)

        // bob's rival of block 2 does not descend from block 3.
        let rival = try f.writeEmptyBlock("bob", height: 2, parent: first.id, parentCommit: first.commit, at: 1_700_000_009)
        #expect(try store.replay(from: rest.state, commit: third.commit, to: rival.commit) == nil)
        // A state that is not the one at the commit given is refused, not followed.
        #expect(throws: StoreError.self) { try store.replay(from: store.genesisState, commit: second.commit, to: third.commit) }
    }
}
