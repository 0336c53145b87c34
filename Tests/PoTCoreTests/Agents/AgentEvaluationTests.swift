import Testing
@testable import PoTCore
import PoTAgents
import PoTModules

@Suite("Agents: the evaluation market the chain resolves, and usage payments")
struct AgentEvaluationTests {
    /// A verified agent (bob and carol attested); its market open.
    static func verified(_ overrides: [String: UInt64] = [:]) throws -> (state: ChainState, agent: Hash256, log: TrainingLog) {
        var state = Ax.genesis(overrides.merging(["agents.forecast_window": 2, "agents.resolve_window": 3, "agents.holdout_rows": 16]) { a, _ in a })
        let (agent, _, log) = try Ax.proven(&state)
        let chain = state.chainId
        try Fx.apply(&state, payload: Ax.payload(attestations: [Ax.attestation(Fx.bob, agent, root: log.root, chain: chain),
                                                                Ax.attestation(Fx.carol, agent, root: log.root, chain: chain)]))
        return (state, agent, log)
    }

    static func forecast(_ key: SigningKey, _ agent: Hash256, _ probs: [UInt64], chain: Hash256) -> SignedAgentForecast {
        .sign(AgentForecast(forecaster: key.publicKey, agent: agent, probsPpm: probs), with: key, chain: chain)
    }

    static func evidence(_ state: ChainState, _ agent: Hash256, log: TrainingLog, by key: SigningKey = Fx.bob,
                         change: (inout EvaluationResult) -> Void = { _ in }) -> SignedEvaluationResult {
        let holdout = state.agents.agents[agent]!.evaluation!.holdout!
        let levels = MerkleTree.Levels(Ax.dataset.rowHashes())
        var body = EvaluationResult(submitter: key.publicKey, agent: agent, weights: Checkpoint.modelFile(log.checkpoints.last!.weights),
                                    rows: holdout.map { FraudProof.ProvenRow(index: UInt64($0), bytes: Ax.dataset.row($0).encoded(), path: levels.path($0)) })
        change(&body)
        return .sign(body, with: key, chain: state.chainId)
    }

    @Test("AGENT-FORECAST: the market opens when the proof is verified; members forecast once until it closes")
    func forecasts() throws {
        var (state, agent, _) = try Self.verified()
        let chain = state.chainId
        let market = try #require(state.agents.agents[agent]?.evaluation)
        #expect(market.closesAt == market.opensAt + 2)
        let alice = Self.forecast(Fx.alice, agent, [0, 0, 0, 100_000, 300_000, 600_000], chain: chain)
        #expect(Ax.refusal(Ax.payload(forecasts: [Self.forecast(Fx.dave, agent, [0, 0, 0, 0, 0, 1_000_000], chain: chain)]), on: state)?.rule == .forecastNotMember)
        try Fx.apply(&state, payload: Ax.payload(forecasts: [alice]))
        #expect(Ax.refusal(Ax.payload(forecasts: [alice]), on: state)?.rule == .forecastDuplicate)
        try Fx.apply(&state)
        try Fx.apply(&state)
        #expect(state.agents.agents[agent]?.evaluation?.holdout?.count == 16)
        #expect(Ax.refusal(Ax.payload(forecasts: [Self.forecast(Fx.bob, agent, [0, 0, 0, 0, 0, 1_000_000], chain: chain)]), on: state)?.rule == .forecastClosed)
        #expect(throws: (any Error).self) { try AgentForecast(cbor: AgentForecast(forecaster: Fx.bob.publicKey, agent: agent, probsPpm: [1, 2]).cbor()) }
    }

    @Test("AGENT-EVALUATE: the chain measures the final model on the holdout itself and pays the forecasts by the log score of the measured bucket")
    func chainResolves() throws {
        var (state, agent, log) = try Self.verified()
        let chain = state.chainId
        try Fx.apply(&state, payload: Ax.payload(forecasts: [Self.forecast(Fx.alice, agent, [10_000, 10_000, 10_000, 10_000, 10_000, 950_000], chain: chain),
                                                             Self.forecast(Fx.carol, agent, [950_000, 10_000, 10_000, 10_000, 10_000, 10_000], chain: chain)]))
        while state.agents.agents[agent]?.evaluation?.holdout == nil { try Fx.apply(&state) }
        let holdout = state.agents.agents[agent]!.evaluation!.holdout!
        let weights = log.checkpoints.last!.weights
        let expected = ModelEvaluation.accuracyPpm(Ax.claim().model, weights: weights, dataset: Ax.dataset, rows: holdout)
        #expect(expected >= 700_000, "accuracy \(expected)")
        let alice = Fx.balance(state, Fx.alice)!, carol = Fx.balance(state, Fx.carol)!
        try Fx.apply(&state, payload: Ax.payload(evaluations: [Self.evidence(state, agent, log: log)]))
        let market = try #require(state.agents.agents[agent]?.evaluation)
        #expect(market.accuracyPpm == expected)
        #expect(state.agents.agents[agent]?.reputationPpm == expected)
        let bucket = AccuracyBuckets.bucket(expected)
        // Whoever put more on the measured bucket gains against the other.
        let aliceRight = bucket == 5
        #expect((Fx.balance(state, Fx.alice)! > alice) == aliceRight)
        #expect((Fx.balance(state, Fx.carol)! > carol) == !aliceRight)
        #expect(Ax.refusal(Ax.payload(evaluations: [Self.evidence(state, agent, log: log, by: Fx.carol)]), on: state)?.rule == .evaluationClosed)
    }

