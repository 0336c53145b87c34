import Testing
@testable import PoTContracts

@Suite("Terms: step-down and stale messages")
struct TermTests {
    static let emptyAppend = Message.Kind.append(prevLogIndex: 0, prevLogTerm: 0, entries: [], commit: 0)

    @Test("TestFollowerUpdateTermFromMessage / TestCandidateUpdateTermFromMessage / TestLeaderUpdateTermFromMessage",
          arguments: [RaftRole.follower, .candidate, .leader])
    func updateTermFromMessage(role: RaftRole) {
        var node = makeNode(1)
        switch role {
        case .follower:
            node.becomeFollower(term: 1, leader: 2)
        case .candidate:
            node.becomeCandidate()
        case .leader, .preCandidate:
            node.becomeCandidate()
            node.becomeLeader()
        }
        _ = node.step(message(2, 1, term: 2, Self.emptyAppend))
        #expect(node.term == 2)
        #expect(node.role == .follower)
        #expect(node.leader == 2)
    }

    @Test("TestAllServerStepdown", arguments: RaftRole.allCases)
    func allServerStepdown(role: RaftRole) {
        var node = makeNode(1)
        switch role {
        case .follower: node.becomeFollower(term: 1, leader: nil)
        case .preCandidate: node.becomePreCandidate()
        case .candidate: node.becomeCandidate()
        case .leader:
            node.becomeCandidate()
            node.becomeLeader()
        }
        let expectedLastIndex: UInt64 = role == .leader ? 1 : 0
        let higherTerm: UInt64 = 3
        let requests: [(Message.Kind, UInt64?)] = [
            (.vote(lastLogIndex: 0, lastLogTerm: higherTerm), nil),
            (.append(prevLogIndex: 0, prevLogTerm: higherTerm, entries: [], commit: 0), 2),
        ]
        for (kind, expectedLeader) in requests {
            _ = node.step(message(2, 1, term: higherTerm, kind))
            #expect(node.role == .follower)
            #expect(node.term == higherTerm)
            #expect(node.log.lastIndex == expectedLastIndex)
            #expect(node.leader == expectedLeader)
        }
    }

    @Test("TestStepIgnoreOldTermMsg", arguments: [false, true])
    func ignoreOldTermMessage(checkQuorum: Bool) {
        var node = makeNode(1, checkQuorum: checkQuorum, hardState: HardState(term: 2))
        let before = node
        let replies = node.step(message(2, 1, term: 1, .append(
            prevLogIndex: 0, prevLogTerm: 0, entries: [LogEntry(index: 1, term: 1)], commit: 1)))
        #expect(node.log == before.log)
        #expect(node.term == 2)
        #expect(node.role == .follower)
        #expect(node.leader == nil)
        if checkQuorum {
            // Answering with the newer term makes the stale leader step down.
            #expect(replies == [message(1, 2, term: 2, .appendResponse(index: 0, rejection: nil))])
        } else {
            #expect(replies.isEmpty)
        }
    }

    @Test("Stale-term votes are ignored, stale PreVotes rejected with the current term (etcd Step, m.Term < r.Term)")
    func staleVotes() {
        var node = makeNode(1, hardState: HardState(term: 3))
        #expect(node.step(message(2, 1, term: 2, .vote(lastLogIndex: 9, lastLogTerm: 9))).isEmpty)
        #expect(node.step(message(2, 1, term: 2, .voteResponse(granted: true))).isEmpty)
        #expect(node.step(message(2, 1, term: 2, .preVote(lastLogIndex: 9, lastLogTerm: 9)))
            == [message(1, 2, term: 3, .preVoteResponse(granted: false))])
        #expect(node.hardState == HardState(term: 3))
    }

    @Test("A rejected PreVote moves the pre-candidate to the rejecter's term")
    func preVoteRejectionCarriesTerm() {
        var node = makeNode(1, preVote: true, hardState: HardState(term: 1))
        _ = node.campaign()
        #expect(node.role == .preCandidate)
        #expect(node.term == 1)
        _ = node.step(message(2, 1, term: 5, .preVoteResponse(granted: false)))
        #expect(node.role == .follower)
        #expect(node.term == 5)
    }

    @Test("TestOldMessages")
    func oldMessages() {
        var network = Network(size: 3)
        // Make 1 leader at term 3.
        network.campaign(1)
        network.campaign(2)
        network.campaign(1)
        #expect(network[1].role == .leader)
        #expect(network[1].term == 3)
        // An old leader of term 2 tries to make progress; it must be ignored.
        network.send([message(2, 1, term: 2, .append(
            prevLogIndex: 2, prevLogTerm: 2, entries: [LogEntry(index: 3, term: 2)], commit: 0))])
        network.propose(1)
        let expected = [
            LogEntry(index: 1, term: 1),
            LogEntry(index: 2, term: 2),
            LogEntry(index: 3, term: 3),
            LogEntry(index: 4, term: 3, data: Array("somedata".utf8)),
        ]
        for id in network.ids {
            #expect(network[id].log.entries == expected)
            #expect(network[id].commitIndex == 4)
        }
    }

    @Test("Messages from non-voters, to other nodes, or with malformed appends are ignored")
    func ignoresForeignMessages() {
        var node = makeNode(1)
        #expect(node.step(message(9, 1, term: 5, .vote(lastLogIndex: 0, lastLogTerm: 0))).isEmpty)
        #expect(node.step(message(2, 3, term: 5, .vote(lastLogIndex: 0, lastLogTerm: 0))).isEmpty)
        let gap = Message.Kind.append(prevLogIndex: 0, prevLogTerm: 0, entries: [LogEntry(index: 2, term: 1)], commit: 0)
        #expect(node.step(message(2, 1, term: 5, gap)).isEmpty)
        let future = Message.Kind.append(prevLogIndex: 0, prevLogTerm: 0, entries: [LogEntry(index: 1, term: 6)], commit: 0)
        #expect(node.step(message(2, 1, term: 5, future)).isEmpty)
        #expect(node.term == 0)
    }

    @Test("Out-of-range indices from a peer are ignored instead of trapping")
    func outOfRangeIndices() {
        var node = makeNode(1)
        _ = node.campaign()
        _ = node.step(message(2, 1, term: 1, .voteResponse(granted: true)))
        #expect(node.role == .leader)
        let huge = UInt64.max
        _ = node.step(message(2, 1, term: 1, .appendResponse(index: huge, rejection: nil)))
        _ = node.step(message(2, 1, term: 1, .appendResponse(
            index: 0, rejection: AppendRejection(hintIndex: huge, hintTerm: huge))))
        _ = node.step(message(3, 1, term: 1, .appendResponse(
            index: 1, rejection: AppendRejection(hintIndex: huge, hintTerm: 0))))
        #expect(node.role == .leader)
        #expect(node.commitIndex == 0)

        var follower = makeNode(2)
        let overflow = Message.Kind.append(prevLogIndex: huge, prevLogTerm: 1, entries: [LogEntry(index: 0, term: 1)], commit: huge)
        #expect(follower.step(message(1, 2, term: 1, overflow)).isEmpty)
        _ = follower.step(message(1, 2, term: 1, .heartbeat(commit: huge)))
        #expect(follower.commitIndex == 0)
    }
}

