import Testing
@testable import PoTCore
import PoTAgents
import PoTModules

@Suite("Agents: registration, seed, proof, selection, attestation")
struct AgentLifecycleTests {
    @Test("AGENT-REGISTER: a registration locks the bond, takes the name, and is refused above the balance, for a non-member, a taken name or a claim too costly to re-execute")
    func registration() throws {
        var state = Ax.genesis()
        let chain = state.chainId
        let before = Fx.balance(state, Fx.alice)!
        try Fx.apply(&state, payload: Ax.payload(registrations: [Ax.registration(chain: chain)]))
        #expect(Fx.balance(state, Fx.alice) == before - 1_000)
        #expect(Ax.bond(state, Fx.alice) == 1_000)
        #expect(state.agents.agent(named: "iris-1")?.status == .awaitingSeed)

        #expect(Ax.refusal(Ax.payload(registrations: [Ax.registration(Fx.bob, chain: chain)]), on: state)?.rule == .agentName)
        #expect(Ax.refusal(Ax.payload(registrations: [Ax.registration(Fx.bob, name: "b", bond: 5_001, chain: chain)]), on: state)?.rule == .agentBond)
        #expect(Ax.refusal(Ax.payload(registrations: [Ax.registration(Fx.bob, name: "b", bond: 99, chain: chain)]), on: state)?.rule == .agentBond)
        #expect(Ax.refusal(Ax.payload(registrations: [Ax.registration(Fx.dave, name: "d", chain: chain)]), on: state)?.rule == .agentNotMember)
        let costly = Ax.claim(segments: 4, interval: 2_000, batch: 64)
        let refusal = Ax.refusal(Ax.payload(registrations: [Ax.registration(Fx.bob, name: "b", claim: costly, chain: chain)]), on: state)
        #expect(refusal?.rule == .agentClaim)
        #expect(refusal?.detail.contains("agents.max_segment_work") == true)
        var signedByOther = Ax.registration(Fx.bob, name: "b", chain: chain)
        signedByOther.signature = Ax.registration(Fx.carol, name: "b", chain: chain).signature
        #expect(Ax.refusal(Ax.payload(registrations: [signedByOther]), on: state)?.rule == .agentSignature)
    }

    @Test("AGENT-SEED: the seed is H(id of the block seed_delay heights after the registration, agent id), and a proof before it is early")
    func seedFromLaterBlock() throws {
        var state = Ax.genesis(["agents.seed_delay": 2])
        let r = Ax.registration(chain: state.chainId)
        let agent = r.id(chain: state.chainId)
        try Fx.apply(&state, payload: Ax.payload(registrations: [r]))
        let registeredAt = state.height
        try Fx.apply(&state)
        #expect(state.agents.agents[agent]?.seed == nil)
        let early = TrainingRun(claim: Ax.claim(), seed: Hash256(bytes: Array(repeating: 0, count: 32))!)
        let refusal = Ax.refusal(Ax.payload(proofs: [Ax.proof(agent, try TrainingLog(run: early, dataset: Ax.dataset), chain: state.chainId)]), on: state)
        #expect(refusal?.rule == .proofEarly)
        #expect(refusal?.standing == .early)
        try Fx.apply(&state)
        let seedBlock = state.tip
        #expect(state.height == registeredAt + 2)
        #expect(state.agents.agents[agent]?.seed == nil)
        try Fx.apply(&state)
        let expected = DomainHash.hash(.agentSeed, chain: state.chainId, body: .array([.bytes(seedBlock.bytes), .bytes(agent.bytes)]))
        #expect(state.agents.agents[agent]?.seed == expected)
        #expect(state.agents.agents[agent]?.status == .awaitingProof)
    }

    @Test("AGENT-PROOF: an honest proof is accepted once; wrong counts, a checkpoint 0 of another seed, a wrong final path or another signer are refused")
    func proofs() throws {
        var state = Ax.genesis()
        let agent = try Ax.registered(&state)
        let (run, log) = try Ax.training(state, agent)
        let chain = state.chainId
        let honest = TrainingProof(provider: Fx.alice.publicKey, agent: agent, log: log)

        var short = honest
        short.losses.removeLast(); short.distances.removeLast()
        #expect(Ax.refusal(Ax.payload(proofs: [.sign(short, with: Fx.alice, chain: chain)]), on: state)?.rule == .proofShape)

        let otherSeed = try TrainingLog(run: TrainingRun(claim: run.claim, seed: DomainHash.sha256([9])), dataset: Ax.dataset)
        let wrongStart = TrainingProof(provider: Fx.alice.publicKey, agent: agent, log: otherSeed)
        #expect(Ax.refusal(Ax.payload(proofs: [.sign(wrongStart, with: Fx.alice, chain: chain)]), on: state)?.rule == .proofInitial)

        var wrongFinal = honest
        wrongFinal.finalModel = log.checkpoints[3].modelHash
        #expect(Ax.refusal(Ax.payload(proofs: [.sign(wrongFinal, with: Fx.alice, chain: chain)]), on: state)?.rule == .proofFinal)

        var byBob = honest
        byBob.provider = Fx.bob.publicKey
        #expect(Ax.refusal(Ax.payload(proofs: [.sign(byBob, with: Fx.bob, chain: chain)]), on: state)?.rule == .proofNotProvider)

        try Fx.apply(&state, payload: Ax.payload(proofs: [.sign(honest, with: Fx.alice, chain: chain)]))
        #expect(state.agents.agents[agent]?.proof?.root == log.root)
        #expect(Ax.refusal(Ax.payload(proofs: [.sign(honest, with: Fx.alice, chain: chain)]), on: state)?.rule == .proofDuplicate)
    }

