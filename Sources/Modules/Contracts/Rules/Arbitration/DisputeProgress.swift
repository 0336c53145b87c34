import PoTCore

/// Moves a dispute along at the end of a block: draws its committee when its time comes, notes
/// the height at which its tally is known, and settles it when the decision window passes.
enum DisputeProgress {
    typealias Block = ModuleBlock<ContractsModule>

    static func advance(_ id: Hash256, in block: inout Block) {
        let dispute = block.state.disputes[id]!
        let timeline = DisputeTimeline(dispute, params: block.params)
        let h = block.height
        if dispute.drawnAt == nil {
            if h >= timeline.drawAt { draw(id, in: &block) }
            return
        }
        if dispute.talliedAt == nil, isTallied(dispute, timeline: timeline, at: h) {
            block.state.disputes[id]!.talliedAt = h
            return
        }
        if let deadline = timeline.decisionDeadline, h >= deadline {
            DisputeSettlement.settleAtDeadline(id, in: &block)
        }
    }

    /// COMMITTEE-DRAW: `committee_size` members drawn by service trust, seeded by the id of the
    /// block this one builds on. With too few who may sit, the dispute is settled at once with
    /// the fallback split.
    static func draw(_ id: Hash256, in block: inout Block) {
        let contract = block.state.contracts[id]!
        let size = Int(block.parameter(ContractsModule.committeeSize))
        let candidates = Eligibility.candidates(excluding: contract, state: block.state, isMember: { [block] in block.isMember($0) },
                                                at: block.height, params: block.params)
        let seed = CommitteeDraw.seed(dispute: id, block: block.parent, chain: block.chain)
        guard let committee = CommitteeDraw.draw(candidates, size: size, seed: seed) else {
            DisputeSettlement.settleAtDeadline(id, in: &block)
            return
        }
        block.state.disputes[id]!.committee = committee
        block.state.disputes[id]!.drawnAt = block.height
        block.state.disputes[id]!.threshold = min(Int(block.parameter(ContractsModule.shareThreshold)), size - 1)
        block.report.drawn.append((id, committee))
    }

    /// The tally is known when every member's verdict is settled: revealed, recovered or found
    /// corrupt; never sealed once the seal window is over; or given up once recovery is over.
    static func isTallied(_ dispute: Dispute, timeline: DisputeTimeline, at h: UInt64) -> Bool {
        if h >= timeline.recoveryEnd! { return true }
        return dispute.committee.allSatisfy { member in
            dispute.verdicts[member] != nil || (dispute.seals[member] == nil && h >= timeline.sealEnd!)
        }
    }
}
