/// What a module's admission rules read: the module's state, who is a member and what it holds,
/// the height of the block, the chain and its parameters, and how to name keys in a refusal.
/// Built for the next block on top of a state (what `pot`, pot-web and the gossip node check
/// against) or from the block being applied, so the rules are written once for both.
public struct ModuleContext<M: ChainModule> {
    public var state: M.State
    public let isMember: (PublicKey) -> Bool
    public let balance: (PublicKey) -> UInt64
    public let blockHeight: UInt64
    public let params: ChainParams
    public let chain: Hash256
    public let named: (PublicKey) -> String

    /// The context of the block after `state` (or at `blockHeight`).
    public init(_ state: ChainState, forBlockAt blockHeight: UInt64? = nil, named: @escaping (PublicKey) -> String = { $0.short }) {
        self.state = state.state(of: M.self)
        isMember = { state.isMember($0) }
        balance = { state.accounts[$0]?.balance ?? 0 }
        self.blockHeight = blockHeight ?? state.height + 1
        params = state.params
        chain = state.chainId
        self.named = named
    }

    /// The context of the block being applied.
    public init(_ block: ModuleBlock<M>) {
        state = block.state
        isMember = { [block] in block.isMember($0) }
        balance = { [block] in block.balance($0) }
        blockHeight = block.height
        params = block.params
        chain = block.chain
        named = { $0.short }
    }

    /// The value of one of the chain's module parameters.
    public func parameter(_ parameter: ModuleParameter) -> UInt64 { params.value(of: parameter) }
}
