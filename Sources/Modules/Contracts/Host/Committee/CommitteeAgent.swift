import Foundation
import GitKit
import PoTContracts
import PoTCore
import PoTNet
import PoTStore

/// The contracts module inside a running node (COMMITTEE-RAFT): it checks and passes on the
/// committee messages of every open dispute, and, for each committee seat whose signing key this
/// repository holds, runs the member's Raft state machine over those messages. A seat that wins
/// an election posts the decision once the chain's tally is known, with the signed votes that
/// elected it as its certificate.
public final class CommitteeAgent: RelayAgent {
    public let topic = ContractsModule.payloadKey
    /// Milliseconds per Raft tick.
    public static let raftTick: UInt64 = 200

    let store: ChainStore
    /// Whether this node takes its keys' seats; without, it only checks and passes messages on.
    let sitting: Bool
    var state: ChainState
    var stateCommit: GitOID?
    var seats: [SeatKey: CommitteeSeat] = [:]
    var keys: [PublicKey: SigningKey] = [:]
    var names: [PublicKey: String] = [:]
    var lastRaftTick: UInt64 = 0
    /// Whether the seats were arranged for the current state.
    var arranged = false
    /// Messages to relay, made while judging relays (sent on the next tick).
    var pending: [[UInt8]] = []
    var lines: [String] = []

    struct SeatKey: Hashable, Comparable {
        let dispute: Hash256
        let member: PublicKey
        static func < (a: SeatKey, b: SeatKey) -> Bool { (a.dispute, a.member) < (b.dispute, b.member) }
    }

    /// An agent on `store`, the node's own store (used on the node's thread only).
    public init(store: ChainStore, sitting: Bool) throws {
        self.store = store
        self.sitting = sitting
        state = try store.currentState()
        stateCommit = try store.mainCommit()
        reloadKeys()
    }

    // MARK: RelayAgent

    public func receive(_ body: [UInt8], now: UInt64) -> RelayVerdict {
        let signed: SignedCommitteeMessage
        do { signed = try SignedCommitteeMessage(bytes: body) } catch { return .invalid("\(error)") }
        guard signed.encoded() == body else { return .invalid("a committee message not in canonical form") }
        let message = signed.body
        var dispute = state.contracts.disputes[message.dispute]
        if dispute == nil || dispute!.committee.isEmpty {
            refreshState()
            dispute = state.contracts.disputes[message.dispute]
        }
        guard let dispute, !dispute.committee.isEmpty else { return .drop("a committee message on a dispute without a committee here") }
        guard dispute.decision == nil else { return .drop("a committee message on a decided dispute") }
        let committee = Set(dispute.committee)
        guard committee.contains(message.raft.from), committee.contains(message.raft.to) else {
            return .invalid("a committee message from or to a member not on the committee of dispute \(dispute.id.short)")
        }
        guard signed.hasValidSignature(chain: store.chainId) else { return .invalid("a committee message with a bad signature") }
        if let vote = message.vote, !vote.hasValidSignature(chain: store.chainId) {
            return .invalid("a committee message whose leader vote has a bad signature")
        }
        if let seat = seats[SeatKey(dispute: message.dispute, member: message.raft.to)] {
            if let vote = message.vote { seat.take(vote) }
            deliver(seat.node.step(message.raft), from: seat, now: now)
        }
        return .forward
    }

    public func tick(now: UInt64) -> AgentOutput {
        var objects: [WireObject] = []
        if refreshState() || !arranged {
            arranged = true
            arrangeSeats(now: now)
        }
        if now >= lastRaftTick + Self.raftTick {
            lastRaftTick = now
            for key in seats.keys.sorted() {
                guard let seat = seats[key] else { continue }
                deliver(seat.node.tick(), from: seat, now: now)
                report(seat)
                lead(seat, now: now, objects: &objects)
            }
        }
        defer { pending = []; lines = [] }
        return AgentOutput(relays: pending, objects: objects, lines: lines)
    }

    // MARK: Seats

