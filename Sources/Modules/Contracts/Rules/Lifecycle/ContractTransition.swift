import PoTCore

/// The contracts module's part of the state transition for a contract's own objects: posts
/// escrow the reward, acceptances make the contract, deliveries and approvals move it on,
/// ratings add to service records, disputes hand it to a committee.
enum ContractTransition {
    typealias Block = ModuleBlock<ContractsModule>

    static func post(_ signed: SignedTaskPost, in block: inout Block) throws {
        try block.requireSignature(signed, .contractsSignature)
        if let refusal = ContractAdmission.post(signed.post, in: .init(block)) { throw refusal }
        let id = signed.post.taskId(chain: block.chain)
        try block.lockBond(signed.post.requester, signed.post.reward)
        block.state.contracts[id] = Contract(id: id, post: signed, postedAt: block.height)
        block.state.live.insert(id)
    }

    static func accept(_ signed: SignedTaskAcceptance, in block: inout Block) throws {
        try block.requireSignature(signed, .contractsSignature)
        if let refusal = ContractAdmission.accept(signed.acceptance, in: .init(block)) { throw refusal }
        let id = signed.acceptance.task
        block.state.contracts[id]!.acceptance = signed
        block.state.contracts[id]!.acceptedAt = block.height
        block.state.contracts[id]!.phase = .accepted
    }

    static func deliver(_ signed: SignedTaskDelivery, in block: inout Block) throws {
        try block.requireSignature(signed, .contractsSignature)
        if let refusal = ContractAdmission.deliver(signed.delivery, in: .init(block)) { throw refusal }
        let id = signed.delivery.task
        block.state.contracts[id]!.delivery = signed.delivery
        block.state.contracts[id]!.deliveredAt = block.height
        block.state.contracts[id]!.phase = .delivered
    }

    static func approve(_ signed: SignedTaskApproval, in block: inout Block) throws {
        try block.requireSignature(signed, .contractsSignature)
        if let refusal = ContractAdmission.approve(signed.approval, in: .init(block)) { throw refusal }
        try ContractSettlement.close(signed.approval.task, .approved, workerShare: Verdict.scale, in: &block)
    }

    static func rate(_ signed: SignedTaskRating, in block: inout Block) throws {
        try block.requireSignature(signed, .contractsSignature)
        if let refusal = ContractAdmission.rate(signed.rating, in: .init(block)) { throw refusal }
        let rating = signed.rating
        let contract = block.state.contracts[rating.task]!
        block.state.contracts[rating.task]!.ratings[rating.rater] = rating.stars
        let quarter = ServiceRecord.unit / 4
        block.state.addEvidence(contract.counterparty(of: rating.rater)!, positive: (rating.stars - 1) * quarter,
                                negative: (5 - rating.stars) * quarter, at: block.height, ServiceTrust.Decay(block.params))
    }

    static func dispute(_ signed: SignedTaskDispute, in block: inout Block) throws {
        try block.requireSignature(signed, .contractsSignature)
        if let refusal = ContractAdmission.dispute(signed.dispute, in: .init(block)) { throw refusal }
        let id = signed.dispute.task
        block.state.contracts[id]!.phase = .disputed
        block.state.disputes[id] = Dispute(id: id, claim: signed.dispute, openedAt: block.height)
    }
}