    @Test("AGENT-SELECT: the block selection_delay heights after the proof selects the Q largest updates and R more at random")
    func selection() throws {
        var state = Ax.genesis()
        let (agent, _, log) = try Ax.proven(&state)
        let selected = try #require(state.agents.agents[agent]?.proof?.selected)
        #expect(selected.count == 3)
        let largest = log.distances.indices.max { log.distances[$0] < log.distances[$1] || (log.distances[$0] == log.distances[$1] && $0 > $1) }!
        #expect(selected.contains(largest))
        #expect(selected == selected.sorted() && Set(selected).count == 3)
        #expect(SegmentSelection.select(distances: [5, 1], top: 1, random: 2, seed: DomainHash.sha256([])) == [0, 1])
    }

    @Test("AGENT-ATTEST: members other than the provider attest once after the selection; the second attestation verifies the proof")
    func attestations() throws {
        var state = Ax.genesis(["agents.selection_delay": 2])
        let agent = try Ax.registered(&state)
        let (_, log) = try Ax.training(state, agent)
        let chain = state.chainId
        try Fx.apply(&state, payload: Ax.payload(proofs: [Ax.proof(agent, log, chain: chain)]))
        let bob = Ax.attestation(Fx.bob, agent, root: log.root, chain: chain)
        #expect(Ax.refusal(Ax.payload(attestations: [bob]), on: state)?.rule == .attestEarly)
        while state.agents.agents[agent]?.proof?.selected == nil { try Fx.apply(&state) }
        #expect(Ax.refusal(Ax.payload(attestations: [Ax.attestation(Fx.alice, agent, root: log.root, chain: chain)]), on: state)?.rule == .attestProvider)
        #expect(Ax.refusal(Ax.payload(attestations: [Ax.attestation(Fx.dave, agent, root: log.root, chain: chain)]), on: state)?.rule == .attestNotMember)
        #expect(Ax.refusal(Ax.payload(attestations: [Ax.attestation(Fx.bob, agent, root: log.leaves[0], chain: chain)]), on: state)?.rule == .attestRoot)
        try Fx.apply(&state, payload: Ax.payload(attestations: [bob]))
        #expect(state.agents.agents[agent]?.status == .awaitingAttestations)
        #expect(Ax.refusal(Ax.payload(attestations: [bob]), on: state)?.rule == .attestDuplicate)
        try Fx.apply(&state, payload: Ax.payload(attestations: [Ax.attestation(Fx.carol, agent, root: log.root, chain: chain)]))
        #expect(state.agents.agents[agent]?.status == .verified)
        #expect(state.agents.agents[agent]?.proof?.attesters == [Fx.bob.publicKey, Fx.carol.publicKey])
    }

    @Test("AGENT-CACHE: the agents state survives its cache encoding, through every stage")
    func cacheRoundTrip() throws {
        var state = Ax.genesis()
        let (agent, run, log) = try Ax.proven(&state)
        try Fx.apply(&state, payload: Ax.payload(attestations: [Ax.attestation(Fx.bob, agent, root: log.root, chain: state.chainId)]))
        try Fx.apply(&state, payload: Ax.payload(registrations: [Ax.registration(Fx.bob, name: "second", chain: state.chainId)]))
        #expect(try AgentsState(cacheEncoding: state.agents.cacheEncoding()) == state.agents)
        let forged = Ax.fabricated(log, run: run, segments: [2])
        var other = Ax.genesis()
        let (bad, _, _) = try Ax.proven(&other) { _ in forged }
        try Fx.apply(&other, payload: Ax.payload(frauds: [Ax.fraud(Fx.bob, bad, segment: 2, run: run, log: forged, chain: other.chainId)]))
        #expect(other.agents.agents[bad]?.fraud != nil)
        #expect(try AgentsState(cacheEncoding: other.agents.cacheEncoding()) == other.agents)
    }
}