    /// Re-reads the chain state when main moved; true if it did.
    @discardableResult
    func refreshState() -> Bool {
        guard let commit = try? store.mainCommit(), commit != stateCommit, let fresh = try? store.currentState() else { return false }
        state = fresh
        stateCommit = commit
        reloadKeys()
        return true
    }

    func reloadKeys() {
        guard sitting else { return }
        keys = Dictionary(KeyRing(store: store).all().map { ($0.key.publicKey, $0.key) }, uniquingKeysWith: { a, _ in a })
        names = (try? store.names()) ?? [:]
    }

    /// Opens a seat for every member of an undecided committee whose key is held here, and closes
    /// (and forgets) the seats of disputes that are decided.
    func arrangeSeats(now: UInt64) {
        for key in seats.keys.sorted() where state.contracts.disputes[key.dispute]?.decision != nil {
            seats[key] = nil
            try? FileManager.default.removeItem(atPath: SeatRecord.directory(pot: store.potDirectory, dispute: key.dispute))
            lines.append("committee of dispute \(key.dispute.short): decided; \(name(key.member))'s seat closed")
        }
        guard sitting else { return }
        for (id, dispute) in state.contracts.disputes.sorted(by: { $0.key < $1.key }) where dispute.decision == nil && !dispute.committee.isEmpty {
            for member in dispute.committee where seats[SeatKey(dispute: id, member: member)] == nil {
                guard let key = keys[member] else { continue }
                do {
                    let seat = try CommitteeSeat(dispute: id, key: key, committee: dispute.committee, pot: store.potDirectory)
                    try seat.persist(now: Self.wallClock)
                    seats[SeatKey(dispute: id, member: member)] = seat
                    lines.append("committee of dispute \(id.short): \(name(member)) takes its seat (term \(seat.node.term))")
                } catch {
                    lines.append("committee of dispute \(id.short): \(name(member)) cannot take its seat: \(error)")
                }
            }
        }
    }

    /// Persists `seat`, then hands each message to the seat it is for when this node holds it,
    /// or signs it as a relay; answers of local seats are handled the same way.
    func deliver(_ messages: [RaftMessage<PublicKey>], from seat: CommitteeSeat, now: UInt64) {
        var queue = [(seat, messages)]
        while !queue.isEmpty {
            let (sender, outgoing) = queue.removeFirst()
            do { try sender.persist(now: Self.wallClock) } catch {
                lines.append("committee of dispute \(sender.dispute.short): \(name(sender.member))'s seat cannot be saved, so it stays silent: \(error)")
                continue
            }
            for message in outgoing {
                let vote = grantedVote(message, by: sender)
                if let local = seats[SeatKey(dispute: sender.dispute, member: message.to)] {
                    if let vote { local.take(vote) }
                    queue.append((local, local.node.step(message)))
                } else if let body = try? CommitteeMessage(dispute: sender.dispute, raft: message, vote: vote) {
                    pending.append(SignedCommitteeMessage.sign(body, with: sender.key, chain: store.chainId).encoded())
                }
            }
        }
    }

    /// The signed leader vote a granted RequestVote answer carries.
    func grantedVote(_ message: RaftMessage<PublicKey>, by seat: CommitteeSeat) -> SignedLeaderVote? {
        guard case .voteResponse(granted: true) = message.kind else { return nil }
        return SignedLeaderVote.sign(LeaderVote(dispute: seat.dispute, term: message.term, candidate: message.to, voter: seat.member),
                                     with: seat.key, chain: store.chainId)
    }

    /// Logs a seat's election once per term it leads (it may have won while judging a relay).
    func report(_ seat: CommitteeSeat) {
        guard seat.node.role == .leader, seat.reportedTerm != seat.node.term else { return }
        seat.reportedTerm = seat.node.term
        lines.append("committee of dispute \(seat.dispute.short): \(name(seat.member)) leads term \(seat.node.term)")
    }

    func name(_ key: PublicKey) -> String { names[key] ?? key.short }

    static var wallClock: UInt64 { UInt64(Date().timeIntervalSince1970) }
}
