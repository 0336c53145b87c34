import Testing
@testable import PoTContracts

@Suite("Log replication")
struct ReplicationTests {
    static let data = Array("somedata".utf8)

    @Test("TestLogReplication")
    func logReplication() {
        var single = Network(size: 3)
        single.campaign(1)
        single.propose(1)
        var expected = [LogEntry(index: 1, term: 1), LogEntry(index: 2, term: 1, data: Self.data)]
        for id in single.ids {
            #expect(single[id].log.entries == expected)
            #expect(single[id].commitIndex == 2)
        }

        var changing = Network(size: 3)
        changing.campaign(1)
        changing.propose(1)
        changing.campaign(2)
        changing.propose(2)
        expected += [LogEntry(index: 3, term: 2), LogEntry(index: 4, term: 2, data: Self.data)]
        for id in changing.ids {
            #expect(changing[id].log.entries == expected)
            #expect(changing[id].commitIndex == 4)
        }
    }

    @Test("TestSingleNodeCommit")
    func singleNodeCommit() {
        var network = Network(size: 1)
        network.campaign(1)
        network.propose(1)
        network.propose(1)
        #expect(network[1].commitIndex == 3)
    }

    @Test("TestCannotCommitWithoutNewTermEntry")
    func cannotCommitWithoutNewTermEntry() {
        var network = Network(size: 5)
        network.campaign(1)
        // 1 can only reach 2: its two proposals are replicated on 2 of 5.
        network.cut(1, 3)
        network.cut(1, 4)
        network.cut(1, 5)
        network.propose(1)
        network.propose(1)
        #expect(network[1].commitIndex == 1)

        network.recover()
        // Keep 2's term-2 entry from spreading.
        network.ignore(.append)
        network.campaign(2)
        #expect(network[2].role == .leader)
        // Entries 2 and 3 are from term 1: the new leader may not commit them by
        // counting replicas, only through an entry of its own term.
        #expect(network[2].commitIndex == 1)

        network.recover()
        network.tick(2)
        network.propose(2)
        #expect(network[2].commitIndex == 5)
    }

    @Test("TestCommitWithoutNewTermEntry")
    func commitWithoutNewTermEntry() {
        var network = Network(size: 5)
        network.campaign(1)
        network.cut(1, 3)
        network.cut(1, 4)
        network.cut(1, 5)
        network.propose(1)
        network.propose(1)
        #expect(network[1].commitIndex == 1)

        network.recover()
        // The new leader's empty entry of term 2 commits everything before it.
        network.campaign(2)
        #expect(network[1].commitIndex == 4)
    }

    struct CurrentTermCase: Sendable, CustomTestStringConvertible {
        var acknowledged: UInt64
        var expectedCommit: UInt64
        var testDescription: String { "follower acknowledges \(acknowledged) -> commit \(expectedCommit)" }
    }

    @Test("TestLeaderOnlyCommitsLogFromCurrentTerm", arguments: [
        // Entries of earlier terms are not committed by counting replicas...
        CurrentTermCase(acknowledged: 1, expectedCommit: 0),
        CurrentTermCase(acknowledged: 2, expectedCommit: 0),
        // ...entries of the current term are.
        CurrentTermCase(acknowledged: 3, expectedCommit: 3),
    ])
    func leaderOnlyCommitsCurrentTerm(_ testCase: CurrentTermCase) throws {
        var node = makeNode(1, voters: [1, 2], hardState: HardState(term: 2), entries: log(terms: [1, 2]))
        _ = node.campaign()
        _ = node.step(message(2, 1, term: 3, .voteResponse(granted: true)))
        #expect(node.role == .leader)
        #expect(node.term == 3)
        _ = try node.propose([])
        _ = node.step(message(2, 1, term: 3, .appendResponse(index: testCase.acknowledged, rejection: nil)))
        #expect(node.commitIndex == testCase.expectedCommit)
    }

    @Test("TestLeaderCommitPrecedingEntries", arguments: [[], [2], [1, 2], [1]] as [[UInt64]])
    func leaderCommitsPrecedingEntries(previousTerms: [UInt64]) throws {
        var node = makeNode(1, hardState: HardState(term: 2), entries: log(terms: previousTerms))
        node.becomeCandidate()
        node.becomeLeader()
        var pending = try node.propose(Self.data).messages
        while !pending.isEmpty {
            let request = pending.removeFirst()
            guard case let .append(prevIndex, _, entries, _) = request.kind else { continue }
            let ack = message(request.to, 1, term: 3, .appendResponse(index: prevIndex + UInt64(entries.count), rejection: nil))
            pending += node.step(ack)
        }
        let last = UInt64(previousTerms.count)
        let expected = log(terms: previousTerms)
            + [LogEntry(index: last + 1, term: 3), LogEntry(index: last + 2, term: 3, data: Self.data)]
        #expect(Array(node.log.committedEntries(after: 0)) == expected)
    }

