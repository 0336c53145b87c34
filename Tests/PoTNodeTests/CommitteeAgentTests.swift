import Foundation
import PoTContracts
@testable import PoTContractsHost
import PoTCore
import PoTNet
import PoTNode
import PoTStore
import PoTTestSupport
import Testing

/// The committee agent on one repository that holds all five seats, so the seats speak to each
/// other without a network, on a clock the test moves.
@Suite("Committee agent", .serialized)
struct CommitteeAgentTests {
    /// Ticks `agent` in steps of one Raft tick until `done` holds or `limit` ticks passed.
    static func run(_ agent: CommitteeAgent, from start: inout UInt64, limit: Int = 400, until done: () -> Bool) -> [AgentOutput] {
        var outputs: [AgentOutput] = []
        for _ in 0..<limit where !done() {
            start += CommitteeAgent.raftTick
            outputs.append(agent.tick(now: start))
        }
        return outputs
    }

    static func leader(_ agent: CommitteeAgent) -> CommitteeSeat? { agent.seats.values.first { $0.node.role == .leader } }

    @Test("COMMITTEE-SEAT COMMITTEE-RAFT: a node holding seats elects a leader among them, saves each seat's term, vote and log before it speaks, and after a restart a seat keeps its vote: it refuses another candidate in the same term")
    func seatsSurviveRestart() throws {
        let dir = TestEnvironment.temporaryDirectory("committee-agent")
        defer { TestEnvironment.remove(dir) }
        let task = try CommitteeRaftDaemonTests.chainWithDrawnCommittee(at: dir)
        let dispute = try #require(Hash256(hex: task))
        let store = try ChainStore.open(at: dir)
        var now: UInt64 = 1_000
        let agent = try CommitteeAgent(store: store, sitting: true)
        let outputs = Self.run(agent, from: &now) { Self.leader(agent) != nil && agent.seats.values.allSatisfy { $0.node.leader != nil } }
        let leader = try #require(Self.leader(agent))
        #expect(agent.seats.count == 5)
        #expect(outputs.allSatisfy { $0.relays.isEmpty }, "seats held here speak to each other directly")
        #expect(outputs.flatMap(\.lines).contains { $0.contains("leads term \(leader.node.term)") })

        let term = leader.node.term
        for seat in agent.seats.values {
            let record = try #require(try SeatRecord.read(pot: store.potDirectory, dispute: dispute, member: seat.member))
            #expect(record.hardState == seat.node.hardState && record.entries == seat.node.log.entries)
            #expect(record.leader == leader.member)
        }
        let voter = try #require(agent.seats.values.first { $0.member != leader.member && $0.node.votedFor == leader.member })
        let rival = try #require(agent.seats.values.first { $0.member != leader.member && $0.member != voter.member }).member

        let restarted = try CommitteeAgent(store: store, sitting: true)
        _ = restarted.tick(now: now)
        let again = try #require(restarted.seats[.init(dispute: dispute, member: voter.member)])
        #expect(again.node.term == term && again.node.votedFor == leader.member)
        let answer = again.node.step(RaftMessage(from: rival, to: voter.member, term: term, kind: .vote(lastLogIndex: 1_000, lastLogTerm: term)))
        #expect(answer.map(\.kind) == [.voteResponse(granted: false)], "a second vote in term \(term): \(answer)")
    }

