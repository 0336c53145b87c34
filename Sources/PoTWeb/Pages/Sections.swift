import PoTCore

/// Parts of pages that more than one page shows.
enum Sections {
    /// A vote's distribution as one bar; `order` gives each candidate its colour (its place in the tally).
    static func distribution(_ vote: VoteItem, order: [String]) -> HTML {
        var segments: [(fraction: Double, kind: String, title: String)] = []
        for (i, candidate) in vote.candidates.enumerated() {
            let index = order.firstIndex(of: candidate) ?? (order.isEmpty ? i : -1)
            segments.append((Double(vote.probs_ppm[i]) / 1_000_000, index >= 0 ? Charts.candidateClass(index) : "cx",
                             "\(candidate.prefix(12)): \(Figures.probability(vote.probs_ppm[i]))"))
        }
        let none = vote.probs_ppm.last ?? 0
        segments.append((Double(none) / 1_000_000, "cnone", "none: \(Figures.probability(none))"))
        return Charts.distribution(segments, label: "distribution of vote \(vote.id.prefix(12))")
    }

    /// "A=0.90 B=0.05 none=0.05"
    static func probabilities(_ vote: VoteItem) -> String {
        (zip(vote.candidates, vote.probs_ppm).map { "\($0.prefix(8))=\(Figures.probability($1))" }
            + ["none=\(Figures.probability(vote.probs_ppm.last ?? 0))"]).joined(separator: " ")
    }

    static func voteStatus(_ vote: VoteItem) -> HTML {
        if let block = vote.included_in, let height = vote.included_at {
            return "included in \(Fragments.blockLink(block)) (h \(height))"
        }
        return Fragments.badge(vote.status)
    }

    static func tally(_ tally: TallyDocument) -> HTML {
        let total = UInt128(tally.total_trust_mt) ?? 0
        let order = tally.candidates.map(\.id)
        let rows = tally.candidates.enumerated().map { i, c -> [HTML] in
            let w = UInt128(c.weight_mt_ppm) ?? 0
            return [
                "<span class=\"swatch \(Charts.candidateClass(i))\"></span>\(Fragments.blockLink(c.id)) \(c.canonical ? Fragments.badge("canonical") : HTML.empty)",
                Fragments.accountLink(c.proposer, label: c.proposer_label),
                "<span class=\"w\">\(Figures.weight(w))</span>",
                "\(Figures.probability(c.market_ppm))",
                Charts.meter(Double(c.market_ppm) / 1_000_000, kind: Charts.candidateClass(i), title: "W(\(c.id.prefix(12))) = \(Figures.weight(w)) mT"),
            ]
        }
        let source: HTML = tally.from_included_votes
            ? "Weights of the votes the chain included and scored."
            : "Weights of every vote known here (pending and carried by blocks): what <code>pot advance</code> tallies."
        let voteRows = tally.votes.map { v -> [HTML] in
            [
                "<span id=\"vote-\(v.id)\"></span>\(Fragments.accountLink(v.voter, label: v.voter_label))",
                "\(v.trust_mt.map { Figures.grouped($0) } ?? "-")",
                distribution(v, order: order),
                "<span class=\"probs\">\(probabilities(v))</span>",
                v.counted == false ? Fragments.badge("not counted") : voteStatus(v),
            ]
        }
        let rejected = tally.rejected.isEmpty ? HTML.empty : """
            <h3>Refused by the state transition</h3>
            \(Fragments.table(["block", "reason"], tally.rejected.map { ["\(Fragments.blockLink($0.id))", "\($0.reason)"] }))
            """
        return """
        <section>
        <h2>Fork choice at height \(Fragments.heightLink(tally.height))</h2>
        <p class="note">\(source) Total trust of the counted voters: <span class="w">\(Figures.grouped(total))</span> mT.</p>
        \(Fragments.table(["candidate", "proposer", "W (mT)", "p_m", ""], rows, numeric: [2, 3], empty: "no candidate"))
        \(rejected)
        <h3>Votes</h3>
        \(Fragments.table(["voter", "trust (mT)", "distribution", "probabilities", "status"], voteRows, numeric: [1], empty: "no vote yet"))
        </section>
        """
    }

    static func finalization(_ f: FinalizationDocument) -> HTML {
        let rows = f.scores.map { s -> [HTML] in
            [
                Fragments.accountLink(s.voter, label: s.voter_label),
                "\(Figures.grouped(s.trust_mt))",
                "\(Figures.probability(s.q_ppm))",
                "\(s.margin_nats)",
                Fragments.delta(s.delta_mt),
                "\(Figures.grouped(s.balance_after_mt))",
            ]
        }
        return """
        <section>
        <h2>Finalization of height \(Fragments.heightLink(f.height))</h2>
        <dl class="facts">
        <dt>winner</dt><dd>\(Fragments.blockLink(f.winner))</dd>
        <dt>p_m(winner)</dt><dd>\(Figures.probability(f.market_ppm))</dd>
        <dt>I_h</dt><dd>\(f.information_nats) nats</dd>
        </dl>
        \(Fragments.table(["voter", "trust (mT)", "q(winner)", "margin (nats)", "Δ (mT)", "balance after (mT)"], rows, numeric: [1, 2, 3, 4, 5], empty: "no vote was scored"))
        </section>
        """
    }

    static func transfers(_ items: [TransferItem], perspective key: String? = nil) -> HTML {
        let rows = items.map { t -> [HTML] in
            var direction: HTML = ""
            if let key { direction = t.from == key ? "out" : "in" }
            return [
                "<span id=\"transfer-\(t.id)\"></span>\(Fragments.accountLink(t.from, label: t.from_label))",
                Fragments.accountLink(t.to, label: t.to_label),
                "\(Figures.grouped(t.amount_mt))",
                "\(t.nonce)",
                "\(t.memo)",
                t.included_in.map { "\(Fragments.blockLink($0)) (h \(t.included_at ?? 0))" } ?? Fragments.badge(t.status),
                direction,
            ]
        }
        var headers = ["from", "to", "amount (mT)", "nonce", "memo", "status"]
        if key != nil { headers.append("") }
        return Fragments.table(headers, key == nil ? rows.map { Array($0.dropLast()) } : rows, numeric: [2, 3], empty: "no transfer")
    }
}
