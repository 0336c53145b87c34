/// A block: header, merged commits, fork choice at its height, finalization, payload.
enum BlockPage {
    static func render(_ b: BlockDocument) -> HTML {
        let merged = Fragments.table(["commit", "summary", "author", "time"], b.merged.map { m in
            [Fragments.code(String(m.commit.prefix(12))), "\(m.summary)", "\(m.author)", "\(m.timestamp > 0 ? Display.time(m.timestamp) : "")"]
        }, empty: "no commit merged (the block carries the parent's tree)")
        let siblings: HTML = b.siblings.isEmpty ? "none" : HTML.join(b.siblings.map { Fragments.blockLink($0) }, separator: ", ")
        let votes = Fragments.table(["voter", "for height", "distribution", "probabilities"], b.payload.votes.map { v in
            ["<span id=\"vote-\(v.id)\"></span>\(Fragments.accountLink(v.voter, label: v.voter_label))", Fragments.heightLink(v.height),
             Sections.distribution(v, order: []), "<span class=\"probs\">\(Sections.probabilities(v))</span>"]
        }, empty: "no vote")
        let evidence = Fragments.table(["voter", "height", "first vote", "second vote"], b.payload.evidence.map { e in
            [Fragments.accountLink(e.voter, label: e.voter_label), Fragments.heightLink(e.height),
             Fragments.code(String(e.first.prefix(12))), Fragments.code(String(e.second.prefix(12)))]
        }, empty: "no evidence")
        return """
        <h1>Block <code class="id">\(String(b.id.prefix(12)))</code> \(Fragments.badge(b.status.rawValue))</h1>
        <dl class="facts">
        <dt>id</dt><dd><code id="block-id">\(b.id)</code></dd>
        <dt>height</dt><dd>\(Fragments.heightLink(b.height))</dd>
        <dt>parent</dt><dd>\(b.height > 1 ? Fragments.blockLink(b.parent) : "genesis <code>\(String(b.parent.prefix(12)))</code>")</dd>
        <dt>proposer</dt><dd>\(Fragments.accountLink(b.proposer, label: b.proposer_label))</dd>
        <dt>time</dt><dd>\(Display.time(b.timestamp))</dd>
        <dt>block commit</dt><dd><code>\(b.commit)</code></dd>
        <dt>tree</dt><dd><code>\(b.tree)</code></dd>
        <dt>record</dt><dd><code>\(b.record)</code></dd>
        <dt>payload root</dt><dd><code>\(b.payload_root)</code></dd>
        <dt>other blocks at this height</dt><dd>\(siblings)</dd>
        </dl>
        <section>
        <h2>Merged commits</h2>
        \(merged)
        </section>
        \(b.tally.map(Sections.tally) ?? "<section><h2>Fork choice</h2><p class=\"empty\">This block does not extend main below its height, so fork choice does not weigh it.</p></section>")
        \(b.finalization.map(Sections.finalization) ?? HTML.empty)
        <section>
        <h2>Payload</h2>
        <h3>Votes carried</h3>
        \(votes)
        <h3>Transfers carried</h3>
        \(Sections.transfers(b.payload.transfers))
        <h3>Equivocation evidence</h3>
        \(evidence)
        </section>
        \(b.payload.sections.html)
        \(Fragments.twin("/api/blocks/\(b.id)"))
        """
    }
}
