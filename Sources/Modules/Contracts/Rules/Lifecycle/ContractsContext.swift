import PoTCore

/// What the contracts rules read: the module's state, who is a member and what it holds, the
/// height of the block, the chain and its parameters.
public struct ContractsContext {
    var state: ContractsState
    let isMember: (PublicKey) -> Bool
    let balance: (PublicKey) -> UInt64
    let blockHeight: UInt64
    let params: ChainParams
    let chain: Hash256
    let named: (PublicKey) -> String

    /// The context of the block after `state` (or at `blockHeight`).
    public init(_ state: ChainState, forBlockAt blockHeight: UInt64? = nil, named: @escaping (PublicKey) -> String = { $0.short }) {
        self.state = state.contracts
        self.isMember = { state.isMember($0) }
        self.balance = { state.accounts[$0]?.balance ?? 0 }
        self.blockHeight = blockHeight ?? state.height + 1
        self.params = state.params
        self.chain = state.chainId
        self.named = named
    }

    init(_ block: ModuleBlock<ContractsModule>) {
        state = block.state
        isMember = { [block] in block.isMember($0) }
        balance = { [block] in block.balance($0) }
        blockHeight = block.height
        params = block.params
        chain = block.chain
        named = { $0.short }
    }

    func parameter(_ parameter: ModuleParameter) -> UInt64 { params.value(of: parameter) }

    /// The context with `post`'s task as a block at the context's height would post it.
    public func posting(_ post: SignedTaskPost) -> ContractsContext {
        var context = self
        let id = post.post.taskId(chain: chain)
        if context.state.contracts[id] == nil {
            context.state.contracts[id] = Contract(id: id, post: post, postedAt: blockHeight)
        }
        return context
    }
}
