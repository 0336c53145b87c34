import Foundation
import PoTAgents
import PoTAgentsHost
import PoTCore
import PoTWeb

/// The agent directory and one page per agent.
enum AgentsPage {
    static func link(_ name: String) -> HTML { "<a href=\"/agents/\(name)\">\(name)</a>" }

    static func percent(_ ppm: UInt64) -> String { String(format: "%.1f%%", Double(ppm) / 10_000) }

    static func directory(_ agents: [AgentDocument], names: [PublicKey: String]) -> HTML {
        let rows = agents.map { a -> [HTML] in
            [link(a.name), Fragments.badge(a.status), Fragments.accountLink(a.provider, label: PublicKey(hex: a.provider).flatMap { names[$0] }),
             "\(HTML.join(a.tags.map { "<code>\($0)</code>" as HTML }, separator: " "))", "\(a.model)",
             "\(a.reputation_ppm.map(percent) ?? "–")", "\(Figures.grouped(a.bond_mt))", "\(a.proof?.attesters.count ?? 0)", "\(a.uses)"]
        }
        return """
        <h1>Agents</h1>
        <p class="note">Agents are registered with a bond and a training claim. A later block fixes the seed; the provider trains in fixed-point integers and commits to the Merkle root of its checkpoints; members re-execute the segments a later block selects and attest; a fraud proof makes the chain re-execute one segment itself and take the bond. Reputation is the accuracy the chain measured on a holdout drawn after its market closed.</p>
        \(Fragments.table(["agent", "status", "provider", "capabilities", "model", "reputation", "bond (mT)", "attesters", "uses"], rows,
                          numeric: [5, 6, 7, 8], empty: "no agent registered"))
        \(Fragments.twin("/api/agents"))
        """
    }

    static func agent(_ a: AgentDocument, names: [PublicKey: String]) -> HTML {
        func account(_ hex: String) -> HTML { Fragments.accountLink(hex, label: PublicKey(hex: hex).flatMap { names[$0] }) }
        let proof: HTML = a.proof.map { p in
            let selected = p.selected.map { $0.map(String.init).joined(separator: ", ") } ?? "not yet (height \(p.included_at) + the selection delay)"
            let attesters: HTML = p.attesters.isEmpty ? "nobody yet" : HTML.join(p.attesters.map(account), separator: ", ")
            return """
            <dt>proof</dt><dd>root <code>\(p.root)</code> at height \(Fragments.heightLink(p.included_at))</dd>
            <dt>final model</dt><dd><code>\(p.final_model)</code></dd>
            <dt>segments checked</dt><dd>\(selected)</dd>
            <dt>attested by</dt><dd>\(attesters)\(p.verified_at.map { "; verified at height \($0)" } ?? "")</dd>
            """
        } ?? "<dt>proof</dt><dd>none yet</dd>"
        let fraud: HTML = a.fraud.map { f in
            "<dt>fraud</dt><dd>\(Fragments.badge("fraudulent")) segment \(f.segment) proven by \(account(f.reporter)) at height \(Fragments.heightLink(f.height)): \(Figures.grouped(f.slashed_mt)) mT slashed, \(Figures.grouped(f.reward_mt)) mT to the reporter</dd>"
        } ?? HTML.empty
        let curve = a.proof.map { p in
            Charts.columns(p.losses.enumerated().map { (label: "\($0 + 1)", value: $1, tooltip: "segment \($0): loss \(String(format: "%.4f", $1)) nats", kind: "c0") },
                           caption: "Training curve: mean loss of each segment, as the proof commits to it", unit: "nats")
        } ?? HTML.empty
        let accuracy: HTML = a.evaluation.flatMap { m in m.accuracy_ppm.map { (m, $0) } }.map { m, ppm in
            Charts.columns([(label: "height \(m.settled_at ?? 0)", value: Double(ppm) / 10_000, tooltip: "\(percent(ppm)) on \(m.holdout_rows ?? 0) rows", kind: "c1")],
                           caption: "Accuracy measured by the chain on held-out rows", unit: "%")
        } ?? HTML.empty
        let evaluation: HTML = a.evaluation.map { m in
            let outcome: String
            switch m.status {
            case "open": outcome = "forecasts open until height \(m.closes_at)"
            case "drawn": outcome = "holdout of \(m.holdout_rows ?? 0) rows drawn; evidence due by height \(m.resolve_by)"
            case "void": outcome = "void: nobody submitted the evidence in time"
            default: outcome = "accuracy \(m.accuracy_ppm.map(percent) ?? "?") (\(m.bucket ?? "")) measured by the chain at height \(m.settled_at ?? 0)"
            }
            let forecasts = Fragments.table(["forecaster"] + (0..<AccuracyBuckets.count).map(AccuracyBuckets.label), m.forecasts.map { f in
                [account(f.forecaster)] + f.probs_ppm.map { "\(Figures.probability($0))" as HTML }
            }, empty: "no forecast")
            return "<section><h2>Evaluation market</h2><p>\(outcome)</p>\(forecasts)</section>"
        } ?? HTML.empty
        return """
        <h1>Agent \(a.name) \(Fragments.badge(a.status))</h1>
        <dl class="facts">
        <dt>id</dt><dd><code>\(a.id)</code></dd>
        <dt>provider</dt><dd>\(account(a.provider)), bond \(Figures.grouped(a.bond_mt)) mT</dd>
        <dt>capabilities</dt><dd>\(HTML.join(a.tags.map { "<code>\($0)</code>" as HTML }, separator: " "))</dd>
        <dt>model</dt><dd>\(a.model), learning rate \(String(format: "%.4f", a.learning_rate)), momentum \(String(format: "%.4f", a.momentum)), batch \(a.batch)</dd>
        <dt>training</dt><dd>\(a.steps) steps in \(a.segments) segments of \(a.interval); \(percent(a.evaluation_ppm)) of \(a.rows) rows held out for evaluation</dd>
        <dt>dataset</dt><dd>blob <code>\(a.dataset_blob)</code>, label <code>\(a.label)</code>, root <code>\(a.dataset_root)</code></dd>
        <dt>registered</dt><dd>height \(Fragments.heightLink(a.registered_at)); seed \(a.seed.map { "<code>\($0)</code>" as HTML } ?? "not yet")</dd>
        \(proof)
        \(fraud)
        <dt>reputation</dt><dd>\(a.reputation_ppm.map(percent) ?? "not measured yet")</dd>
        <dt>use</dt><dd>\(a.uses) payment(s), \(Figures.grouped(a.fees_mt)) mT</dd>
        </dl>
        \(curve)
        \(accuracy)
        \(evaluation)
        \(Fragments.twin("/api/agents/\(a.name)"))
        """
    }
}
