import Foundation
import PoTAgents
import PoTCore
import PoTModules

/// A chain with one proven agent whose claim is as large as a fraud proof allows, and a fraud
/// proof against a fabricated segment of it.
enum FraudFixture {
    static let provider = try! SigningKey(seed: Array(repeating: 1, count: 32))
    static let reporter = try! SigningKey(seed: Array(repeating: 2, count: 32))

    /// A closure that checks the fraud proof as the chain does; true when it is proven.
    static func make() throws -> () -> Bool {
        let dataset = try SyntheticDataset.make(rows: 4_096, features: 30, classes: 2, seed: DomainHash.sha256([7]))
        let params = try ChainParams(confirmations: 2, alpha: 1000,
                                     initialAccounts: [.init(key: provider.publicKey, balance: 10_000), .init(key: reporter.publicKey, balance: 10_000)],
                                     createdAt: 1_000, moduleParameters: ["agents.seed_delay": 1, "agents.selection_delay": 1])
        var state = ChainState(genesis: params)
        let agentClaim = claim(dataset, batch: 224, interval: 8, segments: 4)
        let registration = SignedAgentRegistration.sign(
            AgentRegistration(provider: provider.publicKey, name: "big", tags: ["tabular"], bond: 1_000, claim: agentClaim), with: provider, chain: state.chainId)
        var payload = Payload()
        payload.agents = AgentsSection(registrations: [registration])
        try apply(&state, payload)
        for _ in 0..<2 { try apply(&state, Payload()) }
        let agent = registration.id(chain: state.chainId)
        guard let seed = state.agents.agents[agent]?.seed else { throw FixtureError("no seed") }
        let run = TrainingRun(claim: agentClaim, seed: seed)
        let log = Spoofs.fabricated(run, dataset: dataset, segments: [2])
        payload = Payload()
        payload.agents = AgentsSection(proofs: [.sign(TrainingProof(provider: provider.publicKey, agent: agent, log: log), with: provider, chain: state.chainId)])
        try apply(&state, payload)
        let levels = MerkleTree.Levels(log.leaves), rows = MerkleTree.Levels(dataset.rowHashes())
        let body = FraudProof(reporter: reporter.publicKey, agent: agent, segment: 2, start: log.checkpoints[2].encoded(), startPath: levels.path(2),
                              endLeaf: log.leaves[3], endPath: levels.path(3),
                              rows: run.rows(ofSegment: 2).map { .init(index: UInt64($0), bytes: dataset.row($0).encoded(), path: rows.path($0)) })
        let bytes = SignedFraudProof.sign(body, with: reporter, chain: state.chainId).encoded()
        let context = AgentsAdmission.Context(state)
        let final = state
        return {
            guard let signed = try? SignedFraudProof(bytes: bytes), signed.hasValidSignature(chain: final.chainId) else { return false }
            return (try? AgentsAdmission.fraud(signed.fraud, in: context).get()) == .proven
        }
    }

    static func apply(_ state: inout ChainState, _ payload: Payload) throws {
        let header = try BlockHeader(height: state.height + 1, parent: state.tip, proposer: provider.publicKey, timestamp: state.tipTimestamp + 1,
                                     tree: Array(repeating: 0, count: 20), codeCommits: [], payloadRoot: payload.root(chain: state.chainId))
        state = try StateTransition.apply(.sign(header, with: provider, chain: state.chainId), payload: payload, to: state).0
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Verified agents with random tags, reputations and bonds, for routing.
enum RouteFixture {
    static let tags = ["vision", "text", "tabular", "audio", "code", "speech", "medical", "finance"]

    static func agents(_ count: Int) -> [Agent] {
        var stream = SeedStream(seed: DomainHash.sha256([9]), purpose: "route")
        let key = try! SigningKey(seed: Array(repeating: 3, count: 32)).publicKey
        let base = claim(benchDataset, batch: 16, interval: 10, segments: 20)
        return (0..<count).map { i in
            let chosen = Set((0..<3).map { _ in tags[Int(stream.below(UInt64(tags.count)))] }).sorted()
            let registration = AgentRegistration(provider: key, name: "agent-\(i)", tags: chosen, bond: 100 + stream.below(10_000), claim: base)
            var agent = Agent(id: DomainHash.sha256(Array("agent \(i)".utf8)), registration: registration, registeredAt: 1)
            var proof = ProvenTraining(root: agent.id, finalModel: agent.id, losses: [], distances: [], includedAt: 2)
            proof.verifiedAt = 3
            agent.proof = proof
            var market = EvaluationMarket(opensAt: 3, closesAt: 8, resolveBy: 20)
            let accuracy = 500_000 + stream.below(500_000)
            market.outcome = .measured(accuracyPpm: accuracy, bucket: AccuracyBuckets.bucket(accuracy), height: 10)
            agent.evaluation = market
            return agent
        }
    }
}
