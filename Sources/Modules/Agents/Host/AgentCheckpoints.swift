import GitKit
import PoTAgents
import PoTCore
import PoTStore

/// A training run's checkpoints as git blobs in one tree, `refs/pot/agent-checkpoints/<agent id>`:
/// entries `00000` … (each `Checkpoint.encoded()`) and `curve` (`{1: losses, 2: distances}`).
/// The ref travels with `pot fetch` and `pot push`, so validators re-execute from the bytes the
/// provider committed to.
public struct AgentCheckpoints {
    public let store: ChainStore
    public static let refRoot = "refs/pot/agent-checkpoints"

    public init(store: ChainStore) { self.store = store }

    static func ref(_ agent: Hash256) -> String { "\(refRoot)/\(agent.hex)" }

    /// Stores `log` as the run of `agent`, replacing a run stored before (training again is the
    /// provider's right until it proves).
    public func save(_ log: TrainingLog, agent: Hash256) throws {
        var entries: [GitTreeEntry] = []
        for (index, checkpoint) in log.checkpoints.enumerated() {
            let name = String(index)
            entries.append(GitTreeEntry(name: String(repeating: "0", count: max(0, 5 - name.count)) + name,
                                        oid: try store.git.writeBlob(checkpoint.encoded()), mode: 0o100644))
        }
        let curve = CBOR.map([1: .array(log.losses.map { .unsigned($0) }), 2: .array(log.distances.map { .unsigned($0) })]).encoded()
        entries.append(GitTreeEntry(name: "curve", oid: try store.git.writeBlob(curve), mode: 0o100644))
        let tree = try store.git.writeTree(entries)
        try store.git.setReference(Self.ref(agent), to: tree, message: "pot agent train")
    }

    /// The stored run of `agent`, refused with the line to act on when this repository has none.
    public func require(_ agent: Agent) throws -> TrainingLog {
        guard let log = try load(agent: agent.id, claim: agent.claim) else { throw Self.missing(agent) }
        return log
    }

    /// The last stored checkpoint of `agent` alone, without reading the others; when there is
    /// none, the refusal names `alternative` as another way (an option of the command).
    public func last(_ agent: Agent, alternative: String? = nil) throws -> Checkpoint {
        guard let tree = try store.git.reference(Self.ref(agent.id)),
              let entry = try store.git.readTree(tree).filter({ $0.name != "curve" }).max(by: { $0.name < $1.name }) else {
            throw Self.missing(agent, alternative: alternative)
        }
        return try Checkpoint(encoded: try store.git.readBlob(entry.oid), parameters: agent.claim.model.parameterCount)
    }

    static func missing(_ agent: Agent, alternative: String? = nil) -> SigningRefusal {
        SigningRefusal("this repository holds no checkpoints of agent \(agent.name) (pot fetch from its provider's peers\(alternative.map { ", or \($0)" } ?? ""))")
    }

    /// The stored run of `agent` (nil when this repository has none), read strictly for `claim`.
    public func load(agent: Hash256, claim: TrainingClaim) throws -> TrainingLog? {
        guard let tree = try store.git.reference(Self.ref(agent)) else { return nil }
        let entries = try store.git.readTree(tree)
        let count = Int(claim.segments) + 1
        let checkpointEntries = entries.filter { $0.name != "curve" }.sorted { $0.name < $1.name }
        guard checkpointEntries.count == count, let curve = entries.first(where: { $0.name == "curve" }) else {
            throw SigningRefusal("the stored run of agent \(agent.short) has \(checkpointEntries.count) checkpoints, not \(count)")
        }
        let checkpoints = try checkpointEntries.map {
            try Checkpoint(encoded: try store.git.readBlob($0.oid), parameters: claim.model.parameterCount)
        }
        let f = try CBORFields(try CBOR.decode(try store.git.readBlob(curve.oid)), object: "training curve", allowedKeys: [1, 2])
        let losses = try f.array(1, max: count).map { try $0.uint("loss") }
        let distances = try f.array(2, max: count).map { try $0.uint("distance") }
        return TrainingLog(checkpoints: checkpoints, losses: losses, distances: distances)
    }
}
