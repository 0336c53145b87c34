import Testing
@testable import PoTContracts

@Suite("Leader election")
struct ElectionTests {
    @Test("TestStartAsFollower")
    func startAsFollower() {
        let node = makeNode(1)
        #expect(node.role == .follower)
        #expect(node.term == 0)
        #expect(node.leader == nil)
        #expect(node.hardState == HardState())
    }

    @Test("TestFollowerStartElection / TestCandidateStartNewElection", arguments: [RaftRole.follower, .candidate])
    func nonLeaderStartsElection(from role: RaftRole) {
        let electionTimeout = 10
        var node = makeNode(1, election: electionTimeout)
        if role == .follower {
            node.becomeFollower(term: 1, leader: 2)
        } else {
            node.becomeCandidate()
        }
        // The randomised timeout is at most 2 * electionTimeout - 1 ticks.
        let sent = node.tick(times: 2 * electionTimeout - 1)
        #expect(node.term == 2)
        #expect(node.role == .candidate)
        #expect(node.votedFor == 1)
        #expect(node.votes[1] == true)
        #expect(sent == [
            message(1, 2, term: 2, .vote(lastLogIndex: 0, lastLogTerm: 0)),
            message(1, 3, term: 2, .vote(lastLogIndex: 0, lastLogTerm: 0)),
        ])
    }

    struct OneRoundCase: Sendable, CustomTestStringConvertible {
        var size: Int
        var votes: [UInt64: Bool]
        var expected: RaftRole
        var testDescription: String {
            let shown = votes.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value ? "yes" : "no")" }
            return "\(size) nodes, votes [\(shown.joined(separator: " "))] -> \(expected)"
        }
    }

    static let oneRoundCases: [OneRoundCase] = [
        // Win the election when a majority grants.
        OneRoundCase(size: 1, votes: [:], expected: .leader),
        OneRoundCase(size: 3, votes: [2: true, 3: true], expected: .leader),
        OneRoundCase(size: 3, votes: [2: true], expected: .leader),
        OneRoundCase(size: 5, votes: [2: true, 3: true, 4: true, 5: true], expected: .leader),
        OneRoundCase(size: 5, votes: [2: true, 3: true, 4: true], expected: .leader),
        OneRoundCase(size: 5, votes: [2: true, 3: true], expected: .leader),
        // Return to follower when a majority rejects.
        OneRoundCase(size: 3, votes: [2: false, 3: false], expected: .follower),
        OneRoundCase(size: 5, votes: [2: false, 3: false, 4: false, 5: false], expected: .follower),
        OneRoundCase(size: 5, votes: [2: true, 3: false, 4: false, 5: false], expected: .follower),
        // Stay candidate without a decision.
        OneRoundCase(size: 3, votes: [:], expected: .candidate),
        OneRoundCase(size: 5, votes: [2: true], expected: .candidate),
        OneRoundCase(size: 5, votes: [2: false, 3: false], expected: .candidate),
        OneRoundCase(size: 5, votes: [:], expected: .candidate),
    ]

    @Test("TestLeaderElectionInOneRoundRPC", arguments: oneRoundCases)
    func leaderElectionInOneRound(_ testCase: OneRoundCase) {
        var node = makeNode(1, voters: voterIDs(testCase.size))
        _ = node.campaign()
        for (voter, granted) in testCase.votes.sorted(by: { $0.key < $1.key }) {
            _ = node.step(message(voter, 1, term: node.term, .voteResponse(granted: granted)))
        }
        #expect(node.role == testCase.expected)
        #expect(node.term == 1)
    }

    @Test("TestLeaderElection / TestLeaderElectionPreVote", arguments: [false, true])
    func leaderElection(preVote: Bool) {
        let stuckRole: RaftRole = preVote ? .preCandidate : .candidate
        let stuckTerm: UInt64 = preVote ? 0 : 1
        // A node whose log is ahead of node 1's, at the same term.
        func ahead(_ id: UInt64, _ terms: [UInt64]) -> Network.Slot {
            .node(makeNode(id, voters: voterIDs(5), preVote: preVote,
                           hardState: HardState(term: terms.last!), entries: log(terms: terms)))
        }
        let cases: [(network: Network, role: RaftRole, term: UInt64, label: String)] = [
            (Network(size: 3, preVote: preVote), .leader, 1, "3 nodes"),
            (Network(size: 3, dead: [3], preVote: preVote), .leader, 1, "3 nodes, 1 dead"),
            (Network(size: 3, dead: [2, 3], preVote: preVote), stuckRole, stuckTerm, "3 nodes, 2 dead"),
            (Network(size: 4, dead: [2, 3], preVote: preVote), stuckRole, stuckTerm, "4 nodes, 2 dead"),
            (Network(size: 5, dead: [2, 3], preVote: preVote), .leader, 1, "5 nodes, 2 dead"),
            // Three logs further along, in the same term: rejections come back instead of silence.
            (Network([.fresh, ahead(2, [1]), ahead(3, [1]), ahead(4, [1, 1]), .fresh], preVote: preVote),
             .follower, 1, "5 nodes, 3 with longer logs"),
        ]
        for testCase in cases {
            var network = testCase.network
            network.campaign(1)
            #expect(network[1].role == testCase.role, "\(testCase.label)")
            #expect(network[1].term == testCase.term, "\(testCase.label)")
        }
    }

    @Test("TestLeaderCycle / TestLeaderCyclePreVote", arguments: [false, true])
    func leaderCycle(preVote: Bool) {
        var network = Network(size: 3, preVote: preVote)
        for campaigner in network.ids {
            network.campaign(campaigner)
            for id in network.ids {
                #expect(network[id].role == (id == campaigner ? .leader : .follower))
            }
        }
    }

    @Test("TestDuelingCandidates")
    func duelingCandidates() {
        var network = Network(size: 3)
        network.cut(1, 3)
        network.campaign(1)
        network.campaign(3)
        // 1 wins with 2's vote; 3 stays candidate because 2 already voted in term 1.
        #expect(network[1].role == .leader)
        #expect(network[3].role == .candidate)

        network.recover()
        // 3 campaigns again at term 2. Its log is too short, so 1 and 2 reject it,
        // but they adopt the higher term, which deposes the leader.
        network.campaign(3)
        let replicated = [LogEntry(index: 1, term: 1)]
        for id: UInt64 in [1, 2] {
            #expect(network[id].role == .follower)
            #expect(network[id].term == 2)
            #expect(network[id].log.entries == replicated)
            #expect(network[id].commitIndex == 1)
        }
        #expect(network[3].role == .follower)
        #expect(network[3].term == 2)
        #expect(network[3].log.entries.isEmpty)
    }

    @Test("TestDuelingPreCandidates")
    func duelingPreCandidates() {
        var network = Network(size: 3, preVote: true)
        network.cut(1, 3)
        network.campaign(1)
        network.campaign(3)
        // 1 wins; 3's PreVote is rejected by 2, which tells 3 the current term.
        #expect(network[1].role == .leader)
        #expect(network[3].role == .follower)

        network.recover()
        // With PreVote, 3 cannot disrupt the leader: nobody bumps their term.
        network.campaign(3)
        let replicated = [LogEntry(index: 1, term: 1)]
        #expect(network[1].role == .leader)
        #expect(network[2].role == .follower)
        #expect(network[3].role == .follower)
        for id: UInt64 in [1, 2, 3] {
            #expect(network[id].term == 1)
        }
        #expect(network[1].log.entries == replicated)
        #expect(network[2].log.entries == replicated)
        #expect(network[1].commitIndex == 1)
        #expect(network[2].commitIndex == 1)
        #expect(network[3].log.entries.isEmpty)
    }

    @Test("TestCandidateFallback", arguments: [UInt64(1), 2])
    func candidateFallback(leaderTerm: UInt64) {
        var node = makeNode(1)
        _ = node.campaign()
        #expect(node.role == .candidate)
        #expect(node.term == 1)
        _ = node.step(message(2, 1, term: leaderTerm, .append(prevLogIndex: 0, prevLogTerm: 0, entries: [], commit: 0)))
        #expect(node.role == .follower)
        #expect(node.term == leaderTerm)
        #expect(node.leader == 2)
    }

    @Test("TestCandidateConcede")
    func candidateConcede() {
        var network = Network(size: 3)
        network.isolate(1)
        network.campaign(1)
        network.campaign(3)
        network.recover()
        // Heartbeat: candidate 1 meets the leader of its own term and concedes.
        network.tick(3)
        network.propose(3, Array("force follower".utf8))
        network.tick(3)
        #expect(network[1].role == .follower)
        #expect(network[1].term == 1)
        let expected = [LogEntry(index: 1, term: 1), LogEntry(index: 2, term: 1, data: Array("force follower".utf8))]
        for id in network.ids {
            #expect(network[id].log.entries == expected)
            #expect(network[id].commitIndex == 2)
        }
    }

    @Test("TestSingleNodeCandidate / TestSingleNodePreCandidate", arguments: [false, true])
    func singleNodeCandidate(preVote: Bool) {
        var network = Network(size: 1, preVote: preVote)
        network.campaign(1)
        #expect(network[1].role == .leader)
        #expect(network[1].term == 1)
        #expect(network[1].commitIndex == 1)
    }

    @Test("TestCampaignWhileLeader / TestPreCampaignWhileLeader", arguments: [false, true])
    func campaignWhileLeader(preVote: Bool) {
        var node = makeNode(1, voters: [1], election: 5, preVote: preVote)
        _ = node.campaign()
        #expect(node.role == .leader)
        let term = node.term
        #expect(node.campaign().isEmpty)
        #expect(node.role == .leader)
        #expect(node.term == term)
    }

    @Test("String identifiers work too (generic ID)")
    func stringIdentifiers() throws {
        let committee = ["alice", "bob", "carol"]
        var nodes = try committee.enumerated().map { index, name in
            try RaftNode(config: RaftConfig(id: name, voters: committee, seed: UInt64(index)))
        }
        var queue = nodes[2].campaign()
        while !queue.isEmpty {
            let next = queue.removeFirst()
            let recipient = committee.firstIndex(of: next.to)!
            queue += nodes[recipient].step(next)
        }
        #expect(nodes[2].role == .leader)
        #expect(nodes[0].leader == "carol")
        #expect(nodes[2].grantedVotes == ["alice", "bob", "carol"])
    }
}
