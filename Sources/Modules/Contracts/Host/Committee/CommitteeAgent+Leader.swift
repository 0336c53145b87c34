import PoTContracts
import PoTCore
import PoTNet

extension CommitteeAgent {
    /// What a leading seat does on each Raft tick: it records in the committee's log the steps
    /// of the dispute the chain shows, and once the tally is known posts the decision with the
    /// votes that elected it, once per term.
    func lead(_ seat: CommitteeSeat, now: UInt64, objects: inout [WireObject]) {
        guard seat.node.role == .leader, let dispute = state.contracts.disputes[seat.dispute], dispute.decision == nil else { return }
        let logged = Set(seat.node.log.entries.map(\.data))
        for step in CommitteeLogEntry.steps(of: dispute, params: state.params).prefix(64) where !logged.contains(step.bytes) {
            propose(step, on: seat, now: now)
        }
        let term = seat.node.term
        guard dispute.talliedAt != nil, seat.decidedInTerm != term, let certificate = seat.certificate(chain: store.chainId) else { return }
        let verdict = VerdictTally.tally(of: dispute, params: state.params)
        do {
            let decision = try ArbitrationDecision(dispute: seat.dispute, leader: seat.member, term: term, verdict: verdict, certificate: certificate)
            let signed = SignedArbitrationDecision.sign(decision, with: seat.key, chain: store.chainId)
            objects.append(.module(ModuleObject(signed, kind: ContractsModule.decisionKind)))
            seat.decidedInTerm = term
            propose(.decided(verdict, term: term), on: seat, now: now)
            lines.append("committee of dispute \(seat.dispute.short): \(name(seat.member)) posts the decision '\(verdict)' as leader of term \(term), certified by \(certificate.count) of \(dispute.committee.count)")
        } catch {
            lines.append("committee of dispute \(seat.dispute.short): \(name(seat.member)) cannot make the decision: \(error)")
        }
    }

    func propose(_ entry: CommitteeLogEntry, on seat: CommitteeSeat, now: UInt64) {
        guard let (_, messages) = try? seat.node.propose(entry.bytes) else { return }
        deliver(messages, from: seat, now: now)
    }
}
