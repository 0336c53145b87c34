import PoTAgents
import PoTCore
import PoTStore
import Synchronization

/// What a running `pot-bootstrap --validate-agents LABEL` does: for every proven agent whose
/// segments the chain selected, it re-executes them from the checkpoints and dataset this
/// repository holds and, as the member LABEL names, attests the proof when they all re-execute,
/// or proves fraud in the first that does not.
public enum AgentValidatorDuty {
    public static func duty(label: String) -> StoreDuty {
        let done = Mutex<Set<Hash256>>([])
        let reported = Mutex<Set<String>>([])
        return StoreDuty(name: "agents: verify and attest as \(label)") { store in
            let lines = try store.validateAgents(as: label) { id in done.withLock { $0.contains(id) } } finished: { id in
                _ = done.withLock { $0.insert(id) }
            }
            return lines.filter { line in reported.withLock { $0.insert(line).inserted } }
        }
    }
}

extension ChainStore {
    /// Audits the agents `label`'s key has not attested yet; one line for each attestation or
    /// fraud proof signed, or for an agent whose checkpoints or dataset are not here yet.
    /// `skip` and `finished` keep the agents already settled by this process.
    public func validateAgents(as label: String, skip: (Hash256) -> Bool, finished: (Hash256) -> Void) throws -> [String] {
        let key = try KeyRing(store: self).key(label)
        let state = try currentState()
        guard state.isMember(key.publicKey) else { return ["\(label) is not a member: it cannot attest agents"] }
        var lines: [String] = []
        for agent in state.agents.agents.values.sorted(by: { $0.name < $1.name }) {
            guard agent.fraud == nil, agent.provider != key.publicKey, let proof = agent.proof, proof.selected != nil,
                  !proof.attesters.contains(key.publicKey), !skip(agent.id) else { continue }
            let audit: AgentAudit
            do {
                audit = try AgentAudit.run(store: self, agent: agent)
            } catch let refusal as SigningRefusal {
                lines.append("cannot verify agent \(agent.name) yet: \(refusal)")
                continue
            }
            do {
                if audit.passed {
                    let signed = try attestAgent(as: key, agent: agent, audit: audit)
                    lines.append("attested agent \(agent.name) as \(label) (\(audit.segments) segments re-executed): \(signed.id(chain: chainId).short)")
                } else {
                    let segment = UInt64(audit.results.first { !$0.passed }!.segment)
                    let (signed, _) = try claimFraud(as: key, agent: agent, segment: segment)
                    lines.append("proved fraud in segment \(segment) of agent \(agent.name) as \(label): \(signed.id(chain: chainId).short)")
                }
                finished(agent.id)
            } catch let refusal as SigningRefusal {
                lines.append("could not act on agent \(agent.name) as \(label): \(refusal)")
                if refusal.conflict { finished(agent.id) }
            }
        }
        return lines
    }
}
