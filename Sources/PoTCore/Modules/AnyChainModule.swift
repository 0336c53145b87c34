/// The facts of a block that every module hook is given.
struct BlockContext {
    let height: UInt64
    let chain: Hash256
    /// The id of the block at height − 1, which this one builds on.
    let parent: Hash256
    let preBlockTrust: [PublicKey: UInt64]
    let signatures: any SignatureChecker
}

/// A module with its type erased, so that a list of modules of different types can be applied
/// in order. Built from the module's type; holds no state of its own.
public struct AnyChainModule: Sendable {
    public let name: String
    /// The `pot` verbs of its commands (`ChainModule.verbs`).
    public let verbs: [String]
    public let summary: String
    public let payloadKey: UInt64
    public let kinds: [ModuleObjectKind]
    public let rules: [BlockRejection.Rule]
    public let parameters: [ModuleParameter]
    let decodeSection: @Sendable (CBOR) throws -> any ModuleSection
    let initialState: @Sendable (ChainParams) -> any ModuleState
    let decodeState: @Sendable (CBOR) throws -> any ModuleState
    /// Applies the module's section (when the payload carries one), then its end-of-block work.
    let applyBlock: @Sendable (Payload, inout ChainState, BlockContext, inout BlockEffects) throws -> Void
    /// Tells the module that a height became final.
    let heightFinal: @Sendable (UInt64, inout ChainState, BlockContext, inout BlockEffects) -> Void
    /// Chooses the module's section of a new block from pending sections, on a scratch state.
    let select: @Sendable (ModuleSections, inout ChainState, BlockContext, inout Payload) -> Void
    /// Puts stored objects of the module into its section of `sections`.
    public let gatherPending: @Sendable ([any SignedObject], inout ModuleSections) -> Void
    /// Whether a stored object can no longer enter a block on top of a finalized state.
    public let isSpent: @Sendable (any SignedObject, ChainState) -> Bool
    /// The module's admission check (`ChainModule.admit`).
    public let admit: @Sendable (any SignedObject, ChainState, (ModuleObjectKind, Hash256) -> (any SignedObject)?,
                                 (PublicKey) -> String) -> BlockRejection?
    public let memberRules: [BlockRejection.Rule]

    public init<M: ChainModule>(_ module: M.Type) {
        name = M.name
        verbs = M.verbs
        summary = M.summary
        payloadKey = M.payloadKey
        kinds = M.kinds
        rules = M.rules
        parameters = M.parameters
        decodeSection = { try M.Section(cbor: $0) }
        initialState = { M.initialState($0) }
        decodeState = { try M.State(cacheEncoding: $0) }
        applyBlock = { payload, chain, context, effects in
            let section = payload.sections[M.self]
            try chain.withModule(M.self, context, effects: &effects) { block in
                if !section.isEmpty { try M.apply(section, in: &block) }
                M.endBlock(in: &block)
            }
        }
        heightFinal = { height, chain, context, effects in
            chain.withModule(M.self, context, effects: &effects) { block in M.heightFinal(height, in: &block) }
        }
        gatherPending = { objects, sections in sections[M.self] = M.pendingSection(objects) }
        isSpent = { M.isSpent($0, final: $1) }
        admit = { M.admit($0, on: $1, stored: $2, named: $3) }
        memberRules = M.memberRules
        select = { pending, chain, context, payload in
            let section = pending[M.self]
            guard !section.isEmpty else { return }
            var effects = BlockEffects()
            payload.sections[M.self] = chain.withModule(M.self, context, effects: &effects) { block in M.select(section, in: &block) }
        }
    }
}

extension ChainState {
    /// Runs a hook of `M` with the accounts and bonds moved into its block (so that neither is
    /// copied), then moves them back with the module's state, report and ledger journal. A hook
    /// that throws refuses the block: the state it leaves is discarded by the caller.
    mutating func withModule<M: ChainModule, T>(_: M.Type, _ context: BlockContext, effects: inout BlockEffects,
                                                _ hook: (inout ModuleBlock<M>) throws -> T) rethrows -> T {
        var block = ModuleBlock<M>(height: context.height, chain: context.chain, parent: context.parent, params: params,
                                   preBlockTrust: context.preBlockTrust, signatures: context.signatures,
                                   state: moduleStates.take(M.self, params: params), others: moduleStates)
        block.report = effects.modules[M.self]
        swap(&block.accounts, &accounts)
        swap(&block.bonds, &bonds)
        defer {
            swap(&block.accounts, &accounts)
            swap(&block.bonds, &bonds)
            moduleStates.put(block.state, of: M.self)
        }
        let result = try hook(&block)
        effects.modules[M.self] = block.report
        effects.ledger += block.journal
        return result
    }
}
