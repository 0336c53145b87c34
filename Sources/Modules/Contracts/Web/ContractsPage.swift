import Foundation
import PoTContractsHost
import PoTCore
import PoTWeb

/// The contracts page (tasks, disputes, service trust) and one page per task with its dispute.
enum ContractsPage {
    static func render(_ d: ContractsDocument) -> HTML {
        let tasks = Fragments.table(["task", "title", "requester", "worker", "reward (mT)", "phase"], d.contracts.map { c in
            [TaskLink.to(c.id), "\(c.title)", party(c.requester), c.worker.map(party) ?? "-", "\(Figures.grouped(c.reward_mt))", "\(c.phase)"]
        }, numeric: [4], empty: "no task posted")
        let disputes = Fragments.table(["dispute", "task", "phase", "committee", "decision"], d.disputes.map { x in
            [TaskLink.to(x.dispute), "\(x.title)", "\(x.phase)", "\(x.committee.count)", x.decision.map { HTML("\($0.verdict)") } ?? "-"]
        }, empty: "no dispute")
        let service = Fragments.table(["member", "service trust", "", "for", "against", "contracts", "arbitrations", "may sit"], d.service.map { s in
            [party(s.member), percent(s.trust_ppm), bar(s.trust_ppm), decimal(s.evidence_for), decimal(s.evidence_against), "\(s.contracts)",
             "\(s.arbitrations)", "\(s.may_sit ? "yes" : s.arbiter_key ? "no" : "no arbiter key")"]
        }, numeric: [1, 3, 4, 5, 6], empty: "no member")
        return """
        <h1>Contracts</h1>
        <p class="note">A requester posts a task and its reward is escrowed; a worker accepts and delivers a commit; the requester approves and the worker is paid, or either side disputes and a committee drawn by service trust decides by sealed verdicts.</p>
        <section>
        <h2>Tasks</h2>
        \(tasks)
        </section>
        <section>
        <h2>Disputes</h2>
        \(disputes)
        </section>
        <section>
        <h2>Service trust</h2>
        \(service)
        <p class="note">(r+1)/(r+s+2) over decayed evidence for (r) and against (s), in contracts' worth; separate from consensus trust.</p>
        </section>
        \(Fragments.twin("/api/contracts"))
        """
    }

    static func task(_ t: TaskDocument) -> HTML {
        let c = t.contract
        let delivery: HTML = c.delivery.map { d in "commit <code>\(d.commit)</code> at height \(Fragments.heightLink(d.height))\(d.note.map { ": \($0)" } ?? "")" }
            ?? (c.worker == nil ? "-" : "due by height \(c.deliver_by)")
        let closing: HTML = c.closing.map { x in "\(x.reason) at height \(Fragments.heightLink(x.height)); the worker's share \(percent(x.worker_share_ppm))" } ?? "open"
        let ratings = Fragments.table(["rated by", "stars"], c.ratings.map { [party($0.rater), "\(String(repeating: "★", count: Int($0.stars)))"] },
                                      empty: "no rating yet")
        return """
        <h1>Task <code class="id">\(String(c.id.prefix(12)))</code></h1>
        <dl class="facts">
        <dt>task</dt><dd><code>\(c.id)</code></dd>
        <dt>title</dt><dd>\(c.title)</dd>
        \(c.description.map { HTML("<dt>details</dt><dd>\($0)</dd>") } ?? HTML.empty)
        <dt>requester</dt><dd>\(party(c.requester))</dd>
        <dt>reward</dt><dd>\(Figures.grouped(c.reward_mt)) mT, escrowed at height \(Fragments.heightLink(c.posted_at))</dd>
        <dt>worker</dt><dd>\(c.worker.map(party) ?? HTML("none yet; may accept until height \(c.accept_by)"))</dd>
        <dt>delivery</dt><dd>\(delivery)</dd>
        <dt>phase</dt><dd>\(c.phase)</dd>
        <dt>closing</dt><dd>\(closing)</dd>
        </dl>
        <section>
        <h2>Ratings</h2>
        \(ratings)
        </section>
        \(t.committee.map(committee) ?? HTML.empty)
        \(Fragments.twin("/api/contracts/\(c.id)"))
        """
    }

