import PoTCore
import PoTMembershipHost
import PoTWeb

/// The membership page (graph, games, members) and one page per game.
enum MembershipPage {
    static func render(_ d: MembershipDocument, names: [PublicKey: String]) -> HTML {
        func account(_ hex: String, _ label: String?) -> HTML { Fragments.accountLink(hex, label: label) }
        let running = d.games.filter { $0.outcome == nil }
        let ended = d.games.filter { $0.outcome != nil }
        let runningTable = Fragments.table(["game", "phase", "opener", "partner", "newcomer", "opened", "deadline"], running.map { g in
            [GameLink.to(g.id), Fragments.badge(g.phase), account(g.opener, g.opener_label), account(g.partner, g.partner_label),
             account(g.newcomer, g.newcomer_label), Fragments.heightLink(g.opened_at),
             g.reveal_by.map { (by: UInt64) -> HTML in "reveals by \(Fragments.heightLink(by))" } ?? "join by \(Fragments.heightLink(g.join_by))"]
        }, empty: "no game running")
        let endedTable = Fragments.table(["game", "outcome", "opener", "partner", "newcomer", "ended", "admitted"], ended.map { g in
            [GameLink.to(g.id), Fragments.badge(g.outcome!), account(g.opener, g.opener_label), account(g.partner, g.partner_label),
             account(g.newcomer, g.newcomer_label), Fragments.heightLink(g.ended_at!),
             HTML.join(g.admitted.map { account($0, PublicKey(hex: $0).flatMap { names[$0] }) }, separator: ", ")]
        }, empty: "no game ended yet")
        let members = Fragments.table(["member", "since", "sponsors", "may sponsor", "balance (mT)"], d.members.map { m in
            let sponsors: HTML = m.genesis ? "genesis" : HTML.join(m.sponsors.map { account($0, PublicKey(hex: $0).flatMap { names[$0] }) }, separator: " + ")
            return [account(m.key, m.label), m.genesis ? "genesis" : Fragments.heightLink(m.member_since),
                    m.by_defection ? "\(sponsors) (reward)" : sponsors, "\(m.privilegeText)", "\(Figures.grouped(m.balance_mt))"]
        }, numeric: [4])
        return """
        <h1>Membership</h1>
        <p class="note">New members are admitted by a game two members play, each staking its privilege to sponsor: both cooperate, the newcomer joins; one defects, its reward keys join and the other is suspended; both defect, both are suspended. Moves stay secret until both commitments are on chain.</p>
        <section>
        <h2>Sponsorship graph</h2>
        \(SponsorshipGraph.svg(d.members))
        </section>
        <section>
        <h2>Games running</h2>
        \(runningTable)
        <h2>Games ended</h2>
        \(endedTable)
        </section>
        <section>
        <h2>Members</h2>
        \(members)
        </section>
        \(Fragments.twin("/api/membership"))
        """
    }

    static func game(_ g: GameReport) -> HTML {
        func account(_ hex: String, _ label: String?) -> HTML { Fragments.accountLink(hex, label: label) }
        let reveals = Fragments.table(["player", "move", "reward keys"], g.revealed.map { r in
            [account(r.player, r.label), "\(r.move)", HTML.join(r.reward_keys.map { account($0, nil) }, separator: ", ")]
        }, empty: "no reveal on chain")
        let outcome: HTML = g.outcome.map { o in
            let admitted: HTML = g.admitted.isEmpty ? "nobody admitted" : "admitted \(HTML.join(g.admitted.map { account($0, nil) }, separator: ", "))"
            return "\(Fragments.badge(o)) at height \(Fragments.heightLink(g.ended_at!)): \(admitted)"
        } ?? "not ended"
        let joined: HTML = g.joined_at.map { (at: UInt64) -> HTML in "height \(Fragments.heightLink(at)); reveals until \(g.reveal_by!)" } ?? "not yet"
        return """
        <h1>Game <code class="id">\(String(g.id.prefix(12)))</code> \(Fragments.badge(g.phase))</h1>
        <dl class="facts">
        <dt>game</dt><dd><code>\(g.id)</code></dd>
        <dt>opener</dt><dd>\(account(g.opener, g.opener_label))</dd>
        <dt>partner</dt><dd>\(account(g.partner, g.partner_label))</dd>
        <dt>newcomer</dt><dd>\(account(g.newcomer, g.newcomer_label))</dd>
        <dt>opened</dt><dd>height \(Fragments.heightLink(g.opened_at)); the partner may join until \(g.join_by)</dd>
        <dt>joined</dt><dd>\(joined)</dd>
        <dt>outcome</dt><dd>\(outcome)</dd>
        \(g.missing.isEmpty ? HTML.empty : "<dt>missing reveals</dt><dd>\(HTML.join(g.missing.map { account($0, nil) }, separator: ", ")) (counted as defect)</dd>")
        </dl>
        <section>
        <h2>Reveals</h2>
        \(reveals)
        </section>
        \(Fragments.twin("/api/membership/games/\(g.id)"))
        """
    }
}

