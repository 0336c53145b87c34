import PoTContracts
import PoTCore

/// What `pot contract show` and `list` print, and their JSON.
public struct ContractReport: Encodable, Sendable {
    public struct Party: Encodable, Sendable {
        public let key: String
        public let label: String?
        init(_ key: PublicKey, _ names: [PublicKey: String]) { self.key = key.hex; label = names[key] }
        public var text: String { label.map { "\($0) (\(key.prefix(8)))" } ?? key }
        /// The label, or the start of the key.
        public var short: String { label ?? String(key.prefix(8)) }
    }
    public struct Delivery: Encodable, Sendable { public let commit: String; public let note: String?; public let height: UInt64 }
    public struct Closing: Encodable, Sendable { public let reason: String; public let height: UInt64; public let worker_share_ppm: UInt64 }
    public struct Rating: Encodable, Sendable { public let rater: Party; public let stars: UInt64 }

    public let id: String
    public let title: String
    public let description: String?
    public let spec: String?
    public let requester: Party
    public let worker: Party?
    public let reward_mt: UInt64
    public let posted_at: UInt64
    public let accept_by: UInt64
    public let deliver_by: UInt64
    public let accepted_at: UInt64?
    public let delivery: Delivery?
    public let phase: String
    public let closing: Closing?
    public let ratings: [Rating]
    public let disputed: Bool

    public init(_ c: Contract, names: [PublicKey: String]) {
        let post = c.post.post
        id = c.id.hex
        title = post.title
        description = post.description.isEmpty ? nil : post.description
        spec = post.spec?.hex
        requester = Party(c.requester, names)
        worker = c.worker.map { Party($0, names) }
        reward_mt = post.reward
        posted_at = c.postedAt
        accept_by = post.acceptBy
        deliver_by = post.deliverBy
        accepted_at = c.acceptedAt
        delivery = c.delivery.map { Delivery(commit: $0.commit.hex, note: $0.note.isEmpty ? nil : $0.note, height: c.deliveredAt!) }
        phase = ContractAdmission.describe(c.phase)
        closing = c.closing.map { Closing(reason: ContractAdmission.describe($0.reason), height: $0.height, worker_share_ppm: $0.workerShare) }
        ratings = [c.requester, c.worker].compactMap { $0 }.compactMap { key in c.ratings[key].map { Rating(rater: Party(key, names), stars: $0) } }
        disputed = c.phase == .disputed || c.closing?.reason == .decided
    }
}

/// What `pot committee show` prints, and its JSON: a dispute, its committee and its phase.
public struct CommitteeReport: Encodable, Sendable {
    public struct Seat: Encodable, Sendable {
        public let position: Int
        public let member: ContractReport.Party
        public let sealed: Bool
        /// revealed, recovered, corrupt, sealed, not sealed.
        public let verdict_state: String
        public let verdict_ppm: UInt64?
        public let shares_released: Int
    }
    public struct Decision: Encodable, Sendable {
        public let height: UInt64
        public let verdict_ppm: UInt64
        public let verdict: String
        public let leader: ContractReport.Party?
        public let term: UInt64?
    }

    public let dispute: String
    public let title: String
    public let party: ContractReport.Party
    public let statement: String
    public let evidence: String?
    public let opened_at: UInt64
    public let phase: String
    public let draw_at: UInt64
    public let drawn_at: UInt64?
    public let threshold: Int
    public let seal_until: UInt64?
    public let reveal_until: UInt64?
    public let recover_until: UInt64?
    public let tallied_at: UInt64?
    public let decide_by: UInt64?
    public let committee: [Seat]
    public let tally_ppm: UInt64
    public let decision: Decision?
    /// The committee seats this repository's node holds, as its Raft state machines last saved
    /// them (`pot committee show` only; absent when the node holds none).
    public var seats_here: [LocalSeat]?

    /// One seat's Raft state as the node saved it in `.git/pot/raft/`.
    public struct LocalSeat: Encodable, Sendable {
        public let member: ContractReport.Party
        public let role: String
        public let term: UInt64
        public let voted_for: ContractReport.Party?
        public let leader: ContractReport.Party?
        public let log_entries: Int
        public let committed: UInt64
        /// Unix seconds of the last change of role, term or leader.
        public let since: UInt64
        /// The committed log, in words.
        public let log: [String]

        public init(_ member: PublicKey, _ record: SeatRecord, names: [PublicKey: String]) {
            self.member = ContractReport.Party(member, names)
            role = record.role.description
            term = record.hardState.term
            voted_for = record.hardState.votedFor.map { ContractReport.Party($0, names) }
            leader = record.leader.map { ContractReport.Party($0, names) }
            log_entries = record.entries.count
            committed = record.hardState.commit
            since = record.updatedAt
            log = record.entries.prefix(Int(record.hardState.commit)).compactMap { CommitteeLogEntry(bytes: $0.data)?.description }
        }
    }

    public init(_ d: Dispute, contract: Contract, at height: UInt64, params: ChainParams, names: [PublicKey: String]) {
        let timeline = DisputeTimeline(d, params: params)
        dispute = d.id.hex
        title = contract.post.post.title
        party = ContractReport.Party(d.claim.party, names)
        statement = d.claim.statement
        evidence = d.claim.evidence?.hex
        opened_at = d.openedAt
        phase = DisputePhase(d, at: height, params: params).rawValue
        draw_at = timeline.drawAt
        drawn_at = d.drawnAt
        threshold = d.threshold
        seal_until = timeline.sealEnd
        reveal_until = timeline.revealEnd
        recover_until = timeline.recoveryEnd
        tallied_at = d.talliedAt
        decide_by = timeline.decisionDeadline
        committee = d.committee.enumerated().map { index, member in
            let (state, ppm): (String, UInt64?) = {
                switch d.verdicts[member] {
                case .revealed(let v): return ("revealed", v.workerShare)
                case .recovered(let v): return ("recovered", v.workerShare)
                case .corrupt: return ("corrupt", nil)
                case nil: return (d.seals[member] == nil ? "not sealed" : "sealed", nil)
                }
            }()
            return Seat(position: index + 1, member: ContractReport.Party(member, names), sealed: d.seals[member] != nil,
                        verdict_state: state, verdict_ppm: ppm, shares_released: d.released[member]?.count ?? 0)
        }
        tally_ppm = VerdictTally.tally(of: d, params: params).workerShare
        decision = d.decision.map {
            Decision(height: $0.height, verdict_ppm: $0.verdict.workerShare, verdict: $0.verdict.description,
                     leader: $0.leader.map { ContractReport.Party($0, names) }, term: $0.term)
        }
    }
}

/// A member's service trust, as `pot contract trust` prints it.
public struct ServiceReport: Encodable, Sendable {
    public let member: ContractReport.Party
    public let trust_ppm: UInt64
    public let evidence_for: Double
    public let evidence_against: Double
    public let contracts: UInt64
    public let arbitrations: UInt64
    public let arbiter_key: Bool
    public let may_sit: Bool

    public init(_ key: PublicKey, state: ChainState, names: [PublicKey: String]) {
        let s = Eligibility.standing(key, state: state.contracts, isMember: state.isMember(key), at: state.height + 1, params: state.params)
        member = ContractReport.Party(key, names)
        trust_ppm = s.trust
        evidence_for = Double(s.record.positive) / Double(ServiceRecord.unit)
        evidence_against = Double(s.record.negative) / Double(ServiceRecord.unit)
        contracts = s.record.contracts
        arbitrations = s.record.arbitrations
        arbiter_key = state.contracts.arbiterKeys[key] != nil
        may_sit = s.maySit
    }
}
