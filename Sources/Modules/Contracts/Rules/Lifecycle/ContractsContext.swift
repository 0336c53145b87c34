import PoTCore

/// What the contracts rules read: the module's state, who is a member and what it holds, the
/// height of the block, the chain and its parameters.
public typealias ContractsContext = ModuleContext<ContractsModule>

extension ModuleContext where M == ContractsModule {
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