    @Test("AGENT-EVALUATE: evidence with another model, missing or foreign rows, before the holdout, or by a non-member is refused")
    func badEvidence() throws {
        var (state, agent, log) = try Self.verified()
        let chain = state.chainId
        let early = EvaluationResult(submitter: Fx.bob.publicKey, agent: agent, weights: Checkpoint.modelFile(log.checkpoints.last!.weights), rows: [])
        #expect(Ax.refusal(Ax.payload(evaluations: [.sign(early, with: Fx.bob, chain: chain)]), on: state)?.rule == .evaluationEarly)
        while state.agents.agents[agent]?.evaluation?.holdout == nil { try Fx.apply(&state) }
        func rule(_ key: SigningKey = Fx.bob, _ change: (inout EvaluationResult) -> Void) -> BlockRejection.Rule? {
            Ax.refusal(Ax.payload(evaluations: [Self.evidence(state, agent, log: log, by: key, change: change)]), on: state)?.rule
        }
        #expect(rule { $0.weights = Checkpoint.modelFile(log.checkpoints[3].weights) } == .evaluationModel)
        #expect(rule { $0.weights.removeLast(4) } == .evaluationModel)
        #expect(rule { $0.rows.removeLast() } == .evaluationRows)
        #expect(rule { $0.rows[0].bytes[1] ^= 1 } == .evaluationRows)
        #expect(rule(Fx.dave) { $0.submitter = Fx.dave.publicKey } == .evaluationNotMember)
    }

    @Test("AGENT-EVALUATE: a market nobody resolves by its deadline is void and pays nobody")
    func voidMarket() throws {
        var (state, agent, _) = try Self.verified()
        try Fx.apply(&state, payload: Ax.payload(forecasts: [Self.forecast(Fx.alice, agent, [0, 0, 0, 0, 0, 1_000_000], chain: state.chainId)]))
        let alice = Fx.balance(state, Fx.alice)
        while state.agents.agents[agent]?.evaluation?.outcome == nil { try Fx.apply(&state) }
        let market = state.agents.agents[agent]!.evaluation!
        #expect(market.outcome == .voided(height: market.resolveBy + 1))
        #expect(Fx.balance(state, Fx.alice) == alice)
        #expect(state.agents.agents[agent]?.reputationPpm == nil)
    }

    @Test("AGENT-USAGE: a fee for a verified agent goes 70% to the provider, 20% split among its attesters, the rest destroyed; each payment once")
    func usage() throws {
        var (state, agent, _) = try Self.verified()
        let chain = state.chainId
        let pay = SignedAgentUsage.sign(AgentUsage(payer: Fx.dave.publicKey, agent: agent, fee: 1_001, nonce: 1), with: Fx.dave, chain: chain)
        #expect(Ax.refusal(Ax.payload(usages: [pay]), on: state)?.rule == .usageFee)
        try Fx.apply(&state, payload: Payload(transfers: [Fx.transfer(Fx.carol, to: Fx.dave, amount: 2_000, nonce: 1, chain: chain)]))
        let before = (Fx.balance(state, Fx.alice)!, Fx.balance(state, Fx.bob)!, Fx.balance(state, Fx.carol)!, Fx.balance(state, Fx.dave)!)
        let effects = try Fx.apply(&state, payload: Ax.payload(usages: [pay]))
        #expect(Fx.balance(state, Fx.dave) == before.3 - 1_001)
        #expect(Fx.balance(state, Fx.alice) == before.0 + 700)
        #expect(Fx.balance(state, Fx.bob) == before.1 + 100)
        #expect(Fx.balance(state, Fx.carol) == before.2 + 100)
        #expect(effects.agents.payments.first?.burned == 101)
        #expect(state.agents.agents[agent]?.uses == 1 && state.agents.agents[agent]?.fees == 1_001)
        #expect(Ax.refusal(Ax.payload(usages: [pay]), on: state)?.rule == .usageDuplicate)
    }

    @Test("AGENT-CACHE: the state with an evaluation market and payments survives its cache encoding")
    func cache() throws {
        var (state, agent, log) = try Self.verified()
        try Fx.apply(&state, payload: Ax.payload(forecasts: [Self.forecast(Fx.alice, agent, [0, 0, 0, 0, 500_000, 500_000], chain: state.chainId)]))
        #expect(try AgentsState(cacheEncoding: state.agents.cacheEncoding()) == state.agents)
        while state.agents.agents[agent]?.evaluation?.holdout == nil { try Fx.apply(&state) }
        try Fx.apply(&state, payload: Ax.payload(evaluations: [Self.evidence(state, agent, log: log)]))
        #expect(try AgentsState(cacheEncoding: state.agents.cacheEncoding()) == state.agents)
    }
}
