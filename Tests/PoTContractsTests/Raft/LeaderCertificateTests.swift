import Testing
@testable import PoTContracts

@Suite("Leader certificate, HardState and initialisation")
struct LeaderCertificateTests {
    @Test("The certificate lists the voters that granted the vote, and when")
    func certificateFromElection() {
        var network = Network(size: 5, dead: [4, 5], preVote: true, checkQuorum: true)
        for _ in 0 ..< 7 {
            network.tick(2)
        }
        network.campaign(1)
        let leader = network[1]
        #expect(leader.role == .leader)
        let certificate = leader.leaderCertificate
        #expect(certificate?.term == 1)
        #expect(certificate?.leader == 1)
        #expect(certificate?.voters == [1, 2, 3])
        #expect(certificate?.firstIndex == 1)
        #expect(certificate?.electedAtTick == 0)
        #expect(leader.grantedVotes == [1, 2, 3])
        #expect(network[2].grantedVotes.isEmpty)
        #expect(network[2].elapsedTicks == 7)
    }

    @Test("Late grants join the certificate; rejections and other terms do not")
    func lateGrants() {
        var node = makeNode(1, voters: voterIDs(5))
        _ = node.campaign()
        _ = node.step(message(2, 1, term: 1, .voteResponse(granted: true)))
        #expect(node.role == .candidate)
        #expect(node.grantedVotes == [1, 2])
        _ = node.step(message(5, 1, term: 1, .voteResponse(granted: false)))
        _ = node.step(message(3, 1, term: 1, .voteResponse(granted: true)))
        #expect(node.role == .leader)
        #expect(node.leaderCertificate?.voters == [1, 2, 3])
        _ = node.step(message(4, 1, term: 1, .voteResponse(granted: true)))
        #expect(node.grantedVotes == [1, 2, 3, 4])
        _ = node.step(message(5, 1, term: 0, .voteResponse(granted: true)))
        #expect(node.grantedVotes == [1, 2, 3, 4])

        // Stepping down clears it.
        _ = node.step(message(2, 1, term: 2, .heartbeat(commit: 0)))
        #expect(node.leaderCertificate == nil)
        #expect(node.grantedVotes.isEmpty)
    }

    @Test("PreVote grants are not votes")
    func preVoteGrantsAreNotVotes() {
        var node = makeNode(1, voters: voterIDs(5), preVote: true)
        _ = node.campaign()
        _ = node.step(message(2, 1, term: 1, .preVoteResponse(granted: true)))
        #expect(node.role == .preCandidate)
        #expect(node.grantedVotes.isEmpty)
        _ = node.step(message(3, 1, term: 1, .preVoteResponse(granted: true)))
        #expect(node.role == .candidate)
        #expect(node.grantedVotes == [1])
    }

    @Test("HardState tracks term, vote and commit; a restart restores them")
    func hardStateRoundTrip() {
        var network = Network(size: 3)
        network.campaign(1)
        network.propose(1)
        let follower = network[2]
        #expect(follower.hardState == HardState(term: 1, votedFor: 1, commit: 2))
        let restarted = makeNode(2, hardState: follower.hardState, entries: follower.log.entries)
        #expect(restarted.role == .follower)
        #expect(restarted.hardState == follower.hardState)
        #expect(restarted.log == follower.log)
        #expect(restarted.leader == nil)
    }

    @Test("Initialisation rejects inconsistent configuration or state")
    func initValidation() {
        func attempt(
            voters: [UInt64] = [1, 2, 3], election: Int = 10, heartbeat: Int = 1, maxEntries: Int = 64,
            hardState: HardState<UInt64> = HardState(), entries: [LogEntry] = []
        ) throws(RaftInitError) {
            let config = RaftConfig(id: 1, voters: voters, electionTimeout: election, heartbeatTimeout: heartbeat,
                                    seed: 1, maxEntriesPerAppend: maxEntries)
            _ = try RaftNode(config: config, hardState: hardState, entries: entries)
        }
        #expect(throws: RaftInitError.invalidTimeouts) { try attempt(election: 1, heartbeat: 1) }
        #expect(throws: RaftInitError.invalidTimeouts) { try attempt(heartbeat: 0) }
        #expect(throws: RaftInitError.invalidMaxEntriesPerAppend) { try attempt(maxEntries: 0) }
        #expect(throws: RaftInitError.duplicateVoter) { try attempt(voters: [1, 2, 2]) }
        #expect(throws: RaftInitError.notAVoter) { try attempt(voters: [2, 3]) }
        #expect(throws: RaftInitError.unknownVote) { try attempt(hardState: HardState(term: 1, votedFor: 9)) }
        #expect(throws: RaftInitError.nonContiguousLog) { try attempt(entries: [LogEntry(index: 2, term: 1)]) }
        #expect(throws: RaftInitError.commitBeyondLog) { try attempt(hardState: HardState(term: 1, commit: 1)) }
        #expect(throws: Never.self) { try attempt(hardState: HardState(term: 1, commit: 1), entries: log(terms: [1])) }
    }
}
