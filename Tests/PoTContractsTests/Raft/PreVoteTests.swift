import Testing
@testable import PoTContracts

@Suite("PreVote")
struct PreVoteTests {
    /// Three nodes that already sit at term 1, as etcd's tests arrange with `becomeFollower(1, None)`.
    static func threeNodesAtTermOne(preVote: Bool, checkQuorum: Bool) -> Network {
        Network(voterIDs(3).map { id in
            .node(makeNode(id, preVote: preVote, checkQuorum: checkQuorum, hardState: HardState(term: 1)))
        })
    }

    @Test("TestPreVoteWithSplitVote")
    func preVoteWithSplitVote() {
        var network = Self.threeNodesAtTermOne(preVote: true, checkQuorum: false)
        network.campaign(1)
        // The leader goes away; both followers time out at once.
        network.isolate(1)
        let fromTwo = network[2].campaign()
        let fromThree = network[3].campaign()
        network.send(fromTwo + fromThree)
        // Both pass PreVote, then split the real vote at term 3.
        #expect(network[2].term == 3)
        #expect(network[3].term == 3)
        #expect(network[2].role == .candidate)
        #expect(network[3].role == .candidate)

        // Node 2 times out first and wins the next round.
        network.campaign(2)
        #expect(network[2].term == 4)
        #expect(network[3].term == 4)
        #expect(network[2].role == .leader)
        #expect(network[3].role == .follower)
    }

    @Test("TestNodeWithSmallerTermCanCompleteElection")
    func nodeWithSmallerTermCanCompleteElection() {
        var network = Self.threeNodesAtTermOne(preVote: true, checkQuorum: false)
        network.cut(1, 3)
        network.cut(2, 3)
        network.campaign(1)
        #expect(network[1].role == .leader)
        #expect(network[2].role == .follower)

        network.campaign(3)
        #expect(network[3].role == .preCandidate)

        network.campaign(2)
        #expect(network[1].term == 3)
        #expect(network[2].term == 3)
        #expect(network[3].term == 1)
        #expect(network[1].role == .follower)
        #expect(network[2].role == .leader)
        #expect(network[3].role == .preCandidate)

        // Bring 3 back and crash the leader 2.
        network.recover()
        network.cut(2, 1)
        network.cut(2, 3)
        network.campaign(3)
        network.campaign(1)
        #expect(network[1].role == .leader || network[3].role == .leader)
    }

    @Test("TestDisruptiveFollower")
    func disruptiveFollower() {
        var network = Self.threeNodesAtTermOne(preVote: false, checkQuorum: true)
        network.campaign(1)
        #expect(network[1].role == .leader)

        // The leader's heartbeats to 3 are late: 3's election timer runs out
        // and its vote requests stay queued.
        var queued: [Message] = []
        while network[3].role == .follower {
            queued += network[3].tick()
        }
        #expect(queued.ofType(.vote).count == 2)
        #expect(network[1].role == .leader)
        #expect(network[2].role == .follower)
        #expect(network[3].role == .candidate)
        #expect(network[1].term == 2)
        #expect(network[2].term == 2)
        #expect(network[3].term == 3)

        // The delayed heartbeat (term 2) finally reaches candidate 3, which
        // answers with its higher term and so deposes the leader.
        network.send([message(1, 3, term: 2, .heartbeat(commit: 0))])
        #expect(network[1].role == .follower)
        #expect(network[2].role == .follower)
        #expect(network[3].role == .candidate)
        #expect(network[1].term == 3)
        #expect(network[2].term == 2)
        #expect(network[3].term == 3)
    }

    @Test("TestDisruptiveFollowerPreVote")
    func disruptiveFollowerPreVote() {
        var network = Self.threeNodesAtTermOne(preVote: true, checkQuorum: true)
        network.campaign(1)
        network.isolate(3)
        network.propose(1)
        network.propose(1)
        network.propose(1)
        network.recover()

        network.campaign(3)
        // Both peers are within the leader lease and ignore the PreVote.
        #expect(network[1].role == .leader)
        #expect(network[2].role == .follower)
        #expect(network[3].role == .preCandidate)
        for id in network.ids {
            #expect(network[id].term == 2)
        }

        // The delayed heartbeat does not depose the leader this time.
        network.send([message(1, 3, term: network[1].term, .heartbeat(commit: 0))])
        #expect(network[1].role == .leader)
        #expect(network[3].role == .follower)
        #expect(network[3].leader == 1)
    }

    @Test("TestPreVoteWithCheckQuorum")
    func preVoteWithCheckQuorum() {
        var network = Self.threeNodesAtTermOne(preVote: true, checkQuorum: true)
        network.campaign(1)
        network.isolate(1)
        #expect(network[1].role == .leader)
        #expect(network[2].role == .follower)
        #expect(network[3].role == .follower)

        // 2 ignores 3's PreVote (lease); 3, now leaderless, grants 2's.
        network.campaign(3)
        network.campaign(2)
        #expect(network[2].role == .leader)
        #expect(network[3].role == .follower)
    }

    @Test("A partitioned node rejoining does not depose the leader (PreVote + CheckQuorum)")
    func rejoiningNodeDoesNotDepose() {
        var network = Network(size: 5, preVote: true, checkQuorum: true)
        network.campaign(1)
        network.isolate(5)
        for _ in 0 ..< 100 {
            network.tickAll()
        }
        // Node 5 kept pre-campaigning without ever bumping its term.
        #expect(network[5].term == 1)
        #expect(network[5].role == .preCandidate)
        network.propose(1)
        network.propose(1)

        network.recover()
        for _ in 0 ..< 30 {
            network.tickAll()
        }
        #expect(network[1].role == .leader)
        for id in network.ids {
            #expect(network[id].term == 1)
            #expect(network[id].leader == 1)
            #expect(network[id].log == network[1].log)
        }
    }

    @Test("Without PreVote the rejoining node's higher term deposes the leader (contrast)")
    func rejoiningNodeDisruptsWithoutPreVote() {
        var network = Network(size: 5, preVote: false, checkQuorum: true)
        network.campaign(1)
        network.isolate(5)
        for _ in 0 ..< 100 {
            network.tickAll()
        }
        #expect(network[5].term > 1)
        network.propose(1)

        network.recover()
        for _ in 0 ..< 60 {
            network.tickAll()
        }
        // Some leader exists again, but term 1 is over.
        #expect(network.ids.contains { network[$0].role == .leader })
        #expect(network[1].term > 1)
    }
}