    struct AppendCase: Sendable, CustomTestStringConvertible {
        var prevIndex: UInt64
        var prevTerm: UInt64
        var commit: UInt64
        var entries: [LogEntry]
        var expectedIndex: UInt64
        var expectedCommit: UInt64
        var reject: Bool
        var testDescription: String {
            "prev \(prevIndex)@t\(prevTerm) + \(entries), commit \(commit) -> \(reject ? "reject" : "index \(expectedIndex), commit \(expectedCommit)")"
        }
    }

    static let appendCases: [AppendCase] = [
        // 1. Reject when the log has no entry at prevLogIndex with prevLogTerm.
        AppendCase(prevIndex: 2, prevTerm: 3, commit: 3, entries: [], expectedIndex: 2, expectedCommit: 0, reject: true),
        AppendCase(prevIndex: 3, prevTerm: 3, commit: 3, entries: [], expectedIndex: 2, expectedCommit: 0, reject: true),
        // 2. Append what is new, overwriting conflicts.
        AppendCase(prevIndex: 1, prevTerm: 1, commit: 1, entries: [], expectedIndex: 2, expectedCommit: 1, reject: false),
        AppendCase(prevIndex: 0, prevTerm: 0, commit: 1, entries: [LogEntry(index: 1, term: 2)],
                   expectedIndex: 1, expectedCommit: 1, reject: false),
        AppendCase(prevIndex: 2, prevTerm: 2, commit: 3, entries: [LogEntry(index: 3, term: 2), LogEntry(index: 4, term: 2)],
                   expectedIndex: 4, expectedCommit: 3, reject: false),
        AppendCase(prevIndex: 2, prevTerm: 2, commit: 4, entries: [LogEntry(index: 3, term: 2)],
                   expectedIndex: 3, expectedCommit: 3, reject: false),
        AppendCase(prevIndex: 1, prevTerm: 1, commit: 4, entries: [LogEntry(index: 2, term: 2)],
                   expectedIndex: 2, expectedCommit: 2, reject: false),
        // 3. Commit up to min(leaderCommit, index of last new entry).
        AppendCase(prevIndex: 1, prevTerm: 1, commit: 3, entries: [], expectedIndex: 2, expectedCommit: 1, reject: false),
        AppendCase(prevIndex: 1, prevTerm: 1, commit: 3, entries: [LogEntry(index: 2, term: 2)],
                   expectedIndex: 2, expectedCommit: 2, reject: false),
        AppendCase(prevIndex: 2, prevTerm: 2, commit: 3, entries: [], expectedIndex: 2, expectedCommit: 2, reject: false),
        AppendCase(prevIndex: 2, prevTerm: 2, commit: 4, entries: [], expectedIndex: 2, expectedCommit: 2, reject: false),
    ]

    @Test("TestHandleMsgApp", arguments: appendCases)
    func handleMsgApp(_ testCase: AppendCase) {
        var node = makeNode(1, voters: [1, 2], hardState: HardState(term: 2), entries: log(terms: [1, 2]))
        // etcd sends these at term 2, but a term-2 leader cannot hold a term-3
        // entry and such messages are dropped as malformed here; term 3 keeps the cases meaningful.
        let replies = node.step(message(2, 1, term: 3, .append(
            prevLogIndex: testCase.prevIndex, prevLogTerm: testCase.prevTerm,
            entries: testCase.entries, commit: testCase.commit)))
        #expect(node.log.lastIndex == testCase.expectedIndex)
        #expect(node.commitIndex == testCase.expectedCommit)
        #expect(replies.count == 1)
        guard case let .appendResponse(_, rejection) = replies.first?.kind else {
            Issue.record("expected an append response, got \(replies)")
            return
        }
        #expect((rejection != nil) == testCase.reject)
    }

    struct FollowerAppendCase: Sendable, CustomTestStringConvertible {
        var prevIndex: UInt64
        var prevTerm: UInt64
        var entries: [LogEntry]
        var expected: [LogEntry]
        var testDescription: String { "prev \(prevIndex)@t\(prevTerm) + \(entries) -> \(expected)" }
    }

    @Test("TestFollowerAppendEntries", arguments: [
        FollowerAppendCase(prevIndex: 2, prevTerm: 2, entries: [LogEntry(index: 3, term: 3)],
                           expected: log(terms: [1, 2, 3])),
        FollowerAppendCase(prevIndex: 1, prevTerm: 1, entries: [LogEntry(index: 2, term: 3), LogEntry(index: 3, term: 4)],
                           expected: log(terms: [1, 3, 4])),
        FollowerAppendCase(prevIndex: 0, prevTerm: 0, entries: [LogEntry(index: 1, term: 1)],
                           expected: log(terms: [1, 2])),
        FollowerAppendCase(prevIndex: 0, prevTerm: 0, entries: [LogEntry(index: 1, term: 3)],
                           expected: log(terms: [3])),
    ])
    func followerAppendEntries(_ testCase: FollowerAppendCase) {
        var node = makeNode(1, hardState: HardState(term: 2), entries: log(terms: [1, 2]))
        _ = node.step(message(2, 1, term: 4, .append(
            prevLogIndex: testCase.prevIndex, prevLogTerm: testCase.prevTerm, entries: testCase.entries, commit: 0)))
        #expect(node.log.entries == testCase.expected)
    }

