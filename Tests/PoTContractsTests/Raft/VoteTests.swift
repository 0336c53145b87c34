import Testing
@testable import PoTContracts

@Suite("Votes and the up-to-date check")
struct VoteTests {
    struct FollowerVoteCase: Sendable, CustomTestStringConvertible {
        var votedFor: UInt64?
        var candidate: UInt64
        var reject: Bool
        var testDescription: String {
            "voted for \(votedFor.map(String.init) ?? "nobody"), request from \(candidate) -> \(reject ? "reject" : "grant")"
        }
    }

    @Test("TestFollowerVote", arguments: [
        FollowerVoteCase(votedFor: nil, candidate: 2, reject: false),
        FollowerVoteCase(votedFor: nil, candidate: 3, reject: false),
        FollowerVoteCase(votedFor: 2, candidate: 2, reject: false),
        FollowerVoteCase(votedFor: 3, candidate: 3, reject: false),
        FollowerVoteCase(votedFor: 2, candidate: 3, reject: true),
        FollowerVoteCase(votedFor: 3, candidate: 2, reject: true),
    ])
    func followerVote(_ testCase: FollowerVoteCase) {
        // Built from a persisted HardState, exactly as after a restart.
        var node = makeNode(1, hardState: HardState(term: 1, votedFor: testCase.votedFor))
        let replies = node.step(message(testCase.candidate, 1, term: 1, .vote(lastLogIndex: 0, lastLogTerm: 0)))
        #expect(replies == [message(1, testCase.candidate, term: 1, .voteResponse(granted: !testCase.reject))])
    }

    @Test("TestFollowerVote after a restart from the persisted HardState")
    func followerVoteSurvivesRestart() {
        var node = makeNode(1)
        let first = node.step(message(2, 1, term: 1, .vote(lastLogIndex: 0, lastLogTerm: 0)))
        #expect(first == [message(1, 2, term: 1, .voteResponse(granted: true))])
        let persisted = node.hardState
        #expect(persisted == HardState(term: 1, votedFor: 2, commit: 0))

        var restarted = makeNode(1, hardState: persisted, entries: node.log.entries)
        #expect(restarted.votedFor == 2)
        let rival = restarted.step(message(3, 1, term: 1, .vote(lastLogIndex: 0, lastLogTerm: 0)))
        #expect(rival == [message(1, 3, term: 1, .voteResponse(granted: false))])
        // Repeating the vote for the same candidate is harmless and allowed.
        let repeated = restarted.step(message(2, 1, term: 1, .vote(lastLogIndex: 0, lastLogTerm: 0)))
        #expect(repeated == [message(1, 2, term: 1, .voteResponse(granted: true))])

        // Without the persisted state the same node would vote twice in term 1.
        var amnesiac = makeNode(1)
        let doubleVote = amnesiac.step(message(3, 1, term: 1, .vote(lastLogIndex: 0, lastLogTerm: 0)))
        #expect(doubleVote == [message(1, 3, term: 1, .voteResponse(granted: true))])
    }

    struct VoterCase: Sendable, CustomTestStringConvertible {
        var logTerms: [UInt64]
        var candidateLastTerm: UInt64
        var candidateLastIndex: UInt64
        var reject: Bool
        var testDescription: String {
            "voter log \(logTerms), candidate last \(candidateLastIndex)@t\(candidateLastTerm) -> \(reject ? "reject" : "grant")"
        }
    }

    @Test("TestVoter", arguments: [
        // Same last term: the longer-or-equal log wins.
        VoterCase(logTerms: [1], candidateLastTerm: 1, candidateLastIndex: 1, reject: false),
        VoterCase(logTerms: [1], candidateLastTerm: 1, candidateLastIndex: 2, reject: false),
        VoterCase(logTerms: [1, 1], candidateLastTerm: 1, candidateLastIndex: 1, reject: true),
        // Candidate's last term is higher.
        VoterCase(logTerms: [1], candidateLastTerm: 2, candidateLastIndex: 1, reject: false),
        VoterCase(logTerms: [1], candidateLastTerm: 2, candidateLastIndex: 2, reject: false),
        VoterCase(logTerms: [1, 1], candidateLastTerm: 2, candidateLastIndex: 1, reject: false),
        // Voter's last term is higher.
        VoterCase(logTerms: [2], candidateLastTerm: 1, candidateLastIndex: 1, reject: true),
        VoterCase(logTerms: [2], candidateLastTerm: 1, candidateLastIndex: 2, reject: true),
        VoterCase(logTerms: [2, 1], candidateLastTerm: 1, candidateLastIndex: 1, reject: true),
    ])
    func voter(_ testCase: VoterCase) {
        var node = makeNode(1, voters: [1, 2], entries: log(terms: testCase.logTerms))
        let replies = node.step(message(2, 1, term: 3, .vote(
            lastLogIndex: testCase.candidateLastIndex, lastLogTerm: testCase.candidateLastTerm)))
        #expect(replies.count == 1)
        #expect(replies.first?.kind == .voteResponse(granted: !testCase.reject))
    }

