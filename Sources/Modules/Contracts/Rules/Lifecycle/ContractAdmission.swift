import PoTCore

/// The rules a contract's objects must meet to enter a block, written once: the state transition
/// applies them, and `pot contract`, the gossip node and the explorer call the same functions.
/// Signatures are checked by each caller.
public enum ContractAdmission {
    /// CONTRACT-POST: a member posts a new task whose reward it holds and whose deadlines lie
    /// ahead, within `contracts.max_span` heights.
    public static func post(_ post: TaskPost, in c: ContractsContext) -> BlockRejection? {
        let id = post.taskId(chain: c.chain)
        guard c.isMember(post.requester) else {
            return BlockRejection(.contractNotMember, "\(c.named(post.requester)) is not a member and cannot post a task")
        }
        guard c.state.contracts[id] == nil else {
            return BlockRejection(.contractDuplicate, "task \(id.short) was already posted", standing: .stale)
        }
        guard post.reward <= c.balance(post.requester) else {
            return BlockRejection(.contractReward, "a reward of \(post.reward) mT is more than \(c.named(post.requester))'s balance of \(c.balance(post.requester)) mT")
        }
        guard post.acceptBy >= c.blockHeight else {
            return BlockRejection(.contractDeadline, "the task's acceptance height \(post.acceptBy) has passed (the next block is \(c.blockHeight))", standing: .stale)
        }
        let span = c.parameter(ContractsModule.maxSpan)
        guard post.deliverBy - c.blockHeight <= span else {
            return BlockRejection(.contractDeadline, "the task's delivery height \(post.deliverBy) is more than \(span) heights after the next block (\(c.blockHeight))")
        }
        return nil
    }

    /// CONTRACT-ACCEPT: another member takes an open task by its acceptance height.
    public static func accept(_ acceptance: TaskAcceptance, in c: ContractsContext) -> BlockRejection? {
        let contract: Contract
        switch known(acceptance.task, in: c) {
        case .failure(let refusal): return refusal
        case .success(let found): contract = found
        }
        guard acceptance.worker != contract.requester else {
            return BlockRejection(.acceptSelf, "\(c.named(acceptance.worker)) posted task \(contract.id.short) and cannot also be its worker")
        }
        guard c.isMember(acceptance.worker) else {
            return BlockRejection(.contractNotMember, "\(c.named(acceptance.worker)) is not a member and cannot accept a task")
        }
        guard contract.phase == .open else {
            let by = contract.worker.map { " by \(c.named($0))" } ?? ""
            return BlockRejection(.acceptClosed, "task \(contract.id.short) was already \(describe(contract.phase))\(by)", standing: .stale)
        }
        guard c.blockHeight <= contract.post.post.acceptBy else {
            return BlockRejection(.acceptClosed, "task \(contract.id.short) could be accepted until height \(contract.post.post.acceptBy)", standing: .stale)
        }
        return nil
    }

    /// CONTRACT-DELIVER: the worker, and only it, delivers once, by the delivery height.
    public static func deliver(_ delivery: TaskDelivery, in c: ContractsContext) -> BlockRejection? {
        let contract: Contract
        switch known(delivery.task, in: c) {
        case .failure(let refusal): return refusal
        case .success(let found): contract = found
        }
        guard let worker = contract.worker else {
            return BlockRejection(.deliveryNotWorker, "task \(contract.id.short) has no worker yet; only its worker may deliver", standing: .notYet)
        }
        guard delivery.worker == worker else {
            return BlockRejection(.deliveryNotWorker, "only \(c.named(worker)), the worker of task \(contract.id.short), may deliver it, not \(c.named(delivery.worker))")
        }
        guard contract.phase == .accepted else {
            return BlockRejection(.deliveryClosed, "task \(contract.id.short) is \(describe(contract.phase)); a delivery is too late", standing: .stale)
        }
        guard c.blockHeight <= contract.post.post.deliverBy else {
            return BlockRejection(.deliveryClosed, "task \(contract.id.short) was due by height \(contract.post.post.deliverBy)", standing: .stale)
        }
        return nil
    }

