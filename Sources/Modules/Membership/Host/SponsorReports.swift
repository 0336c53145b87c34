import PoTCore
import PoTMembership

/// One game as `pot sponsor list|show --json` and the explorer show it.
public struct GameReport: Encodable, Sendable {
    public let id: String
    /// awaiting-join, revealing, finished or lapsed.
    public let phase: String
    public let opener: String
    public let opener_label: String?
    public let partner: String
    public let partner_label: String?
    public let newcomer: String
    public let newcomer_label: String?
    public let opened_at: UInt64
    /// The last height at which the partner may join.
    public let join_by: UInt64
    public let joined_at: UInt64?
    /// The last height at which a reveal may be included.
    public let reveal_by: UInt64?
    /// The players whose reveal is on chain, with their moves (known once revealed).
    public let revealed: [RevealLine]
    /// "C/C", "D/C", "C/D", "D/D" (opener's move first) or "lapsed".
    public let outcome: String?
    public let ended_at: UInt64?
    public let admitted: [String]
    /// Players that never revealed (their move counted as defect).
    public let missing: [String]

    public struct RevealLine: Encodable, Sendable {
        public let player: String
        public let label: String?
        public let move: String
        public let reward_keys: [String]
    }

    public init(_ game: SponsorGame, params: ChainParams, names: [PublicKey: String]) {
        id = game.id.hex
        phase = game.phase.rawValue
        opener = game.opener.hex
        opener_label = names[game.opener]
        partner = game.partner.hex
        partner_label = names[game.partner]
        newcomer = game.newcomer.hex
        newcomer_label = names[game.newcomer]
        opened_at = game.openedAt
        join_by = game.openedAt + params.value(of: MembershipModule.commitWindow)
        joined_at = game.joinedAt
        reveal_by = game.joinedAt.map { $0 + params.value(of: MembershipModule.revealWindow) }
        revealed = [game.opener, game.partner].compactMap { player in
            game.reveals[player].map { RevealLine(player: player.hex, label: names[player], move: $0.move.description, reward_keys: $0.rewardKeys.map(\.hex)) }
        }
        outcome = game.outcome?.label
        ended_at = game.outcome?.height
        admitted = game.outcome?.admitted.map(\.hex) ?? []
        missing = game.outcome?.missing.map(\.hex) ?? []
    }
}

/// A member as `pot members --json` and the explorer show it.
public struct MemberReport: Encodable, Sendable {
    public let key: String
    public let label: String?
    public let balance_mt: UInt64
    /// 0 for a genesis member.
    public let member_since: UInt64
    public let genesis: Bool
    /// The game that admitted it, its sponsors and whether it was a defector's reward.
    public let admitted_by: String?
    public let sponsors: [String]
    public let by_defection: Bool
    /// able, staked, cooling, suspended or new (too recently admitted to sponsor).
    public let privilege: String
    /// Until which height a cooling, suspended or new member waits.
    public let until: UInt64?
    public let staked_in: String?

    public init(_ key: PublicKey, state: ChainState, names: [PublicKey: String]) {
        let membership = state.membership
        let admission = membership.admissions[key]
        let privilege = membership.privilege(key)
        let next = state.height + 1
        self.key = key.hex
        label = names[key]
        balance_mt = state.accounts[key]?.balance ?? 0
        member_since = admission?.height ?? 0
        genesis = admission == nil
        admitted_by = admission?.game.hex
        sponsors = admission?.sponsors.map(\.hex) ?? []
        by_defection = admission?.byDefection ?? false
        staked_in = privilege.stakedIn?.hex
        let ready = admission.map { $0.height + MembershipModule.sponsorAge(of: $0, params: state.params) } ?? 0
        if privilege.suspendedUntil > next {
            (self.privilege, until) = ("suspended", privilege.suspendedUntil)
        } else if privilege.coolingUntil > next {
            (self.privilege, until) = ("cooling", privilege.coolingUntil)
        } else if privilege.stakedIn != nil {
            (self.privilege, until) = ("staked", nil)
        } else if ready > next {
            (self.privilege, until) = ("new", ready)
        } else {
            (self.privilege, until) = ("able", nil)
        }
    }

    /// Every member of `state`, genesis members first, then by admission height; by label (then
    /// key) within a height.
    public static func all(in state: ChainState, names: [PublicKey: String]) -> [MemberReport] {
        func order(_ key: PublicKey) -> (UInt64, String, String) {
            (state.membership.admissions[key]?.height ?? 0, names[key] ?? "\u{10FFFF}", key.hex)
        }
        return state.accounts.filter(\.value.member).keys.sorted { order($0) < order($1) }.map { MemberReport($0, state: state, names: names) }
    }

    /// "able", "staked in game 1a2b…", "cooling down until 120" …, as `pot members` prints it.
    public var privilegeText: String {
        switch privilege {
        case "staked": return "staked in game \(staked_in.map { String($0.prefix(12)) } ?? "?")"
        case "cooling": return "cooling down until \(until!)"
        case "suspended": return "suspended until \(until!)"
        case "new": return "may sponsor from \(until!)"
        default: return "able"
        }
    }
}
