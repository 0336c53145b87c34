import PoTCore
import PoTStore

/// What a module's part of a snapshot is built from.
package struct ReadModelInput {
    package let store: ChainStore
    /// The state at the tip of `main`.
    package let tip: ChainState
    /// Every block on `main`, index h − 1 for height h, with its effects.
    package let applied: [AppliedBlock]
    /// Public key → label, as the explorer shows them.
    package let names: [PublicKey: String]
}
