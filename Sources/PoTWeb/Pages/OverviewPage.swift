import PoTCore

/// The overview: tip, finality, I_h per height, the trust distribution, recent blocks, pending objects.
enum OverviewPage {
    static func render(_ d: StatusDocument) -> HTML {
        let chart = Charts.columns(d.information.map { i in
            let value = Double(i.information_nats) ?? 0
            return (label: "h \(i.height)", value: value, tooltip: "height \(i.height): I_h = \(i.information_nats) nats\(i.final ? "" : " (open)")",
                    kind: i.final ? "final" : "open")
        }, caption: "Information content I_h per height (final heights dark, open ones light)", unit: "nats")
        let total = d.accounts.reduce(UInt64(0)) { $0 &+ $1.balance_mt }
        let trustRows = d.accounts.map { a -> [HTML] in
            [
                Fragments.accountLink(a.public_key, label: a.label),
                "<span class=\"w\">\(Figures.grouped(a.balance_mt))</span>",
                "\(Figures.probability(a.share_ppm))",
                Charts.meter(Double(a.share_ppm) / 1_000_000, kind: "trust", title: "\(a.label ?? a.public_key): \(Figures.grouped(a.balance_mt)) mT"),
                a.member ? "member" : "",
            ]
        }
        let blockRows = d.recent_blocks.map { b -> [HTML] in
            [
                Fragments.heightLink(b.height), Fragments.blockLink(b.id),
                Fragments.accountLink(b.proposer, label: b.proposer_label),
                "\(Display.time(b.timestamp))", "\(b.blocks_at_height)", b.final ? Fragments.badge("final") : Fragments.badge("open"),
            ]
        }
        let problems: HTML = d.problems.isEmpty ? .empty : """
            <section class="problems"><h2>Problems</h2><ul>\(d.problems.map { p -> HTML in "<li>\(p)</li>" })</ul></section>
            """
        return """
        <h1>Chain overview</h1>
        \(problems)
        <dl class="facts">
        <dt>tip</dt><dd>height <strong id="tip-height">\(d.tip.height)</strong> · \(d.tip.height > 0 ? Fragments.blockLink(d.tip.id) : "genesis")</dd>
        <dt>finalized</dt><dd>height <strong id="finalized-height">\(d.finalized_height)</strong></dd>
        <dt>tip time</dt><dd>\(Display.time(d.tip.timestamp))</dd>
        <dt>K · alpha</dt><dd>\(d.k) confirmations · \(Figures.grouped(d.alpha)) mT per nat</dd>
        <dt>main</dt><dd><code>\(d.tip.commit)</code></dd>
        <dt>pending</dt><dd>\(d.pending.candidates.count) candidate(s), \(d.pending.votes.count) vote(s), \(d.pending.transfers.count) transfer(s)</dd>
        </dl>
        <section>
        <h2>Information per height</h2>
        \(chart)
        </section>
        <section>
        <h2>Trust distribution</h2>
        <p class="note">\(Figures.grouped(total)) mT held by \(d.accounts.count) account(s).</p>
        \(Fragments.table(["account", "balance (mT)", "share", "", ""], trustRows, numeric: [1, 2]))
        </section>
        <section>
        <h2>Recent blocks on main</h2>
        \(Fragments.table(["height", "block", "proposer", "time", "blocks stored", ""], blockRows, numeric: [4], empty: "only the genesis so far"))
        </section>
        <section>
        <h2>Pending</h2>
        <h3>Candidate blocks</h3>
        \(Fragments.table(["height", "block", "proposer"], d.pending.candidates.map { c in
            [Fragments.heightLink(c.height), Fragments.blockLink(c.id), Fragments.accountLink(c.proposer, label: c.proposer_label)]
        }))
        <h3>Votes</h3>
        \(Fragments.table(["height", "voter", "distribution", "probabilities"], d.pending.votes.map { v in
            [Fragments.heightLink(v.height), Fragments.accountLink(v.voter, label: v.voter_label), Sections.distribution(v, order: []),
             "<span class=\"probs\">\(Sections.probabilities(v))</span>"]
        }))
        <h3>Transfers</h3>
        \(Sections.transfers(d.pending.transfers))
        </section>
        \(Fragments.twin("/api/status"))
        """
    }
}