    struct RecvVoteCase: Sendable, CustomTestStringConvertible {
        var role: RaftRole
        var index: UInt64
        var logTerm: UInt64
        var votedFor: UInt64?
        var reject: Bool
        var testDescription: String {
            "\(role), candidate last \(index)@t\(logTerm), voted for \(votedFor.map(String.init) ?? "nobody") -> \(reject ? "reject" : "grant")"
        }
    }

    static let recvVoteCases: [RecvVoteCase] = [
        RecvVoteCase(role: .follower, index: 0, logTerm: 0, votedFor: nil, reject: true),
        RecvVoteCase(role: .follower, index: 0, logTerm: 1, votedFor: nil, reject: true),
        RecvVoteCase(role: .follower, index: 0, logTerm: 2, votedFor: nil, reject: true),
        RecvVoteCase(role: .follower, index: 0, logTerm: 3, votedFor: nil, reject: false),

        RecvVoteCase(role: .follower, index: 1, logTerm: 0, votedFor: nil, reject: true),
        RecvVoteCase(role: .follower, index: 1, logTerm: 1, votedFor: nil, reject: true),
        RecvVoteCase(role: .follower, index: 1, logTerm: 2, votedFor: nil, reject: true),
        RecvVoteCase(role: .follower, index: 1, logTerm: 3, votedFor: nil, reject: false),

        RecvVoteCase(role: .follower, index: 2, logTerm: 0, votedFor: nil, reject: true),
        RecvVoteCase(role: .follower, index: 2, logTerm: 1, votedFor: nil, reject: true),
        RecvVoteCase(role: .follower, index: 2, logTerm: 2, votedFor: nil, reject: false),
        RecvVoteCase(role: .follower, index: 2, logTerm: 3, votedFor: nil, reject: false),

        RecvVoteCase(role: .follower, index: 3, logTerm: 0, votedFor: nil, reject: true),
        RecvVoteCase(role: .follower, index: 3, logTerm: 1, votedFor: nil, reject: true),
        RecvVoteCase(role: .follower, index: 3, logTerm: 2, votedFor: nil, reject: false),
        RecvVoteCase(role: .follower, index: 3, logTerm: 3, votedFor: nil, reject: false),

        RecvVoteCase(role: .follower, index: 3, logTerm: 2, votedFor: 2, reject: false),
        RecvVoteCase(role: .follower, index: 3, logTerm: 2, votedFor: 1, reject: true),

        RecvVoteCase(role: .leader, index: 3, logTerm: 3, votedFor: 1, reject: true),
        RecvVoteCase(role: .preCandidate, index: 3, logTerm: 3, votedFor: 1, reject: true),
        RecvVoteCase(role: .candidate, index: 3, logTerm: 3, votedFor: 1, reject: true),
    ]

    @Test("TestRecvMsgVote / TestRecvMsgPreVote", arguments: [RaftMessageType.vote, .preVote], recvVoteCases)
    func recvMsgVote(type: RaftMessageType, testCase: RecvVoteCase) {
        let entries = log(terms: [2, 2])
        // Same term on both sides: only the logs and the recorded vote differ.
        let term = max(2, testCase.logTerm)
        var node: Node
        switch testCase.role {
        case .follower, .preCandidate:
            node = makeNode(1, hardState: HardState(term: term, votedFor: testCase.votedFor), entries: entries)
            if testCase.role == .preCandidate {
                node.becomePreCandidate()
            }
        case .candidate, .leader:
            node = makeNode(1, hardState: HardState(term: term - 1), entries: entries)
            node.becomeCandidate()
            if testCase.role == .leader {
                node.becomeLeader()
            }
            _ = node.takeMessages()
        }
        #expect(node.role == testCase.role)
        #expect(node.term == term)
        #expect(node.votedFor == testCase.votedFor)

        let request: Message.Kind = type == .vote
            ? .vote(lastLogIndex: testCase.index, lastLogTerm: testCase.logTerm)
            : .preVote(lastLogIndex: testCase.index, lastLogTerm: testCase.logTerm)
        let replies = node.step(message(2, 1, term: term, request))
        let expected: Message.Kind = type == .vote
            ? .voteResponse(granted: !testCase.reject)
            : .preVoteResponse(granted: !testCase.reject)
        #expect(replies == [message(1, 2, term: term, expected)])
    }

    @Test("PreVote grants record nothing; real votes reset the election timer")
    func preVoteRecordsNothing() {
        var node = makeNode(1, hardState: HardState(term: 1))
        _ = node.tick(times: 3)
        let preVoteReply = node.step(message(2, 1, term: 2, .preVote(lastLogIndex: 0, lastLogTerm: 0)))
        #expect(preVoteReply == [message(1, 2, term: 2, .preVoteResponse(granted: true))])
        #expect(node.term == 1)
        #expect(node.votedFor == nil)
        #expect(node.electionElapsed == 3)

        let voteReply = node.step(message(2, 1, term: 2, .vote(lastLogIndex: 0, lastLogTerm: 0)))
        #expect(voteReply == [message(1, 2, term: 2, .voteResponse(granted: true))])
        #expect(node.hardState == HardState(term: 2, votedFor: 2, commit: 0))
        #expect(node.electionElapsed == 0)
    }
}
