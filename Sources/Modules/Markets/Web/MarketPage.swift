import PoTCore
import PoTMarketsHost
import PoTWeb

/// The markets: a list, and one page per market with its prices, bets and scores.
enum MarketPage {
    static func list(_ document: MarketListDocument) -> HTML {
        let rows = document.markets.map { m -> [HTML] in
            let prices = m.prices_ppm.map { zip(m.outcomes, $0).map { "\($0)=\(Figures.probability($1))" }.joined(separator: " ") } ?? "–"
            return [MarketLink.to(m.id), "\(m.question)", Fragments.badge(m.status),
                    "\(m.close_height)", "\(m.bets.count)", "\(prices)"]
        }
        return """
        <h1>Markets</h1>
        <p class="note">Members bet distributions over outcomes until the close height; the resolver names the outcome; every bettor gains or loses alpha · ln(q / p_m) mT, weighted by trust at the close.</p>
        \(Fragments.table(["market", "question", "status", "close", "bets", "p_m"], rows, numeric: [3, 4], empty: "no market yet"))
        \(Fragments.twin("/api/markets"))
        """
    }

    static func market(_ m: MarketReport, tipHeight: UInt64) -> HTML {
        let prices: HTML = m.prices_ppm.map { ppm in
            HTML.join(zip(m.outcomes, ppm).enumerated().map { i, pair in
                "<div class=\"price\"><span>\(pair.0) \(Figures.probability(pair.1))</span>\(Charts.meter(Double(pair.1) / 1_000_000, kind: Charts.candidateClass(i), title: "p_m(\(pair.0)) = \(Figures.probability(pair.1))"))</div>"
            })
        } ?? "<p class=\"note\">No bettor has trust yet, so the market has no price.</p>"
        let bets = Fragments.table(["bettor", "sequence", "distribution", "probabilities", "weight (mT)"], m.bets.map { b in
            let segments = zip(m.outcomes, b.probs_ppm).enumerated().map { i, pair in
                (fraction: Double(pair.1) / 1_000_000, kind: Charts.candidateClass(i), title: "\(pair.0): \(Figures.probability(pair.1))")
            }
            return [Fragments.accountLink(b.bettor, label: b.label), "\(b.sequence)",
                    Charts.distribution(segments, label: "bet of \(b.label ?? String(b.bettor.prefix(8)))"),
                    "<span class=\"probs\">\(zip(m.outcomes, b.probs_ppm).map { "\($0)=\(Figures.probability($1))" }.joined(separator: " "))</span>",
                    "\(b.trust_mt.map { Figures.grouped($0) } ?? "–")"]
        }, numeric: [1, 4], empty: "no bet included yet")
        let scores = Fragments.table(["bettor", "weight (mT)", "q(outcome)", "Δ (mT)"], m.scores.map { s in
            [Fragments.accountLink(s.bettor, label: s.label), "\(Figures.grouped(s.trust_mt))", "\(Figures.probability(s.outcome_ppm))",
             Fragments.delta(s.delta_mt)]
        }, numeric: [1, 2, 3], empty: "not resolved")
        let declared: HTML = m.declared_at.map { "\(Fragments.heightLink($0))" } ?? "not in a block yet"
        let settled: HTML = m.settled_at.map { " at height \(Fragments.heightLink($0))" } ?? .empty
        let outcome: HTML = m.outcome.map { " <strong>\($0)</strong>" } ?? .empty
        return """
        <h1>\(m.question)</h1>
        <dl class="facts">
        <dt>market</dt><dd><code>\(m.id)</code></dd>
        <dt>status</dt><dd>\(Fragments.badge(m.status))\(outcome)\(settled)</dd>
        <dt>outcomes</dt><dd>\(m.outcomes.joined(separator: ", "))</dd>
        <dt>creator</dt><dd>\(Fragments.accountLink(m.creator, label: m.creator_label))</dd>
        <dt>resolver</dt><dd>\(Fragments.accountLink(m.resolver, label: m.resolver_label))</dd>
        <dt>declared at</dt><dd>\(declared)</dd>
        <dt>bets until</dt><dd>height \(m.close_height)\(tipHeight >= m.close_height ? " (closed)" : "")</dd>
        <dt>resolution by</dt><dd>height \(m.resolve_by)</dd>
        </dl>
        <section>
        <h2>\(m.status == "open" || m.status == "pending" ? "Current p_m" : "p_m at the close")</h2>
        \(prices)
        </section>
        <section>
        <h2>Bets</h2>
        \(bets)
        </section>
        <section>
        <h2>Scores</h2>
        \(scores)
        </section>
        \(Fragments.twin("/api/markets/\(m.id)"))
        """
    }
}