    @Test("COMMITTEE-RAFT DECISION-CERTIFICATE: once the chain's tally is known the leader posts the decision with the signed votes that elected it, once per term, and the node stores it")
    func leaderPostsDecision() throws {
        let dir = TestEnvironment.temporaryDirectory("committee-decision")
        defer { TestEnvironment.remove(dir) }
        let task = try CommitteeRaftDaemonTests.chainWithDrawnCommittee(at: dir)
        for seat in ["carol", "dave", "erin", "frank", "grace"] {
            _ = try Run.ok(["arbitrate", "seal", "--as", seat, task, "--verdict", seat == "frank" ? "refund" : "pay"], in: dir)
        }
        try CommitteeRaftDaemonTests.block(dir, 1_700_000_100)
        _ = try Run.ok(["arbitrate", "due"], in: dir)
        let store = try ChainStore.open(at: dir)
        var now: UInt64 = 1_000
        let agent = try CommitteeAgent(store: store, sitting: true)
        _ = Self.run(agent, from: &now) { Self.leader(agent) != nil }
        let early = Self.run(agent, from: &now, limit: 20) { false }
        #expect(early.allSatisfy { $0.objects.isEmpty }, "no decision before the tally")
        let leader = try #require(Self.leader(agent))
        let logged = leader.node.log.entries.compactMap { CommitteeLogEntry(bytes: $0.data) }
        #expect(logged.filter { if case .sealed = $0 { true } else { false } }.count == 5, "\(logged)")

        try CommitteeRaftDaemonTests.block(dir, 1_700_000_101)
        let later = Self.run(agent, from: &now, limit: 20) { false }
        let objects = later.flatMap(\.objects)
        #expect(objects.count == 1, "one decision per term: \(later.flatMap(\.lines))")
        guard case .module(let object) = try #require(objects.first), let decision = object.object as? SignedArbitrationDecision else {
            Issue.record("not a decision: \(objects)")
            return
        }
        #expect(decision.decision.leader == leader.member && decision.decision.term == leader.node.term)
        #expect(decision.decision.verdict == .payWorker && decision.decision.certificate.count >= 3)
        let backend = try StoreBackend(store: store)
        #expect(backend.accept(.module(object)) == .stored)
        try CommitteeRaftDaemonTests.block(dir, 1_700_000_102)
        let shown = try Run.ok(["committee", "show", task], in: dir)
        #expect(shown.contains("decision   pay the worker at height 10, posted by leader"), "\(shown)")
        _ = agent.tick(now: now + 1_000)
        #expect(agent.seats.isEmpty, "the seats of a decided dispute close")
        #expect(!FileManager.default.fileExists(atPath: SeatRecord.directory(pot: store.potDirectory, dispute: decision.decision.dispute)))
    }

    @Test("COMMITTEE-RAFT NET-RELAY: the agent passes on a committee message signed by a member to a member; blames garbage, a bad signature, a sender or recipient off the committee and a granted vote without its leader vote; drops messages on disputes it does not know")
    func judgesRelays() throws {
        let dir = TestEnvironment.temporaryDirectory("committee-relays")
        defer { TestEnvironment.remove(dir) }
        let task = try CommitteeRaftDaemonTests.chainWithDrawnCommittee(at: dir)
        let dispute = try #require(Hash256(hex: task))
        let store = try ChainStore.open(at: dir)
        let ring = KeyRing(store: store)
        let carol = try ring.key("carol"), dave = try ring.key("dave"), bob = try ring.key("bob")
        let agent = try CommitteeAgent(store: store, sitting: false)
        func relay(_ from: SigningKey, to: PublicKey, on id: Hash256 = dispute, _ kind: RaftMessage<PublicKey>.Kind = .heartbeatResponse) throws -> [UInt8] {
            let body = try CommitteeMessage(dispute: id, raft: RaftMessage(from: from.publicKey, to: to, term: 1, kind: kind))
            return SignedCommitteeMessage.sign(body, with: from, chain: store.chainId).encoded()
        }
        #expect(agent.receive(try relay(carol, to: dave.publicKey), now: 0) == .forward)
        var forged = try relay(carol, to: dave.publicKey)
        forged[forged.count - 1] ^= 1
        #expect(agent.receive(forged, now: 0) == .invalid("a committee message with a bad signature"))
        guard case .invalid = agent.receive(try relay(bob, to: dave.publicKey), now: 0) else { Issue.record("a party spoke for the committee"); return }
        guard case .invalid = agent.receive(try relay(carol, to: bob.publicKey), now: 0) else { Issue.record("a message to a party passed"); return }
        guard case .invalid = agent.receive([0xA0], now: 0) else { Issue.record("garbage passed"); return }
        let unknown = DomainHash.sha256([1, 2, 3])
        guard case .drop = agent.receive(try relay(carol, to: dave.publicKey, on: unknown), now: 0) else { Issue.record("an unknown dispute passed"); return }
        // A granted vote must carry the voter's leader vote: built by hand, since the type refuses it.
        let bare = CBOR.map([1: .bytes(dispute.bytes), 2: .bytes(carol.publicKey.bytes), 3: .bytes(dave.publicKey.bytes), 4: .unsigned(1),
                             5: RaftMessage<PublicKey>.Kind.voteResponse(granted: true).cbor()])
        let unsigned = CBOR.map([1: bare, 2: .bytes(carol.sign(DomainHash.hash(.contractCommitteeMessage, chain: store.chainId, body: bare)))]).encoded()
        guard case .invalid(let why) = agent.receive(unsigned, now: 0) else { Issue.record("a granted vote without its leader vote passed"); return }
        #expect(why.contains("leader vote"), "\(why)")
        #expect(agent.seats.isEmpty, "a node that does not sit opens no seat")
    }
}
