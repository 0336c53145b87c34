import Testing
@testable import PoTCore
@testable import PoTContracts
import PropertyBased

@Suite("Contracts: committee messages")
struct CommitteeMessageTests {
    static let chain = DomainHash.sha256(Array("committee chain".utf8))
    static let carol = try! SigningKey(seed: [UInt8](repeating: 3, count: 32))
    static let dave = try! SigningKey(seed: [UInt8](repeating: 4, count: 32))
    static let dispute = DomainHash.sha256([7])

    /// A Raft message of every kind, its numbers drawn from `n`.
    static func kinds(_ n: UInt64) -> [RaftMessage<PublicKey>.Kind] {
        let entries = (0..<Int(n % 17)).map { LogEntry(index: n / 3 + UInt64($0) + 1, term: n % 5, data: [UInt8](repeating: UInt8(n % 251), count: Int(n % 257))) }
        return [.preVote(lastLogIndex: n, lastLogTerm: n / 2), .preVoteResponse(granted: n % 2 == 0), .vote(lastLogIndex: n / 7, lastLogTerm: n),
                .voteResponse(granted: false), .append(prevLogIndex: n / 3, prevLogTerm: n % 5, entries: entries, commit: n / 11),
                .appendResponse(index: n, rejection: nil), .appendResponse(index: n, rejection: AppendRejection(hintIndex: n / 2, hintTerm: n % 3)),
                .heartbeat(commit: n), .heartbeatResponse]
    }

    @Test("COMMITTEE-RAFT: every Raft message kind round-trips through its signed committee message, within 8 000 bytes even with 16 entries of 256 bytes; the signature covers it")
    func roundTrip() async {
        await propertyCheck(count: 200, input: Gen.uint64(in: 0...UInt64.max)) { n in
            for kind in Self.kinds(n) {
                let message = try CommitteeMessage(dispute: Self.dispute, raft: RaftMessage(from: Self.carol.publicKey, to: Self.dave.publicKey, term: n % 9, kind: kind))
                let signed = SignedCommitteeMessage.sign(message, with: Self.carol, chain: Self.chain)
                let bytes = signed.encoded()
                #expect(bytes.count <= CommitteeMessage.maxSignedBytes)
                let decoded = try SignedCommitteeMessage(bytes: bytes)
                #expect(decoded == signed && decoded.hasValidSignature(chain: Self.chain))
            }
        }
    }

    @Test("COMMITTEE-RAFT: a granted vote carries the voter's signed leader vote for that dispute, term and candidate; nothing else carries one; a message to oneself, an unknown kind or a grant other than 0/1 is refused")
    func voteBinding() throws {
        let grant = RaftMessage(from: Self.carol.publicKey, to: Self.dave.publicKey, term: 4, kind: .voteResponse(granted: true))
        let vote = { (term: UInt64, candidate: PublicKey) in
            SignedLeaderVote.sign(LeaderVote(dispute: Self.dispute, term: term, candidate: candidate, voter: Self.carol.publicKey), with: Self.carol, chain: Self.chain)
        }
        #expect(throws: ObjectError.self) { try CommitteeMessage(dispute: Self.dispute, raft: grant) }
        #expect(throws: ObjectError.self) { try CommitteeMessage(dispute: Self.dispute, raft: grant, vote: vote(3, Self.dave.publicKey)) }
        #expect(throws: ObjectError.self) { try CommitteeMessage(dispute: Self.dispute, raft: grant, vote: vote(4, Self.carol.publicKey)) }
        let ok = try CommitteeMessage(dispute: Self.dispute, raft: grant, vote: vote(4, Self.dave.publicKey))
        #expect(try CommitteeMessage(cbor: ok.cbor()) == ok)
        var refused = grant
        refused.kind = .voteResponse(granted: false)
        #expect(throws: ObjectError.self) { try CommitteeMessage(dispute: Self.dispute, raft: refused, vote: vote(4, Self.dave.publicKey)) }
        var selfish = grant
        selfish.to = Self.carol.publicKey
        #expect(throws: ObjectError.self) { try CommitteeMessage(dispute: Self.dispute, raft: selfish, vote: vote(4, Self.carol.publicKey)) }
        #expect(throws: ObjectError.self) { try RaftMessage<PublicKey>.Kind(cbor: .array([.unsigned(9)])) }
        #expect(throws: ObjectError.self) { try RaftMessage<PublicKey>.Kind(cbor: .array([.unsigned(4), .unsigned(2)])) }
        #expect(throws: ObjectError.self) { try RaftMessage<PublicKey>.Kind(cbor: .array([.unsigned(7)])) }
        let tooMany = CBOR.array((0..<17).map { CBOR.array([.unsigned(UInt64($0 + 1)), .unsigned(1), .bytes([])]) })
        #expect(throws: (any Error).self) { try RaftMessage<PublicKey>.Kind(cbor: .array([.unsigned(5), .unsigned(0), .unsigned(0), tooMany, .unsigned(0)])) }
    }

    @Test("COMMITTEE-RAFT: the leader's log entries round-trip; anything else reads as no entry")
    func logEntries() {
        let v = Verdict(workerShare: 250_000)
        let all: [CommitteeLogEntry] = [.sealed(Self.carol.publicKey), .revealed(Self.dave.publicKey, v), .recovered(Self.carol.publicKey, .payWorker),
                                        .corrupt(Self.dave.publicKey), .released(sealer: Self.carol.publicKey, position: 4), .tallied(v),
                                        .decided(.refundRequester, term: 7)]
        for entry in all { #expect(CommitteeLogEntry(bytes: entry.bytes) == entry) }
        #expect(CommitteeLogEntry(bytes: []) == nil, "a new leader's empty entry")
        #expect(CommitteeLogEntry(bytes: CBOR.array([.unsigned(6), .unsigned(2_000_000)]).encoded()) == nil)
        #expect(CommitteeLogEntry(bytes: CBOR.array([.unsigned(1), .bytes([1, 2])]).encoded()) == nil)
        #expect(CommitteeLogEntry(bytes: [0x82, 0x06, 0x18, 0x01]) == nil, "not canonical")
    }
}
