import PoTCore

/// Chooses the agents section of a new block: every object that applies, each kind in id order,
/// within the section's limits.
enum AgentsSelection {
    static func select(_ pending: AgentsSection, in block: inout ModuleBlock<AgentsModule>) -> AgentsSection {
        let chain = block.chain
        var section = AgentsSection()
        func ordered<Body>(_ objects: [Signed<Body>]) -> [Signed<Body>] { objects.sorted { $0.id(chain: chain) < $1.id(chain: chain) } }
        for r in ordered(pending.registrations) where section.registrations.count < AgentLimits.maxRegistrationsPerBlock {
            if block.attempt({ try AgentsTransition.register(r, in: &$0) }) { section.registrations.append(r) }
        }
        for p in ordered(pending.proofs) where section.proofs.count < AgentLimits.maxProofsPerBlock {
            if block.attempt({ try AgentsTransition.prove(p, in: &$0) }) { section.proofs.append(p) }
        }
        for a in ordered(pending.attestations) where section.attestations.count < AgentLimits.maxAttestationsPerBlock {
            if block.attempt({ try AgentsTransition.attest(a, in: &$0) }) { section.attestations.append(a) }
        }
        for f in ordered(pending.frauds) where section.frauds.count < AgentLimits.maxFraudProofsPerBlock {
            if block.attempt({ try AgentsTransition.fraud(f, in: &$0) }) { section.frauds.append(f) }
        }
        for f in ordered(pending.forecasts) where section.forecasts.count < AgentLimits.maxForecastsPerBlock {
            if block.attempt({ try AgentsTransition.forecast(f, in: &$0) }) { section.forecasts.append(f) }
        }
        for e in ordered(pending.evaluations) where section.evaluations.count < AgentLimits.maxEvaluationsPerBlock {
            if block.attempt({ try AgentsTransition.evaluate(e, in: &$0) }) { section.evaluations.append(e) }
        }
        for u in ordered(pending.usages) where section.usages.count < AgentLimits.maxUsagesPerBlock {
            if block.attempt({ try AgentsTransition.use(u, in: &$0) }) { section.usages.append(u) }
        }
        return section
    }
}
