import PoTCore

/// The end of a dispute: the contract closes with the decision's split, and each arbiter's
/// service record learns how it served. DECISION-SETTLE.
enum DisputeSettlement {
    typealias Block = ModuleBlock<ContractsModule>

    static func settle(_ id: Hash256, _ verdict: Verdict, leader: PublicKey?, term: UInt64?, in block: inout Block) throws {
        var dispute = block.state.disputes[id]!
        let counted = dispute.counted
        dispute.decision = Dispute.Decision(height: block.height, verdict: verdict, leader: leader, term: term, counted: counted)
        block.state.disputes[id] = dispute
        try ContractSettlement.close(id, .decided, workerShare: verdict.workerShare, in: &block)
        let decay = ServiceTrust.Decay(block.params)
        let tolerance = block.parameter(ContractsModule.agreementTolerance)
        for arbiter in dispute.committee {
            var positive: UInt64 = 0, negative: UInt64 = 0
            switch dispute.verdicts[arbiter] {
            case .revealed(let own):
                if VerdictTally.agrees(own, with: verdict, tolerance: tolerance) {
                    positive = ServiceRecord.unit
                } else {
                    negative = block.parameter(ContractsModule.minorityEvidence)
                }
            case .recovered:
                negative = block.parameter(ContractsModule.withholdEvidence)
            case .corrupt, nil:
                negative = block.parameter(ContractsModule.absentEvidence)
            }
            block.state.addEvidence(arbiter, positive: positive, negative: negative, arbitration: true, at: block.height, decay)
        }
    }

    /// DECISION-FALLBACK: settles from an end-of-block hook (no committee could be drawn, or no
    /// leader posted the decision in time) with the chain's own tally.
    static func settleAtDeadline(_ id: Hash256, in block: inout Block) {
        let dispute = block.state.disputes[id]!
        let verdict = VerdictTally.tally(of: dispute, params: block.params)
        if block.attempt({ try settle(id, verdict, leader: nil, term: nil, in: &$0) }) { return }
        var settled = dispute
        settled.decision = Dispute.Decision(height: block.height, verdict: verdict, leader: nil, term: nil, counted: dispute.counted)
        block.state.disputes[id] = settled
        ContractSettlement.closeAtDeadline(id, .decided, workerShare: verdict.workerShare, in: &block)
    }
}