    static func committee(_ x: CommitteeReport) -> HTML {
        let seats = Fragments.table(["seat", "member", "verdict", "shares released"], x.committee.map { seat in
            let verdict = seat.verdict_ppm.map { " (\(describe($0)))" } ?? ""
            return ["\(seat.position)", party(seat.member), "\(seat.verdict_state)\(verdict)", "\(seat.shares_released)"]
        }, numeric: [3], empty: "not drawn yet")
        let decision: HTML = x.decision.map { d in
            let by: HTML = d.leader.map { "the leader \(party($0)) in term \(d.term ?? 0)" } ?? "the chain at the deadline"
            return "\(d.verdict) at height \(Fragments.heightLink(d.height)), posted by \(by)"
        } ?? "not yet; the chain's tally is \(describe(x.tally_ppm))"
        return """
        <section>
        <h2>Dispute</h2>
        <dl class="facts">
        <dt>raised by</dt><dd>\(party(x.party)) at height \(Fragments.heightLink(x.opened_at)): \(x.statement)</dd>
        <dt>phase</dt><dd>\(x.phase)</dd>
        <dt>decision</dt><dd>\(decision)</dd>
        </dl>
        \(timeline(x))
        <h3>Committee</h3>
        \(seats)
        <p class="note">\(x.threshold > 0 ? "Any \(x.threshold) members' released shares recover a silent member's verdict." : "")</p>
        </section>
        """
    }

    /// The dispute's phases on one axis of heights, with the height the chain is at.
    static func timeline(_ x: CommitteeReport) -> HTML {
        var marks: [(String, UInt64)] = [("disputed", x.opened_at), ("drawn", x.drawn_at ?? x.draw_at)]
        if let s = x.seal_until { marks.append(("seals until", s)) }
        if let r = x.reveal_until { marks.append(("reveals until", r)) }
        if let r = x.recover_until { marks.append(("shares until", r)) }
        if let t = x.tallied_at { marks.append(("tally", t)) }
        if let d = x.decision?.height { marks.append(("decided", d)) } else if let by = x.decide_by { marks.append(("decide by", by)) }
        marks.sort { ($0.1, $0.0) < ($1.1, $1.0) }
        let low = marks.map(\.1).min()!, high = max(marks.map(\.1).max()!, low + 1)
        let width = 640, left = 50, right = 50
        func position(_ h: UInt64) -> Int { left + Int(Double(h - low) / Double(high - low) * Double(width - left - right)) }
        // Labels take four rows, two above the axis and two below, in turn, so neighbours never meet.
        let rows = [14, 28, 68, 82]
        let ticks = marks.enumerated().map { i, mark -> HTML in
            let x = position(mark.1), y = rows[i % rows.count]
            return "<line x1=\"\(x)\" y1=\"40\" x2=\"\(x)\" y2=\"52\" stroke=\"#2457c5\" stroke-width=\"2\"/><text x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\" font-size=\"10\" fill=\"#1d2330\">\(mark.0) \(mark.1)</text>"
        }
        return """
        <figure class="chart">
        <svg viewBox="0 0 \(width) 90" role="img" aria-label="The dispute's timeline in heights">
        <line x1="\(left)" y1="46" x2="\(width - right)" y2="46" stroke="#9aa3b2" stroke-width="2"/>
        \(ticks)
        </svg>
        <figcaption>The dispute's phases, in block heights: the draw, the seal, reveal and recovery windows, the tally and the decision.</figcaption>
        </figure>
        """
    }

    static func party(_ p: ContractReport.Party) -> HTML { Fragments.accountLink(p.key, label: p.label) }
    static func percent(_ ppm: UInt64) -> HTML { "\(String(format: "%.1f%%", Double(ppm) / 10_000))" }
    static func decimal(_ value: Double) -> HTML { "\(String(format: "%.2f", value))" }
    static func describe(_ ppm: UInt64) -> String {
        switch ppm {
        case 1_000_000: return "pay the worker"
        case 0: return "refund the requester"
        default: return String(format: "%.1f%% to the worker", Double(ppm) / 10_000)
        }
    }

    /// A bar of `ppm` out of 10^6, as an inline SVG.
    static func bar(_ ppm: UInt64) -> HTML {
        let filled = Int(ppm * 100 / 1_000_000)
        return "<svg width=\"100\" height=\"10\" role=\"img\" aria-label=\"\(percent(ppm))\"><rect width=\"100\" height=\"10\" fill=\"#e3e7ee\"/><rect width=\"\(filled)\" height=\"10\" fill=\"#2e8b57\"/></svg>"
    }
}