    /// CONTRACT-APPROVE: the requester, and only it, approves a delivery within its review window.
    public static func approve(_ approval: TaskApproval, in c: ContractsContext) -> BlockRejection? {
        let contract: Contract
        switch known(approval.task, in: c) {
        case .failure(let refusal): return refusal
        case .success(let found): contract = found
        }
        guard approval.requester == contract.requester else {
            return BlockRejection(.approvalNotRequester, "only \(c.named(contract.requester)), who posted task \(contract.id.short), may approve it, not \(c.named(approval.requester))")
        }
        switch contract.phase {
        case .delivered: return nil
        case .open, .accepted:
            return BlockRejection(.approvalClosed, "task \(contract.id.short) has no delivery to approve yet", standing: .notYet)
        case .disputed, .closed:
            return BlockRejection(.approvalClosed, "task \(contract.id.short) is \(describe(contract.phase)) and can no longer be approved", standing: .stale)
        }
    }

    /// CONTRACT-RATE: each side of a contract that closed with a worker rates the other once,
    /// 1 to 5 stars, within `contracts.rating_window` heights of the closing.
    public static func rate(_ rating: TaskRating, in c: ContractsContext) -> BlockRejection? {
        let contract: Contract
        switch known(rating.task, in: c) {
        case .failure(let refusal): return refusal
        case .success(let found): contract = found
        }
        guard contract.isParty(rating.rater) else {
            return BlockRejection(.ratingNotParty, "\(c.named(rating.rater)) is not a party to task \(contract.id.short) and cannot rate it")
        }
        guard let closing = contract.closing else {
            return BlockRejection(.ratingClosed, "task \(contract.id.short) is \(describe(contract.phase)); it can be rated once it closes", standing: .notYet)
        }
        guard contract.worker != nil else {
            return BlockRejection(.ratingClosed, "task \(contract.id.short) closed without a worker: there is nobody to rate", standing: .stale)
        }
        let window = c.parameter(ContractsModule.ratingWindow)
        guard c.blockHeight <= closing.height + window else {
            return BlockRejection(.ratingClosed, "task \(contract.id.short) could be rated until height \(closing.height + window)", standing: .stale)
        }
        guard contract.ratings[rating.rater] == nil else {
            return BlockRejection(.ratingDuplicate, "\(c.named(rating.rater)) already rated task \(contract.id.short)", standing: .stale)
        }
        return nil
    }

    /// CONTRACT-DISPUTE: either side takes an accepted contract to arbitration before it closes:
    /// before the delivery height, or within the review window of a delivery.
    public static func dispute(_ dispute: TaskDispute, in c: ContractsContext) -> BlockRejection? {
        let contract: Contract
        switch known(dispute.task, in: c) {
        case .failure(let refusal): return refusal
        case .success(let found): contract = found
        }
        guard contract.isParty(dispute.party), contract.worker != nil else {
            return BlockRejection(.disputeNotParty, "\(c.named(dispute.party)) is not a party to the contract of task \(contract.id.short)")
        }
        switch contract.phase {
        case .accepted, .delivered: return nil
        case .open:
            return BlockRejection(.disputeClosed, "task \(contract.id.short) has no worker: there is nothing to dispute", standing: .notYet)
        case .disputed, .closed:
            return BlockRejection(.disputeClosed, "task \(contract.id.short) is \(describe(contract.phase)) and can no longer be disputed", standing: .stale)
        }
    }

    static func known(_ task: Hash256, in c: ContractsContext) -> Result<Contract, BlockRejection> {
        guard let contract = c.state.contracts[task] else {
            return .failure(BlockRejection(.contractUnknown, "task \(task.short) is not in the chain yet; a block must carry its post first", standing: .notYet))
        }
        return .success(contract)
    }

    /// The phase in words, as refusals and `pot contract show` print it.
    public static func describe(_ phase: Contract.Phase) -> String {
        switch phase {
        case .open: return "open"
        case .accepted: return "accepted"
        case .delivered: return "delivered"
        case .disputed: return "under dispute"
        case .closed(let closing): return "closed at height \(closing.height) (\(describe(closing.reason)))"
        }
    }

    public static func describe(_ reason: Contract.Closing.Reason) -> String {
        switch reason {
        case .approved: return "approved"
        case .reviewLapsed: return "paid: the requester did not review in time"
        case .unaccepted: return "refunded: nobody accepted it"
        case .undelivered: return "refunded: not delivered in time"
        case .decided: return "decided by a committee"
        }
    }
}