    @Test("TestHandleHeartbeat")
    func handleHeartbeat() {
        for (leaderCommit, expected) in [(UInt64(3), UInt64(3)), (1, 2)] {
            var node = makeNode(1, voters: [1, 2], election: 5,
                                hardState: HardState(term: 2, commit: 2), entries: log(terms: [1, 2, 3]))
            let replies = node.step(message(2, 1, term: 2, .heartbeat(commit: leaderCommit)))
            #expect(node.commitIndex == expected, "the commit index never decreases")
            #expect(replies == [message(1, 2, term: 2, .heartbeatResponse)])
        }
    }

    @Test("TestBcastBeat: heartbeats every heartbeatTimeout ticks, commit capped by match")
    func broadcastBeat() {
        let peers = voterIDs(3)
        var network = Network(peers.map { .node(makeNode($0, voters: peers, heartbeat: 3)) })
        network.campaign(1)
        network.propose(1)
        var leader = network[1]
        #expect(leader.commitIndex == 2)
        #expect(leader.tick().isEmpty)
        #expect(leader.tick().isEmpty)
        #expect(leader.tick() == [
            message(1, 2, term: 1, .heartbeat(commit: 2)),
            message(1, 3, term: 1, .heartbeat(commit: 2)),
        ])

        // A follower that never acknowledged anything is not told to commit.
        var lagging = makeNode(1, voters: peers)
        _ = lagging.campaign()
        _ = lagging.step(message(2, 1, term: 1, .voteResponse(granted: true)))
        _ = lagging.step(message(2, 1, term: 1, .appendResponse(index: 1, rejection: nil)))
        #expect(lagging.commitIndex == 1)
        #expect(lagging.tick() == [
            message(1, 2, term: 1, .heartbeat(commit: 1)),
            message(1, 3, term: 1, .heartbeat(commit: 0)),
        ])
    }

    @Test("TestLeaderSyncFollowerLog", arguments: [
        [1, 1, 1, 4, 4, 5, 5, 6, 6],        // (a) missing entries
        [1, 1, 1, 4],                       // (b) missing more
        [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],  // (c) extra uncommitted entry
        [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7], // (d) extra entries of a later term
        [1, 1, 1, 4, 4, 4, 4],              // (e) conflicting tail
        [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],  // (f) long conflicting tail
    ] as [[UInt64]])
    func leaderSyncFollowerLog(followerTerms: [UInt64]) {
        let leaderTerms: [UInt64] = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6]
        let term: UInt64 = 8
        let leader = makeNode(1, hardState: HardState(term: term, commit: UInt64(leaderTerms.count)),
                              entries: log(terms: leaderTerms))
        let follower = makeNode(2, hardState: HardState(term: term - 1), entries: log(terms: followerTerms))
        // Node 3 is needed: the follower may refuse its vote, so the leader needs the third one.
        var network = Network([.node(leader), .node(follower), .dead])
        network.campaign(1)
        network.send([message(3, 1, term: term + 1, .voteResponse(granted: true))])
        #expect(network[1].role == .leader)
        network.propose(1, [])
        #expect(network[2].log == network[1].log)
    }

    @Test("TestProposal: only the leader accepts proposals")
    func proposalRequiresLeader() throws {
        var network = Network(size: 3)
        #expect(throws: ProposalError<UInt64>.notLeader(leader: nil)) {
            var follower = network[2]
            _ = try follower.propose([1])
        }
        network.campaign(1)
        #expect(throws: ProposalError<UInt64>.notLeader(leader: 1)) {
            var follower = network[2]
            _ = try follower.propose([1])
        }
        var leader = network[1]
        let proposal = try leader.propose([1, 2, 3])
        #expect(proposal.index == 2)
        #expect(proposal.messages.ofType(.append).count == 2)
    }

    @Test("A lagging follower is probed back and caught up")
    func laggingFollowerCatchesUp() {
        var network = Network(size: 3)
        network.campaign(1)
        network.isolate(3)
        for _ in 0 ..< 5 {
            network.propose(1)
        }
        #expect(network[3].log.lastIndex == 1)
        network.recover()
        network.tick(1)
        #expect(network[3].log == network[1].log)
        #expect(network[3].commitIndex == 6)
    }
}
