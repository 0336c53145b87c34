import PoTCore

/// An account: balance history, scores, votes, transfers, the modules' sections, penalties.
enum AccountPage {
    static func render(_ a: AccountDocument, sections: [PageSection], tipHeight: UInt64) -> HTML {
        let scores = Fragments.table(["height", "winner", "trust (mT)", "q(winner)", "p_m(winner)", "margin (nats)", "Δ (mT)", "balance after (mT)"], a.scores.map { s in
            [Fragments.heightLink(s.height), Fragments.blockLink(s.winner), "\(Figures.grouped(s.trust_mt))", "\(Figures.probability(s.q_ppm))",
             "\(Figures.probability(s.market_ppm))", "\(s.margin_nats)",
             Fragments.delta(s.delta_mt), "\(Figures.grouped(s.balance_after_mt))"]
        }, numeric: [2, 3, 4, 5, 6, 7], empty: "no score yet")
        let votes = Fragments.table(["height", "distribution", "probabilities", "status"], a.votes.map { v in
            ["<span id=\"vote-\(v.id)\"></span>\(Fragments.heightLink(v.height))", Sections.distribution(v, order: []),
             "<span class=\"probs\">\(Sections.probabilities(v))</span>", Sections.voteStatus(v)]
        }, empty: "no vote")
        let penalties = Fragments.table(["for height", "in block at height", "amount (mT)"], a.penalties.map { p in
            [Fragments.heightLink(p.height), Fragments.heightLink(p.block_height), "\(Figures.grouped(p.amount_mt))"]
        }, numeric: [2], empty: "none")
        let truncated: HTML = a.totals.votes > a.votes.count || a.totals.scores > a.scores.count || a.totals.transfers > a.transfers.count
            ? "<p class=\"note\">Lists show the newest \(AccountDocument.listLimit) entries.</p>" : .empty
        return """
        <h1>Account \(a.label ?? String(a.public_key.prefix(8)))</h1>
        <dl class="facts">
        <dt>public key</dt><dd><code>\(a.public_key)</code></dd>
        <dt>balance</dt><dd><strong class="w">\(Figures.grouped(a.balance_mt))</strong> mT\(a.exists ? "" : " (no account in the state yet)")</dd>
        <dt>nonce</dt><dd>\(a.nonce)</dd>
        <dt>member</dt><dd>\(a.member ? "yes: may vote" : "no")</dd>
        </dl>
        \(truncated)
        <section>
        <h2>Balance history</h2>
        \(Charts.steps(a.history.map { (x: $0.height, y: $0.balance_mt) }, through: tipHeight, caption: "Balance in mT after each block that changed it"))
        </section>
        <section>
        <h2>Scores</h2>
        \(scores)
        </section>
        <section>
        <h2>Votes</h2>
        \(votes)
        </section>
        <section>
        <h2>Transfers</h2>
        \(Sections.transfers(a.transfers, perspective: a.public_key))
        </section>
        \(sections.html)
        <section>
        <h2>Equivocation penalties</h2>
        \(penalties)
        </section>
        \(Fragments.twin("/api/accounts/\(a.label ?? a.public_key)"))
        """
    }
}
