import Testing
@testable import PoTCore
import PoTAgents
import PoTModules

@Suite("Agents: encodings and parameters")
struct AgentCodecTests {
    static func sample() throws -> (state: ChainState, section: AgentsSection) {
        var state = Ax.genesis()
        let (agent, run, log) = try Ax.proven(&state)
        let chain = state.chainId
        let section = AgentsSection(registrations: [Ax.registration(Fx.bob, name: "other", chain: chain)], proofs: [Ax.proof(agent, log, chain: chain)],
                                    attestations: [Ax.attestation(Fx.bob, agent, root: log.root, chain: chain)],
                                    frauds: [Ax.fraud(Fx.carol, agent, segment: 2, run: run, log: log, chain: chain)],
                                    forecasts: [.sign(AgentForecast(forecaster: Fx.bob.publicKey, agent: agent, probsPpm: [0, 0, 0, 0, 1, 999_999]), with: Fx.bob, chain: chain)],
                                    evaluations: [.sign(EvaluationResult(submitter: Fx.bob.publicKey, agent: agent, weights: Checkpoint.modelFile(log.checkpoints[1].weights),
                                                                         rows: [FraudProof.ProvenRow(index: 0, bytes: Ax.dataset.row(0).encoded(), path: [])]), with: Fx.bob, chain: chain)],
                                    usages: [.sign(AgentUsage(payer: Fx.carol.publicKey, agent: agent, fee: 5, nonce: 9), with: Fx.carol, chain: chain)])
        return (state, section)
    }

    @Test("AGENT-CODEC: the section and every object read back from their bytes; an empty list or section does not decode")
    func roundTrip() throws {
        let (_, section) = try Self.sample()
        #expect(try AgentsSection(cbor: try CBOR.decode(section.cbor().encoded())) == section)
        #expect(try SignedAgentRegistration(bytes: section.registrations[0].encoded()) == section.registrations[0])
        #expect(try SignedTrainingProof(bytes: section.proofs[0].encoded()) == section.proofs[0])
        #expect(try SignedSegmentAttestation(bytes: section.attestations[0].encoded()) == section.attestations[0])
        #expect(try SignedFraudProof(bytes: section.frauds[0].encoded()) == section.frauds[0])
        #expect(try SignedAgentForecast(bytes: section.forecasts[0].encoded()) == section.forecasts[0])
        #expect(try SignedEvaluationResult(bytes: section.evaluations[0].encoded()) == section.evaluations[0])
        #expect(try SignedAgentUsage(bytes: section.usages[0].encoded()) == section.usages[0])
        #expect(throws: (any Error).self) { try AgentUsage(cbor: AgentUsage(payer: Fx.carol.publicKey, agent: section.proofs[0].proof.agent, fee: 0, nonce: 1).cbor()) }
        #expect(throws: (any Error).self) { try AgentsSection(cbor: .map([1: .array([])])) }
        #expect(throws: (any Error).self) { try AgentsSection(cbor: .map([:])) }
        var payload = Payload()
        payload.agents = section
        #expect(try Payload(bytes: payload.encoded()).agents == section)
    }

    @Test("AGENT-CODEC: a bad name, unsorted or repeated tags, a claim whose steps are not a multiple of k, and fraud rows out of order do not decode")
    func malformed() throws {
        let (state, section) = try Self.sample()
        func decodes(_ change: (inout AgentRegistration) -> Void) -> Bool {
            var body = section.registrations[0].registration
            change(&body)
            return (try? AgentRegistration(cbor: body.cbor())) != nil
        }
        #expect(decodes { _ in })
        #expect(!decodes { $0.name = "Bad Name" })
        #expect(!decodes { $0.name = "-x" })
        #expect(!decodes { $0.tags = ["b", "a"] })
        #expect(!decodes { $0.tags = ["a", "a"] })
        #expect(!decodes { $0.tags = [] })
        #expect(!decodes { $0.claim.steps = 41 })
        #expect(!decodes { $0.claim.momentum = 65_536 })
        #expect(!decodes { $0.claim.learningRate = 0 })
        var fraud = section.frauds[0].fraud
        fraud.rows.swapAt(0, 1)
        #expect(throws: (any Error).self) { try FraudProof(cbor: fraud.cbor()) }
        _ = state
    }

    @Test("AGENT-PARAMS: each parameter is refused outside its range and accepted at its ends; the defaults are the documented ones")
    func ranges() throws {
        for parameter in AgentsModule.parameters {
            try ChainModules.standard.checkParameters([parameter.name: parameter.range.lowerBound])
            try ChainModules.standard.checkParameters([parameter.name: parameter.range.upperBound])
            #expect(throws: ObjectError.self) { try ChainModules.standard.checkParameters([parameter.name: parameter.range.upperBound + 1]) }
            if parameter.range.lowerBound > 0 {
                #expect(throws: ObjectError.self) { try ChainModules.standard.checkParameters([parameter.name: parameter.range.lowerBound - 1]) }
            }
        }
        #expect(AgentsModule.parameters.map(\.defaultValue) == [3, 3, 2, 3, 2, 100, 256, 4_000_000, 500_000, 50, 100, 5, 20, 64, 700_000, 200_000])
        #expect(AgentsModule.minBond.defaultValue > AgentsModule.falseFraudFee.defaultValue)
        #expect(AgentsModule.attestPenalty.defaultValue > AgentsModule.falseFraudFee.defaultValue)
    }

    @Test("AGENT-PARAMS: with a fee and penalty of 0 a refuted claim costs nothing; with top segments covering all, every segment is selected")
    func edges() throws {
        var state = Ax.genesis(["agents.false_fraud_fee_mt": 0, "agents.top_segments": 64, "agents.random_segments": 1])
        let (agent, run, log) = try Ax.proven(&state)
        #expect(state.agents.agents[agent]?.proof?.selected == Array(0..<10))
        let carol = Fx.balance(state, Fx.carol)
        try Fx.apply(&state, payload: Ax.payload(frauds: [Ax.fraud(Fx.carol, agent, segment: 0, run: run, log: log, chain: state.chainId)]))
        #expect(Fx.balance(state, Fx.carol) == carol)
        #expect(state.agents.agents[agent]?.refutedClaims == 1)
    }
}
