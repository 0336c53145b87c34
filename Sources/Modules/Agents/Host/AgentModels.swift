import Foundation
import PoTAgents
import PoTCore
import PoTStore

/// An agent's final model as a user runs it: from a model file, or the last checkpoint stored
/// here, and only when its hash is the one the chain holds.
public struct AgentModels {
    public let store: ChainStore

    public init(store: ChainStore) { self.store = store }

    /// The weights of `agent`'s final model from `file` (big-endian 32-bit numbers, as
    /// `pot agent export` writes) or from the stored checkpoints, checked against the chain.
    public func finalWeights(of agent: Agent, file: String? = nil) throws -> [Int32] {
        guard let proof = agent.proof else { throw SigningRefusal("agent \(agent.name) has no proof on the chain, so no model to trust") }
        if let fraud = agent.fraud {
            throw SigningRefusal("agent \(agent.name) was proven fraudulent at height \(fraud.height) (segment \(fraud.segment)): its model is not to be trusted")
        }
        let weights: [Int32]
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw SigningRefusal("cannot read \(file)") }
            guard let read = Checkpoint.weights(packed: Array(data)), read.count == agent.claim.model.parameterCount else {
                throw SigningRefusal("\(file) is not a \(agent.claim.model.description) model (\(agent.claim.model.parameterCount) weights of 4 bytes)")
            }
            weights = read
        } else {
            weights = try AgentCheckpoints(store: store).last(agent, alternative: "--model FILE").weights
        }
        let hash = Checkpoint.modelHash(weights)
        guard hash == proof.finalModel else {
            throw SigningRefusal("the model \(file ?? "stored here") does not match the chain: its hash is \(hash.short), agent \(agent.name)'s final model is \(proof.finalModel.short)")
        }
        return weights
    }
}
