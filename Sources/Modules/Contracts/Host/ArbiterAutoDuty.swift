import PoTContracts
import PoTCore
import PoTStore
import Synchronization

/// What a running `pot-bootstrap` does for the arbiters whose keys its repository holds: it
/// reveals each verdict sealed here once the reveals are open, and releases its shares of the
/// verdicts that stay sealed once the reveal window is over, so that an arbiter is never
/// counted absent while its node runs, and a silent one is recovered by the others' nodes.
public enum ArbiterAutoDuty {
    public static var duty: StoreDuty {
        let reported = Mutex<Set<String>>([])
        return StoreDuty(name: "contracts: reveal and recover verdicts") { store in
            try store.arbitrateDue().filter { line in reported.withLock { $0.insert(line).inserted } }
        }
    }
}

extension ChainStore {
    /// Reveals and releases what is due for the keys held here; one line each. Reads no key
    /// unless something is due.
    public func arbitrateDue() throws -> [String] {
        let secrets = ArbiterSecrets(store: self)
        let verdicts = secrets.keptVerdicts()
        let members = Set(secrets.keptKeys())
        guard !verdicts.isEmpty || !members.isEmpty else { return [] }
        let state = try currentState()
        let next = state.height + 1
        var lines: [String] = []
        var keys: [PublicKey: (String, SigningKey)]?
        func key(_ member: PublicKey) -> (String, SigningKey)? {
            if keys == nil { keys = Dictionary(KeyRing(store: self).all().map { ($0.key.publicKey, $0) }, uniquingKeysWith: { a, _ in a }) }
            return keys?[member]
        }
        for (id, arbiter) in verdicts {
            guard let dispute = state.contracts.disputes[id], dispute.verdicts[arbiter] == nil, dispute.decision == nil,
                  DisputeTimeline(dispute, params: state.params).revealsOpen(dispute, at: next),
                  try git.reference("refs/pot/\(ContractsModule.revealKind.refRoot)/\(id.hex)/\(arbiter.hex)") == nil,
                  let (label, signing) = key(arbiter) else { continue }
            do {
                let signed = try revealVerdict(as: signing, dispute: id.hex)
                lines.append("revealed '\(signed.reveal.verdict)' on dispute \(id.short) as \(label)")
            } catch let refusal as SigningRefusal {
                lines.append("could not reveal \(label)'s verdict on dispute \(id.short): \(refusal)")
            }
        }
        for (id, dispute) in state.contracts.disputes.sorted(by: { $0.key < $1.key }) where dispute.decision == nil {
            let timeline = DisputeTimeline(dispute, params: state.params)
            guard let revealEnd = timeline.revealEnd, let recoveryEnd = timeline.recoveryEnd, next > revealEnd, next <= recoveryEnd else { continue }
            for member in dispute.committee where members.contains(member) {
                let position = dispute.position(of: member)!
                let owed = dispute.committee.filter { sealer in
                    sealer != member && dispute.seals[sealer] != nil && dispute.verdicts[sealer] == nil && dispute.released[sealer]?[position] == nil
                }
                guard !owed.isEmpty, let (label, signing) = key(member) else { continue }
                let waiting = try owed.allSatisfy { sealer in
                    try git.reference("refs/pot/\(ContractsModule.releaseKind.refRoot)/\(id.hex)/\(sealer.hex)/\(member.hex)") != nil
                }
                if waiting { continue }
                do {
                    let released = try releaseShares(as: signing, dispute: id.hex)
                    lines.append("released \(released.count) share(s) on dispute \(id.short) as \(label)")
                } catch let refusal as SigningRefusal {
                    lines.append("could not release \(label)'s shares on dispute \(id.short): \(refusal)")
                }
            }
        }
        return lines
    }
}
