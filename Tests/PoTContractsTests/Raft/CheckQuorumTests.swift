import Testing
@testable import PoTContracts

@Suite("CheckQuorum and the leader lease")
struct CheckQuorumTests {
    static func leader(election: Int) -> Node {
        var node = makeNode(1, election: election, checkQuorum: true)
        node.becomeCandidate()
        node.becomeLeader()
        _ = node.takeMessages()
        return node
    }

    @Test("TestLeaderStepdownWhenQuorumActive")
    func stepdownWhenQuorumActive() {
        var node = Self.leader(election: 5)
        for _ in 0 ..< 5 + 1 {
            _ = node.step(message(2, 1, term: node.term, .heartbeatResponse))
            _ = node.tick()
        }
        #expect(node.role == .leader)
    }

    @Test("TestLeaderStepdownWhenQuorumLost")
    func stepdownWhenQuorumLost() {
        var node = Self.leader(election: 5)
        _ = node.tick(times: 5 + 1)
        #expect(node.role == .follower)
        #expect(node.leader == nil)
        #expect(node.term == 1)
    }

    @Test("TestLeaderSupersedingWithCheckQuorum")
    func leaderSuperseding() {
        var network = Network(size: 3, checkQuorum: true)
        network[2].randomizedElectionTimeout = 11
        _ = network[2].tick(times: 10)
        network.campaign(1)
        #expect(network[1].role == .leader)
        #expect(network[3].role == .follower)

        network.campaign(3)
        // 2 heard from the leader within the election timeout and ignores 3.
        #expect(network[3].role == .candidate)

        // Once 2's lease runs out it votes for 3.
        _ = network[2].tick(times: 10)
        network.campaign(3)
        #expect(network[3].role == .leader)
    }

    @Test("TestLeaderElectionWithCheckQuorum")
    func leaderElectionWithCheckQuorum() {
        var network = Network(size: 3, checkQuorum: true)
        network[1].randomizedElectionTimeout = 11
        network[2].randomizedElectionTimeout = 12
        // Right after creation nobody knows a leader, so votes are cast freely.
        network.campaign(1)
        #expect(network[1].role == .leader)
        #expect(network[3].role == .follower)

        network[1].randomizedElectionTimeout = 11
        network[2].randomizedElectionTimeout = 12
        _ = network[1].tick(times: 10)
        _ = network[2].tick(times: 10)
        network.campaign(3)
        #expect(network[1].role == .follower)
        #expect(network[3].role == .leader)
    }

    @Test("TestFreeStuckCandidateWithCheckQuorum")
    func freeStuckCandidate() {
        var network = Network(size: 3, checkQuorum: true)
        network[2].randomizedElectionTimeout = 11
        _ = network[2].tick(times: 10)
        network.campaign(1)

        network.isolate(1)
        network.campaign(3)
        #expect(network[2].role == .follower)
        #expect(network[3].role == .candidate)
        #expect(network[3].term == network[2].term + 1)

        // Vote again for safety.
        network.campaign(3)
        #expect(network[2].role == .follower)
        #expect(network[3].role == .candidate)
        #expect(network[3].term == network[2].term + 2)

        network.recover()
        network.send([message(1, 3, term: network[1].term, .heartbeat(commit: 0))])
        // The stuck candidate's answer disrupts the leader, freeing it.
        #expect(network[1].role == .follower)
        #expect(network[3].term == network[1].term)

        network.campaign(3)
        #expect(network[3].role == .leader)
    }

    @Test("An isolated leader steps down after at most two CheckQuorum rounds (network)")
    func isolatedLeaderStepsDown() {
        var network = Network(size: 5, checkQuorum: true)
        network.campaign(1)
        network.isolate(1)
        // Acknowledgements from before the partition still count for the first round.
        for _ in 0 ..< 10 {
            network.tick(1)
        }
        #expect(network[1].role == .leader)
        for _ in 0 ..< 10 {
            network.tick(1)
        }
        #expect(network[1].role == .follower)
        #expect(network[1].term == 1)
    }
}
