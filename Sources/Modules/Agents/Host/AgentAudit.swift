import Foundation
import PoTAgents
import PoTCore
import PoTStore

/// A validator's re-execution of an agent's segments from the checkpoints and dataset this
/// repository holds: `pot agent verify`, and what `pot agent attest` requires first.
public struct AgentAudit: Sendable {
    public struct Result: Sendable, Encodable {
        public let segment: Int
        public let passed: Bool
        public let detail: String
        public let milliseconds: Double
    }

    public let agent: String
    public let results: [Result]
    /// Re-executing them, against training the whole run once.
    public let segments: Int
    public let totalSegments: Int

    public var passed: Bool { results.allSatisfy(\.passed) }

    /// Re-executes `segments` (the chain's selection when nil; all with `all`) of `agent`.
    public static func run(store: ChainStore, agent: Agent, segments: [Int]? = nil, all: Bool = false) throws -> AgentAudit {
        guard let proof = agent.proof, let seed = agent.seed else { throw SigningRefusal("agent \(agent.name) has no proof on the chain yet") }
        let log = try AgentCheckpoints(store: store).require(agent)
        let m = Int(agent.claim.segments)
        let chosen: [Int]
        if all {
            chosen = Array(0..<m)
        } else if let segments {
            guard segments.allSatisfy({ (0..<m).contains($0) }) else { throw SigningRefusal("agent \(agent.name) has segments 0 to \(m - 1)") }
            chosen = segments
        } else {
            guard let selected = proof.selected else {
                throw SigningRefusal("agent \(agent.name)'s segments are not selected yet: the block at height \(proof.includedAt + store.params.value(of: AgentsModule.selectionDelay) + 1) selects them")
            }
            chosen = selected
        }
        let dataset = try AgentDatasets(store: store).load(for: agent.claim)
        let run = TrainingRun(claim: agent.claim, seed: seed)
        var results: [Result] = []
        // The stored checkpoints must be the committed ones before any of them is worth replaying.
        if log.root != proof.root || log.losses != proof.losses || log.distances != proof.distances {
            results = chosen.map { Result(segment: $0, passed: false, detail: "the stored checkpoints are not the ones the proof commits to", milliseconds: 0) }
        } else {
            for segment in chosen {
                let started = DispatchTime.now().uptimeNanoseconds
                let failure = ProofAudit.check(segment: segment, run: run, checkpoints: log.checkpoints, losses: log.losses,
                                               distances: log.distances) { dataset.row($0) }
                let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
                results.append(Result(segment: segment, passed: failure == nil, detail: failure ?? "gives checkpoint \(segment + 1), its loss and distance", milliseconds: ms))
            }
        }
        return AgentAudit(agent: agent.name, results: results, segments: chosen.count, totalSegments: m)
    }
}
