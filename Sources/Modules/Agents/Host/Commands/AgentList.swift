import ArgumentParser
import PoTAgents
import PoTCLI
import PoTCore
import PoTStore

struct AgentList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the agents on this chain, by name.")
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let agents = try store.currentState().agents.agents.values.sorted { $0.name < $1.name }
        let named = store.keyNamer()
        if json { print(try Format.json(agents.map { AgentDocument($0, named: { $0.hex }) })); return }
        if agents.isEmpty { print("no agents (pot agent register NAME --as KEY … registers one)"); return }
        let rows = agents.map { a in
            [a.name, a.status.rawValue, named(a.provider), "\(a.fraud == nil ? a.registration.bond : 0) mT", a.claim.model.description,
             a.registration.tags.joined(separator: ",")]
        }
        let header = ["name", "status", "provider", "bond", "model", "tags"]
        let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max()! }
        for row in [header] + rows {
            print(row.enumerated().map { $0 == row.count - 1 ? $1 : $1.padded(widths[$0]) }.joined(separator: "  "))
        }
    }
}

struct AgentShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one agent: its claim, seed, proof, attestations and fraud.")
    @OptionGroup var target: AgentArgument
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let agent = try target.find(store)
        let named = store.keyNamer()
        if json { print(try Format.json(AgentDocument(agent, named: { $0.hex }))); return }
        let c = agent.claim
        print("agent \(agent.name) (\(agent.id.hex))")
        print("  status      \(agent.status.rawValue)")
        print("  provider    \(named(agent.provider)), bond \(agent.fraud == nil ? agent.registration.bond : 0) mT, tags \(agent.registration.tags.joined(separator: ", "))")
        print("  model       \(c.model.description), learning rate \(Q16.text(c.learningRate)), momentum \(Q16.text(c.momentum)), batch \(c.batchSize)")
        print("  training    \(c.steps) steps in \(c.segments) segments of \(c.interval); \(Percent.text(ppm: c.evaluationPpm)) of \(c.rows) rows held out")
        print("  dataset     blob \(Hex.encode(c.datasetBlob)), label \(c.labelColumn), root \(c.datasetRoot.short)")
        print("  registered  at height \(agent.registeredAt); seed \(agent.seed?.short ?? "not yet")")
        if let p = agent.proof {
            print("  proof       root \(p.root.short), final model \(p.finalModel.short), at height \(p.includedAt)")
            print("  loss        \(p.losses.map { Q16.text($0, digits: 3) }.joined(separator: " "))")
            print("  selected    \(p.selected.map { $0.map(String.init).joined(separator: ", ") } ?? "not yet")")
            print("  attested by \(p.attesters.isEmpty ? "nobody yet" : p.attesters.map(named).joined(separator: ", "))\(p.verifiedAt.map { "; verified at height \($0)" } ?? "")")
        }
        if let f = agent.fraud {
            print("  FRAUD       segment \(f.segment) proven by \(named(f.reporter)) at height \(f.height): \(f.slashed) mT slashed, \(f.reward) mT to the reporter\(f.penalized.isEmpty ? "" : "; attesters fined: \(f.penalized.map(named).joined(separator: ", "))")")
        }
        if let m = agent.evaluation {
            let outcome: String
            switch m.outcome {
            case nil: outcome = m.holdout == nil ? "forecasts open until height \(m.closesAt)" : "holdout of \(m.holdout!.count) rows drawn; evidence due by height \(m.resolveBy)"
            case .voided(let height): outcome = "void at height \(height): nobody submitted the evidence"
            case .measured(let accuracy, let bucket, let height): outcome = "accuracy \(Percent.text(ppm: accuracy)) (\(AccuracyBuckets.label(bucket))) measured by the chain at height \(height)"
            }
            print("  evaluation  \(outcome); \(m.forecasts.count) forecast(s)")
        }
        if agent.uses > 0 { print("  used        \(agent.uses) time(s), \(agent.fees) mT in fees") }
        if agent.refutedClaims > 0 { print("  refuted     \(agent.refutedClaims) fraud claim(s)") }
    }
}
