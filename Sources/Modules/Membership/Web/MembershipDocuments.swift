import PoTCore
import PoTMembership
import PoTMembershipHost
import PoTWeb

/// `/api/membership`: every game and every member.
struct MembershipDocument: Encodable, Sendable {
    let tip_height: UInt64
    let games: [GameReport]
    let members: [MemberReport]

    static let schema = Schema.object([
        "tip_height": Schema.integer,
        "games": Schema.array(Schema.ref("SponsorGame")),
        "members": Schema.array(Schema.ref("Member")),
    ], description: "The admission games (newest first) and the members with their privilege to sponsor.")

    /// A game as `GameReport` encodes it (also what `pot sponsor show --json` prints).
    static let gameSchema = Schema.object([
        "id": Schema.hex64, "phase": Schema.enumeration(["awaiting-join", "revealing", "finished", "lapsed"]),
        "opener": Schema.hex64, "opener_label": Schema.string, "partner": Schema.hex64, "partner_label": Schema.string,
        "newcomer": Schema.hex64, "newcomer_label": Schema.string,
        "opened_at": Schema.integer, "join_by": Schema.integer, "joined_at": Schema.integer, "reveal_by": Schema.integer,
        "revealed": Schema.array(Schema.object([
            "player": Schema.hex64, "label": Schema.string, "move": Schema.enumeration(["cooperate", "defect"]),
            "reward_keys": Schema.array(Schema.hex64),
        ], optional: ["label"])),
        "outcome": Schema.enumeration(["C/C", "C/D", "D/C", "D/D", "lapsed"]), "ended_at": Schema.integer,
        "admitted": Schema.array(Schema.hex64), "missing": Schema.array(Schema.hex64),
    ], optional: ["opener_label", "partner_label", "newcomer_label", "joined_at", "reveal_by", "outcome", "ended_at"],
       description: "An admission game: its players, newcomer, deadlines, reveals and outcome.")

    /// A member as `MemberReport` encodes it (also what `pot members --json` prints).
    static let memberSchema = Schema.object([
        "key": Schema.hex64, "label": Schema.string, "balance_mt": Schema.integer, "member_since": Schema.integer,
        "genesis": Schema.boolean, "admitted_by": Schema.hex64, "sponsors": Schema.array(Schema.hex64), "by_defection": Schema.boolean,
        "privilege": Schema.enumeration(["able", "staked", "cooling", "suspended", "new"]), "until": Schema.integer,
        "staked_in": Schema.hex64,
    ], optional: ["label", "admitted_by", "until", "staked_in"],
       description: "A member: since when, who sponsored it, and whether it may sponsor now.")
}

/// The membership section of a block's payload.
struct BlockMembershipDocument: Encodable, Sendable {
    struct Opening: Encodable, Sendable {
        let game: String
        let opener: String
        let opener_label: String?
        let partner: String
        let partner_label: String?
        let newcomer: String
        let newcomer_label: String?
    }

    struct Join: Encodable, Sendable {
        let game: String
        let joiner: String
        let joiner_label: String?
    }

    struct Reveal: Encodable, Sendable {
        let game: String
        let player: String
        let player_label: String?
        let move: String
        let reward_keys: [String]
    }

    let openings: [Opening]
    let joins: [Join]
    let reveals: [Reveal]

    /// Nil when the payload carries no membership section.
    init?(_ section: MembershipSection, chain: Hash256, names: [PublicKey: String]) {
        guard !section.isEmpty else { return nil }
        openings = section.opens.map { signed in
            let o = signed.open
            return Opening(game: o.gameId(chain: chain).hex, opener: o.opener.hex, opener_label: names[o.opener], partner: o.partner.hex,
                           partner_label: names[o.partner], newcomer: o.newcomer.hex, newcomer_label: names[o.newcomer])
        }
        joins = section.joins.map { Join(game: $0.join.game.hex, joiner: $0.join.joiner.hex, joiner_label: names[$0.join.joiner]) }
        reveals = section.reveals.map { signed in
            let r = signed.reveal
            return Reveal(game: r.game.hex, player: r.player.hex, player_label: names[r.player], move: r.move.description,
                          reward_keys: r.rewardKeys.map(\.hex))
        }
    }