/// The sponsorship graph as a self-contained SVG: one row per generation (genesis members on
/// top), an arrow from each sponsor to the member it admitted, dashed red for a defector's
/// reward. Colours are SVG attributes, so the page needs no style of its own.
enum SponsorshipGraph {
    static let colours: [String: String] = ["able": "#2e8b57", "staked": "#2457c5", "cooling": "#e0a31f", "suspended": "#c0392b", "new": "#9aa3b2"]

    static func svg(_ members: [MemberReport]) -> HTML {
        guard !members.isEmpty else { return "<p class=\"empty\">no member</p>" }
        var depth: [String: Int] = [:]
        for m in members {
            // Members come in admission order, so every sponsor's generation is known first.
            depth[m.key] = m.genesis ? 0 : 1 + (m.sponsors.compactMap { depth[$0] }.max() ?? 0)
        }
        let rows = Dictionary(grouping: members, by: { depth[$0.key]! })
        let widest = rows.values.map(\.count).max() ?? 1
        let width = max(480, widest * 96), rowHeight = 90, height = (rows.keys.max()! + 1) * rowHeight + 30
        var position: [String: (x: Int, y: Int)] = [:]
        for (row, people) in rows {
            let step = width / (people.count + 1)
            for (i, m) in people.enumerated() { position[m.key] = ((i + 1) * step, 34 + row * rowHeight) }
        }
        var edges: [HTML] = [], nodes: [HTML] = []
        for m in members where !m.genesis {
            let to = position[m.key]!
            for sponsor in m.sponsors {
                guard let from = position[sponsor] else { continue }
                let dash: HTML = m.by_defection ? " stroke-dasharray=\"6 4\"" : ""
                edges.append("<line x1=\"\(from.x)\" y1=\"\(from.y + 14)\" x2=\"\(to.x)\" y2=\"\(to.y - 16)\" stroke=\"\(m.by_defection ? "#c0392b" : "#2457c5")\" stroke-width=\"2\" marker-end=\"url(#arrow-\(m.by_defection ? "d" : "c"))\"\(dash)/>")
            }
        }
        for m in members {
            let p = position[m.key]!
            let name = m.label ?? String(m.key.prefix(8))
            nodes.append("""
            <g><title>\(name) (\(m.key)): \(m.genesis ? "genesis member" : "member since \(m.member_since)"); \(m.privilegeText)</title>\
            <circle cx="\(p.x)" cy="\(p.y)" r="14" fill="\(colours[m.privilege] ?? "#9aa3b2")"/>\
            <text x="\(p.x)" y="\(p.y + 30)" text-anchor="middle" font-size="12" fill="#1d2330">\(name)</text></g>
            """)
        }
        let legend = colours.keys.sorted().enumerated().map { i, key -> HTML in
            "<circle cx=\"\(12 + i * 96)\" cy=\"\(height - 10)\" r=\"6\" fill=\"\(colours[key]!)\"/><text x=\"\(22 + i * 96)\" y=\"\(height - 6)\" font-size=\"11\" fill=\"#5b6475\">\(key)</text>"
        }
        return """
        <figure class="chart">
        <svg viewBox="0 0 \(width) \(height)" role="img" aria-label="Sponsorship graph: who admitted whom">
        <defs>
        <marker id="arrow-c" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#2457c5"/></marker>
        <marker id="arrow-d" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#c0392b"/></marker>
        </defs>
        \(edges)
        \(nodes)
        \(legend)
        </svg>
        <figcaption>Who admitted whom: blue arrows from both sponsors of a cooperation, dashed red from a defector to its reward keys; colour: may sponsor now (able), staked, cooling down, suspended, or too new.</figcaption>
        </figure>
        """
    }
}
