import ArgumentParser
import Foundation
import PoTCLI
import PoTContracts
import PoTCore
import PoTStore

/// `pot committee show DISPUTE`: who sits on a dispute's committee and where it stands.
public struct CommitteeGroup: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "committee", abstract: "Show a dispute's committee: members, phase, verdicts, leader and term.",
        subcommands: [CommitteeShow.self])
}

struct CommitteeShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one dispute's committee.")
    @Argument(help: "The dispute's id (its task's) or a unique prefix.") var dispute: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let state = try context.store.currentState()
        let names = (try? context.store.names()) ?? [:]
        let id = try context.store.findDispute(dispute, in: state)
        let d = state.contracts.disputes[id]!
        var r = CommitteeReport(d, contract: state.contracts.contracts[id]!, at: state.height + 1, params: state.params, names: names)
        let held = try d.committee.compactMap { member in
            try SeatRecord.read(pot: context.store.potDirectory, dispute: id, member: member).map { CommitteeReport.LocalSeat(member, $0, names: names) }
        }
        if !held.isEmpty { r.seats_here = held }
        if json { print(try Format.json(r)); return }
        print("dispute    \(r.dispute)")
        print("task       \(r.title)")
        print("raised by  \(r.party.text) at height \(r.opened_at): \(r.statement)")
        print("phase      \(r.phase)")
        guard let drawn = r.drawn_at else {
            if r.decision == nil { print("committee  drawn at height \(r.draw_at), from the id of block \(r.draw_at - 1)") }
            if let d = r.decision { print("decision   \(d.verdict) at height \(d.height): fewer members may sit than a committee needs") }
            return
        }
        print("committee  drawn at height \(drawn); \(r.threshold) shares recover a silent member's verdict")
        for seat in r.committee {
            let verdict = seat.verdict_ppm.map { " (\(Verdict.describe(ppm: $0)))" } ?? ""
            print("  \(seat.position). \(seat.member.short.padded(9)) \(seat.verdict_state)\(verdict)")
        }
        print("windows    seal until \(r.seal_until!), reveal until \(r.reveal_until!), recover until \(r.recover_until!)")
        if let tallied = r.tallied_at { print("tally      \(Verdict.describe(ppm: r.tally_ppm)), known at height \(tallied); decision by \(r.decide_by!)") }
        if let d = r.decision {
            let by = d.leader.map { "leader \($0.short), term \(d.term!)" } ?? "the chain at the deadline (no leader posted)"
            print("decision   \(d.verdict) at height \(d.height), posted by \(by)")
        } else if let (leader, term) = Self.leaderSeenHere(r.seats_here ?? []) {
            print("leader     \(leader.text), term \(term), as this node's seats see it; the chain learns it from the leader's decision")
        } else {
            print("leader     none known yet: the chain learns it from the leader's decision, which carries its term and certificate")
        }
        for seat in r.seats_here ?? [] {
            let leader = seat.role == "leader" ? "" : seat.leader.map { ", leader \($0.short)" } ?? ", no leader known"
            let since = Date(timeIntervalSince1970: TimeInterval(seat.since)).formatted(.iso8601.time(includingFractionalSeconds: false))
            print("this node  \(seat.member.short.padded(9)) \(seat.role) in term \(seat.term)\(leader) (since \(since) UTC); log \(seat.committed)/\(seat.log_entries) committed")
        }
    }
}

extension CommitteeShow {
    /// The leader of the highest term any of this node's seats knows, if one does.
    static func leaderSeenHere(_ seats: [CommitteeReport.LocalSeat]) -> (ContractReport.Party, UInt64)? {
        seats.compactMap { seat in (seat.role == "leader" ? seat.member : seat.leader).map { ($0, seat.term) } }
            .max { $0.1 < $1.1 }
    }
}

extension Verdict {
    /// The verdict of `ppm` in words.
    static func describe(ppm: UInt64) -> String { ((try? Verdict(checking: ppm))?.description) ?? "\(ppm) ppm" }
}
