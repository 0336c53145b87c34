import PoTCore

/// Closing a contract: the escrow moves through the ledger (the worker's share to the worker,
/// the rest back to the requester) and both sides' service records learn how it ended.
enum ContractSettlement {
    typealias Block = ModuleBlock<ContractsModule>

    /// Closes contract `id` for `reason`, paying the worker `workerShare` ppm of the escrow.
    static func close(_ id: Hash256, _ reason: Contract.Closing.Reason, workerShare: UInt64, in block: inout Block) throws {
        let contract = block.state.contracts[id]!
        // A bond is the key's, not the contract's: never release more than the key still holds.
        let escrow = min(contract.reward, block.bond(contract.requester))
        try block.unlockBond(contract.requester, escrow)
        if let worker = contract.worker {
            let paid = UInt64(UInt128(escrow) * UInt128(workerShare) / UInt128(Verdict.scale))
            if paid > 0 {
                try block.debit(contract.requester, paid)
                try block.credit(worker, paid)
            }
        }
        let closing = Contract.Closing(reason: reason, height: block.height, workerShare: workerShare)
        block.state.contracts[id]!.phase = .closed(closing)
        learn(contract, closing, in: &block)
        block.report.closed.append((id, closing))
    }

    /// The service evidence of a closing: both sides of a completed contract gain; a worker that
    /// did not deliver loses; a requester that let its review lapse loses half; a decision
    /// credits the side it favours and debits the other.
    private static func learn(_ contract: Contract, _ closing: Contract.Closing, in block: inout Block) {
        guard let worker = contract.worker else { return }
        let decay = ServiceTrust.Decay(block.params)
        let unit = ServiceRecord.unit, h = block.height
        let requester = contract.requester
        switch closing.reason {
        case .unaccepted:
            return
        case .undelivered:
            block.state.addEvidence(worker, negative: unit, at: h, decay)
        case .approved:
            block.state.addEvidence(worker, positive: unit, contract: true, at: h, decay)
            block.state.addEvidence(requester, positive: unit, contract: true, at: h, decay)
        case .reviewLapsed:
            block.state.addEvidence(worker, positive: unit, contract: true, at: h, decay)
            block.state.addEvidence(requester, negative: unit / 2, contract: true, at: h, decay)
        case .decided:
            let half = Verdict.scale / 2
            let (winner, loser): (PublicKey?, PublicKey?) =
                closing.workerShare > half ? (worker, requester) : closing.workerShare < half ? (requester, worker) : (nil, nil)
            for key in [worker, requester] {
                block.state.addEvidence(key, positive: key == winner ? unit : 0, negative: key == loser ? unit : 0, contract: true, at: h, decay)
            }
        }
    }

    /// Closes a contract from an end-of-block hook, where nothing may throw: should the ledger
    /// refuse (an overflow), the escrow is refunded instead.
    static func closeAtDeadline(_ id: Hash256, _ reason: Contract.Closing.Reason, workerShare: UInt64, in block: inout Block) {
        if block.attempt({ try close(id, reason, workerShare: workerShare, in: &$0) }) { return }
        if block.attempt({ try close(id, reason, workerShare: 0, in: &$0) }) { return }
        let closing = Contract.Closing(reason: reason, height: block.height, workerShare: 0)
        block.state.contracts[id]!.phase = .closed(closing)
        block.report.closed.append((id, closing))
    }
}
