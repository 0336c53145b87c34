import Foundation
import GitKit
import PoTCore
import PoTStore
import Testing

/// Votes stored together (as a node stores what one peer sent at once).
@Suite struct VoteBatchTests {
    @Test func aLargeBatchIsOnePackAndReadsBackLikeSingleVotes() throws {
        let members = (0..<20).map { ("m\($0)", UInt64(1000)) }
        let fixture = try StoreFixture(balances: members)
        defer { fixture.remove() }
        let block = try fixture.propose("m0", at: 1_700_000_001)
        let chain = fixture.store.chainId
        let votes = try members.map { label, _ in
            let signed = SignedVote.sign(try Vote(voter: fixture.key(label).publicKey, height: 1, candidates: [block.id], probsPpm: [700_000, 300_000]),
                                         with: fixture.key(label), chain: chain)
            return (signed: signed, id: signed.id(chain: chain))
        }
        let packsBefore = try packCount(fixture)
        #expect(try fixture.store.storeVotes(votes + [votes[0]]) == votes.map(\.id))
        #expect(try packCount(fixture) == packsBefore + 1)
        #expect(try fixture.store.storeVotes(votes).isEmpty)  // all there already
        var problems: [String] = []
        let pending = try fixture.store.pendingVotes(height: 1, problems: &problems)
        #expect(problems.isEmpty)
        #expect(Set(pending.map { $0.signed.id(chain: chain) }) == Set(votes.map(\.id)))

        // The block that carries them, finalization, and pruning of the packed refs.
        _ = try fixture.store.advance()
        try fixture.propose("m1", at: 1_700_000_100, canonical: true)
        try fixture.propose("m2", at: 1_700_000_200, canonical: true)
        try fixture.propose("m3", at: 1_700_000_300, canonical: true)
        #expect(try fixture.store.currentStates().tip.finalizedHeight >= 1)
        #expect(try fixture.store.prune() >= votes.count)
        #expect(try fixture.store.git.references(matching: ChainLayout.votesGlob(height: 1)).isEmpty)
        let fsck = Process()
        fsck.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        fsck.arguments = ["-C", fixture.directory, "fsck", "--strict", "--full", "--no-dangling"]
        try fsck.run()
        fsck.waitUntilExit()
        #expect(fsck.terminationStatus == 0)
    }

    @Test func aSmallBatchStaysLoose() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let block = try fixture.propose("alice", at: 1_700_000_001)
        let chain = fixture.store.chainId
        let votes = try ["alice", "bob"].map { label in
            let signed = SignedVote.sign(try Vote(voter: fixture.key(label).publicKey, height: 1, candidates: [block.id], probsPpm: [1_000_000, 0]),
                                         with: fixture.key(label), chain: chain)
            return (signed: signed, id: signed.id(chain: chain))
        }
        let packsBefore = try packCount(fixture)
        #expect(try fixture.store.storeVotes(votes).count == 2)
        #expect(try packCount(fixture) == packsBefore)
        for vote in votes {
            let ref = ChainLayout.voteRef(height: 1, voter: vote.signed.vote.voter, id: vote.id)
            #expect(FileManager.default.fileExists(atPath: fixture.directory + "/.git/" + ref))
        }
    }

    private func packCount(_ fixture: StoreFixture) throws -> Int {
        let directory = fixture.directory + "/.git/objects/pack"
        return (try? FileManager.default.contentsOfDirectory(atPath: directory))?.filter { $0.hasSuffix(".pack") }.count ?? 0
    }
}
