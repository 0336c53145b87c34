import PoTCore

/// The end-of-block work of the module, over the live contracts in id order: closing what a
/// silent party let lapse (CONTRACT-EXPIRY), drawing committees (COMMITTEE-DRAW), noting when a
/// dispute's tally is known and settling it when its leader stays silent (DECISION-FALLBACK),
/// and retiring closed contracts whose rating window is over.
enum ContractDeadlines {
    typealias Block = ModuleBlock<ContractsModule>

    static func endBlock(in block: inout Block) {
        let h = block.height
        let review = block.parameter(ContractsModule.reviewWindow)
        let rating = block.parameter(ContractsModule.ratingWindow)
        for id in block.state.live.sorted() {
            let contract = block.state.contracts[id]!
            switch contract.phase {
            case .open where h >= contract.post.post.acceptBy:
                ContractSettlement.closeAtDeadline(id, .unaccepted, workerShare: 0, in: &block)
            case .accepted where h >= contract.post.post.deliverBy:
                ContractSettlement.closeAtDeadline(id, .undelivered, workerShare: 0, in: &block)
            case .delivered where h >= contract.deliveredAt! + review:
                ContractSettlement.closeAtDeadline(id, .reviewLapsed, workerShare: Verdict.scale, in: &block)
            case .disputed:
                DisputeProgress.advance(id, in: &block)
            default:
                break
            }
            if let closing = block.state.contracts[id]!.closing, contract.worker == nil || h >= closing.height + rating {
                block.state.live.remove(id)
            }
        }
    }
}
