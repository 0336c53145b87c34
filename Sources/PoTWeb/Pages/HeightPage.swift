/// A height: its blocks, fork choice and finalization.
enum HeightPage {
    static func render(_ h: HeightDocument) -> HTML {
        let blocks = Fragments.table(["block", "status", "proposer", "parent", "time"], h.blocks.map { b in
            [Fragments.blockLink(b.id), Fragments.badge(b.status.rawValue), Fragments.accountLink(b.proposer, label: b.proposer_label),
             Fragments.code(String(b.parent.prefix(12))), "\(Display.time(b.timestamp))"]
        }, empty: "no block stored")
        return """
        <h1>Height \(h.height) \(Fragments.badge(h.status))</h1>
        <dl class="facts">
        <dt>canonical</dt><dd>\(h.canonical.map { Fragments.blockLink($0) } ?? "none yet")</dd>
        <dt>I_h</dt><dd>\(h.information_nats.map { "\($0) nats" } ?? "-")\(h.status == "final" || h.information_nats == nil ? "" : " (votes known so far)")</dd>
        </dl>
        <section>
        <h2>Blocks</h2>
        \(blocks)
        </section>
        \(h.tally.map(Sections.tally) ?? HTML.empty)
        \(h.finalization.map(Sections.finalization) ?? HTML.empty)
        \(Fragments.twin("/api/heights/\(h.height)"))
        """
    }
}
