import Testing
@testable import PoTCore
import PoTAgents
import PoTModules

@Suite("Agents: fraud proofs re-executed by the chain")
struct AgentFraudTests {
    @Test("AGENT-FRAUD: a fraud proof against a fabricated segment slashes the whole bond in the block that carries it, half to the reporter, and fines its attesters")
    func fabricatedSegmentIsSlashed() throws {
        var state = Ax.genesis()
        let agent = try Ax.registered(&state)
        let (run, honest) = try Ax.training(state, agent)
        // The provider fabricates segment 4; which segments the chain selects is its business.
        let forged = Ax.fabricated(honest, run: run, segments: [4])
        try Fx.apply(&state, payload: Ax.payload(proofs: [Ax.proof(agent, forged, chain: state.chainId)]))
        while state.agents.agents[agent]?.proof?.selected == nil { try Fx.apply(&state) }
        let selected = state.agents.agents[agent]!.proof!.selected!
        // A lazy validator attests without re-executing.
        try Fx.apply(&state, payload: Ax.payload(attestations: [Ax.attestation(Fx.bob, agent, root: forged.root, chain: state.chainId)]))
        let supply = state.accounts.values.reduce(0) { $0 + $1.balance } + state.bonds.values.reduce(0, +)
        let carol = Fx.balance(state, Fx.carol)!, bob = Fx.balance(state, Fx.bob)!
        try Fx.apply(&state, payload: Ax.payload(frauds: [Ax.fraud(Fx.carol, agent, segment: 4, run: run, log: forged, chain: state.chainId)]))
        let a = try #require(state.agents.agents[agent])
        #expect(a.status == .fraudulent)
        #expect(a.fraud?.slashed == 1_000 && a.fraud?.reward == 500)
        #expect(Ax.bond(state, Fx.alice) == 0)
        #expect(Fx.balance(state, Fx.carol) == carol + 500)
        let fined = selected.contains(4)
        #expect(Fx.balance(state, Fx.bob) == bob - (fined ? 100 : 0))
        #expect(a.fraud?.penalized == (fined ? [Fx.bob.publicKey] : []))
        let after = state.accounts.values.reduce(0) { $0 + $1.balance } + state.bonds.values.reduce(0, +)
        #expect(after == supply - 500 - (fined ? 100 : 0))
        #expect(state.agents.agents[agent].map { _ in Ax.refusal(Ax.payload(attestations: [Ax.attestation(Fx.carol, agent, root: forged.root, chain: state.chainId)]), on: state)?.rule } == .attestClosed)
    }

    @Test("AGENT-LAZY: a member who attested a selected segment later proven fraudulent loses agents.attest_penalty_mt")
    func lazyValidatorPays() throws {
        var state = Ax.genesis(["agents.top_segments": 0, "agents.random_segments": 10])
        let agent = try Ax.registered(&state)
        let (run, honest) = try Ax.training(state, agent)
        let forged = Ax.fabricated(honest, run: run, segments: [7])
        try Fx.apply(&state, payload: Ax.payload(proofs: [Ax.proof(agent, forged, chain: state.chainId)]))
        while state.agents.agents[agent]?.proof?.selected == nil { try Fx.apply(&state) }
        #expect(state.agents.agents[agent]?.proof?.selected == Array(0..<10))
        try Fx.apply(&state, payload: Ax.payload(attestations: [Ax.attestation(Fx.bob, agent, root: forged.root, chain: state.chainId)]))
        let bob = Fx.balance(state, Fx.bob)!
        try Fx.apply(&state, payload: Ax.payload(frauds: [Ax.fraud(Fx.carol, agent, segment: 7, run: run, log: forged, chain: state.chainId)]))
        #expect(Fx.balance(state, Fx.bob) == bob - 100)
    }

    @Test("AGENT-FRAUD: a fraud proof against an honest segment is included and costs its reporter the fee, paid to the provider")
    func honestSegmentRefutesTheClaim() throws {
        var state = Ax.genesis()
        let (agent, run, log) = try Ax.proven(&state)
        let alice = Fx.balance(state, Fx.alice)!, carol = Fx.balance(state, Fx.carol)!
        try Fx.apply(&state, payload: Ax.payload(frauds: [Ax.fraud(Fx.carol, agent, segment: 3, run: run, log: log, chain: state.chainId)]))
        #expect(Fx.balance(state, Fx.carol) == carol - 50)
        #expect(Fx.balance(state, Fx.alice) == alice + 50)
        #expect(state.agents.agents[agent]?.refutedClaims == 1)
        #expect(state.agents.agents[agent]?.fraud == nil)
        #expect(Ax.bond(state, Fx.alice) == 1_000)
    }

    @Test("AGENT-FRAUD: malformed fraud proofs are refused and change nothing: a wrong Merkle path, missing or foreign rows, a wrong checkpoint, a non-member, a segment out of range")
    func malformedFraudProofsAreRefused() throws {
        var state = Ax.genesis()
        let (agent, run, log) = try Ax.proven(&state)
        let chain = state.chainId
        let good = Ax.fraud(Fx.carol, agent, segment: 3, run: run, log: log, chain: chain).fraud
        func refusal(_ change: (inout FraudProof) -> Void, by key: SigningKey = Fx.carol) -> BlockRejection.Rule? {
            var body = good
            change(&body)
            return Ax.refusal(Ax.payload(frauds: [.sign(body, with: key, chain: chain)]), on: state)?.rule
        }
        #expect(refusal { $0.startPath[0] = $0.endLeaf } == .fraudPath)
        #expect(refusal { $0.endPath = Array($0.endPath.dropLast()) } == .fraudPath)
        #expect(refusal { $0.start = log.checkpoints[2].encoded() } == .fraudPath)
        #expect(refusal { $0.start = [0xa0] } == .fraudPath)
        #expect(refusal { $0.rows.removeLast() } == .fraudRows)
        #expect(refusal { $0.rows[0].bytes[0] ^= 1 } == .fraudRows)
        #expect(refusal { $0.rows[0].path[0] = $0.endLeaf } == .fraudRows)
        #expect(refusal { $0.segment = 10 } == .fraudSegment)
        #expect(refusal({ $0.reporter = Fx.dave.publicKey }, by: Fx.dave) == .fraudNotMember)
        #expect(refusal { $0.agent = $0.endLeaf } == .fraudUnknown)
    }

    @Test("AGENT-FRAUD: the same fraud proof gives the same verdict and balances on two chains replayed apart")
    func verdictIsDeterministic() throws {
        var first = Ax.genesis(), second = Ax.genesis()
        let (agent, run, log) = try Ax.proven(&first) { log in log }
        _ = try Ax.proven(&second)
        let forged = Ax.fabricated(log, run: run, segments: [1])
        var a = Ax.genesis(), b = Ax.genesis()
        let (x, _, _) = try Ax.proven(&a) { _ in forged }
        let (y, _, _) = try Ax.proven(&b) { _ in forged }
        #expect(x == y && x == agent)
        let fraud = Ax.fraud(Fx.bob, x, segment: 1, run: run, log: forged, chain: a.chainId)
        try Fx.apply(&a, payload: Ax.payload(frauds: [fraud]))
        try Fx.apply(&b, payload: Ax.payload(frauds: [fraud]))
        #expect(a.tip == b.tip)
        #expect(a.accounts == b.accounts && a.bonds == b.bonds && a.agents == b.agents)
        #expect(first.agents == second.agents)
    }
}