    static let schema = Schema.object([
        "openings": Schema.array(Schema.object([
            "game": Schema.hex64, "opener": Schema.hex64, "opener_label": Schema.string, "partner": Schema.hex64,
            "partner_label": Schema.string, "newcomer": Schema.hex64, "newcomer_label": Schema.string,
        ], optional: ["opener_label", "partner_label", "newcomer_label"])),
        "joins": Schema.array(Schema.object(["game": Schema.hex64, "joiner": Schema.hex64, "joiner_label": Schema.string],
                                            optional: ["joiner_label"])),
        "reveals": Schema.array(Schema.object([
            "game": Schema.hex64, "player": Schema.hex64, "player_label": Schema.string,
            "move": Schema.enumeration(["cooperate", "defect"]), "reward_keys": Schema.array(Schema.hex64),
        ], optional: ["player_label"])),
    ], description: "The membership section of a payload (payload key 5): openings, joins and reveals of admission games, in payload order.")

    var html: HTML {
        let openings = Fragments.table(["game", "opener", "partner", "newcomer"], self.openings.map { o in
            [GameLink.to(o.game), Fragments.accountLink(o.opener, label: o.opener_label), Fragments.accountLink(o.partner, label: o.partner_label),
             Fragments.accountLink(o.newcomer, label: o.newcomer_label)]
        }, empty: "no opening")
        let joins = Fragments.table(["game", "partner"], self.joins.map { [GameLink.to($0.game), Fragments.accountLink($0.joiner, label: $0.joiner_label)] },
                                    empty: "no join")
        let reveals = Fragments.table(["game", "player", "move", "reward keys"], self.reveals.map { r in
            [GameLink.to(r.game), Fragments.accountLink(r.player, label: r.player_label), "\(r.move)", "\(r.reward_keys.count)"]
        }, numeric: [3], empty: "no reveal")
        return """
        <section>
        <h2>Membership</h2>
        <h3>Games opened</h3>
        \(openings)
        <h3>Games joined</h3>
        \(joins)
        <h3>Moves revealed</h3>
        \(reveals)
        </section>
        """
    }
}

/// An account's membership: `membership` of `/api/accounts/{account}`.
struct AccountMembershipDocument: Encodable, Sendable {
    /// Nil when the key is not a member.
    let member: MemberReport?
    /// The games it played, newest first.
    let games: [String]

    static let schema = Schema.object(["member": Schema.ref("Member"), "games": Schema.array(Schema.hex64)], optional: ["member"],
                                      description: "The account's membership (absent when it is no member) and the admission games it played.")

    func html(names: [PublicKey: String]) -> HTML {
        let facts: HTML
        if let m = member {
            let sponsors = HTML.join(m.sponsors.map { Fragments.accountLink($0, label: PublicKey(hex: $0).flatMap { names[$0] }) }, separator: " and ")
            let since: HTML = m.genesis ? "genesis" : "height \(Fragments.heightLink(m.member_since)), \(m.by_defection ? "as the reward of" : "sponsored by") \(sponsors) in game \(GameLink.to(m.admitted_by ?? ""))"
            facts = """
            <dl class="facts">
            <dt>member since</dt><dd>\(since)</dd>
            <dt>may sponsor</dt><dd>\(m.privilegeText)</dd>
            </dl>
            """
        } else {
            facts = "<p class=\"empty\">not a member</p>"
        }
        let played: HTML = games.isEmpty ? "<p class=\"empty\">no game played</p>" : "<p>Games played: \(HTML.join(games.map { GameLink.to($0) }, separator: ", "))</p>"
        return """
        <section>
        <h2>Membership</h2>
        \(facts)
        \(played)
        </section>
        """
    }
}

/// A link to a game's page, showing the start of its id.
enum GameLink {
    static func to(_ id: String) -> HTML { "<a href=\"/membership/games/\(id)\"><code>\(String(id.prefix(12)))</code></a>" }
}
