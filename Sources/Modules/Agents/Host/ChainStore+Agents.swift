import Foundation
import GitKit
import PoTAgents
import PoTCore
import PoTStore

/// Signing the agents module's objects: each is checked with the rules a block applies
/// (`AgentsAdmission`, for the next block) before it is stored.
extension ChainStore {
    /// The agent `text` names on top of `state`: its name, or its id or a unique prefix of it.
    public func findAgent(_ text: String, in state: ChainState) throws -> Agent {
        let agents = state.agents
        if let agent = agents.agent(named: text) { return agent }
        let matches = agents.agents.keys.filter { $0.hex.hasPrefix(text.lowercased()) }
        if text.count >= 4, matches.count == 1 { return agents.agents[matches[0]]! }
        if matches.count > 1 { throw SigningRefusal("\(text) names \(matches.count) agents: give more of the id") }
        var problems: [String] = []
        if try pendingModuleObjects(AgentsModule.registrationKind, problems: &problems)
            .contains(where: { ($0.object as? SignedAgentRegistration)?.registration.name == text }) {
            throw SigningRefusal("agent \(text) is not on the chain yet: its registration waits for a block")
        }
        throw SigningRefusal("no agent \(text) on this chain (pot agent list shows them)")
    }

    /// Registers an agent of `key`'s with the dataset blob `dataset`. Takes the write lock.
    public func registerAgent(as key: SigningKey, name: String, tags: [String], bond: UInt64, claim: TrainingClaim) throws -> SignedAgentRegistration {
        try withWriteLock {
            let state = try currentState()
            _ = try AgentDatasets(store: self).load(for: claim)
            let body = AgentRegistration(provider: key.publicKey, name: name, tags: tags.sorted(), bond: bond, claim: claim)
            do { _ = try AgentRegistration(cbor: body.cbor()) } catch { throw SigningRefusal("\(error)") }
            let signed = SignedAgentRegistration.sign(body, with: key, chain: chainId)
            let context = AgentsAdmission.Context(state, named: keyNamer())
            if let refusal = AgentsAdmission.register(body, id: signed.id(chain: chainId), in: context) { throw SigningRefusal(refusal.detail) }
            var problems: [String] = []
            if try pendingModuleObjects(AgentsModule.registrationKind, problems: &problems)
                .contains(where: { ($0.object as? SignedAgentRegistration)?.registration.name == name }) {
                throw SigningRefusal("a registration of an agent named \(name) already waits for a block", conflict: true)
            }
            try storeModuleObject(signed, kind: AgentsModule.registrationKind)
            return signed
        }
    }

    /// Signs the proof of the run stored for `agent`. Takes the write lock.
    public func proveAgent(as key: SigningKey, agent: Agent) throws -> SignedTrainingProof {
        try withWriteLock {
            let state = try currentState()
            guard let log = try AgentCheckpoints(store: self).load(agent: agent.id, claim: agent.claim) else {
                throw SigningRefusal("this repository holds no run of agent \(agent.name): pot agent train \(agent.name) first")
            }
            let proof = TrainingProof(provider: key.publicKey, agent: agent.id, log: log)
            if let refusal = AgentsAdmission.prove(proof, in: .init(state, named: keyNamer())) { throw SigningRefusal(refusal.detail) }
            let signed = SignedTrainingProof.sign(proof, with: key, chain: chainId)
            try storeModuleObject(signed, kind: AgentsModule.proofKind)
            return signed
        }
    }

    /// Signs an attestation of `agent`'s proof by `key`, once `audit` found every selected segment right.
    public func attestAgent(as key: SigningKey, agent: Agent, audit: AgentAudit) throws -> SignedSegmentAttestation {
        guard let proof = agent.proof else { throw SigningRefusal("agent \(agent.name) has no proof on the chain yet") }
        if let bad = audit.results.first(where: { !$0.passed }) {
            throw SigningRefusal("segment \(bad.segment) of agent \(agent.name) does not re-execute (\(bad.detail)): do not attest; pot agent fraud \(agent.name) --segment \(bad.segment) proves it")
        }
        return try withWriteLock {
            let attestation = SegmentAttestation(validator: key.publicKey, agent: agent.id, root: proof.root)
            if let refusal = AgentsAdmission.attest(attestation, in: .init(try currentState(), named: keyNamer())) { throw SigningRefusal(refusal.detail) }
            let signed = SignedSegmentAttestation.sign(attestation, with: key, chain: chainId)
            try storeModuleObject(signed, kind: AgentsModule.attestationKind)
            return signed
        }
    }

    /// Builds, checks and stores a fraud proof by `key` against `segment` of `agent`'s proof, from
    /// the checkpoints and dataset this repository holds. Refused when the chain would refute it,
    /// unless `anyway`.
    public func claimFraud(as key: SigningKey, agent: Agent, segment: UInt64, anyway: Bool = false) throws -> (signed: SignedFraudProof, verdict: AgentsAdmission.FraudVerdict) {
        guard let proof = agent.proof, let seed = agent.seed else { throw SigningRefusal("agent \(agent.name) has no proof on the chain yet") }
        guard segment < agent.claim.segments else { throw SigningRefusal("agent \(agent.name) has segments 0 to \(agent.claim.segments - 1)") }
        let log = try AgentCheckpoints(store: self).require(agent)
        guard log.root == proof.root else {
            throw SigningRefusal("the checkpoints this repository holds for agent \(agent.name) are not the ones its proof commits to")
        }
        let dataset = try AgentDatasets(store: self).load(for: agent.claim)
        let run = TrainingRun(claim: agent.claim, seed: seed)
        let levels = MerkleTree.Levels(log.leaves), rowLevels = MerkleTree.Levels(dataset.rowHashes())
        let i = Int(segment)
        let rows = run.rows(ofSegment: segment).map { FraudProof.ProvenRow(index: UInt64($0), bytes: dataset.row($0).encoded(), path: rowLevels.path($0)) }
        let body = FraudProof(reporter: key.publicKey, agent: agent.id, segment: segment, start: log.checkpoints[i].encoded(),
                              startPath: levels.path(i), endLeaf: log.leaves[i + 1], endPath: levels.path(i + 1), rows: rows)
        return try withWriteLock {
            let verdict: AgentsAdmission.FraudVerdict
            switch AgentsAdmission.fraud(body, in: .init(try currentState(), named: keyNamer())) {
            case .failure(let refusal): throw SigningRefusal(refusal.detail)
            case .success(let v): verdict = v
            }
            if verdict == .refuted && !anyway {
                throw SigningRefusal("segment \(segment) of agent \(agent.name) re-executes to its committed checkpoint: the chain would refute the claim and charge you \(params.value(of: AgentsModule.falseFraudFee)) mT (agents.false_fraud_fee_mt); --anyway signs it all the same")
            }
            let signed = SignedFraudProof.sign(body, with: key, chain: chainId)
            try storeModuleObject(signed, kind: AgentsModule.fraudKind)
            return (signed, verdict)
        }
    }
}

/// Signing forecasts, evaluation evidence and usage payments.
extension ChainStore {
    /// Forecasts `agent`'s accuracy bucket by `key`. Takes the write lock.
    public func forecastAgent(as key: SigningKey, agent: Agent, probsPpm: [UInt64]) throws -> SignedAgentForecast {
        guard probsPpm.count == AccuracyBuckets.count else {
            throw SigningRefusal("give \(AccuracyBuckets.count) probabilities, one per bucket: \((0..<AccuracyBuckets.count).map(AccuracyBuckets.label).joined(separator: ", "))")
        }
        if let problem = Figures.distributionProblem(probsPpm) { throw SigningRefusal(problem) }
        return try withWriteLock {
            let forecast = AgentForecast(forecaster: key.publicKey, agent: agent.id, probsPpm: probsPpm)
            if let refusal = AgentsAdmission.forecast(forecast, in: .init(try currentState(), named: keyNamer())) { throw SigningRefusal(refusal.detail) }
            let signed = SignedAgentForecast.sign(forecast, with: key, chain: chainId)
            try storeModuleObject(signed, kind: AgentsModule.forecastKind)
            return signed
        }
    }

    /// Builds evaluation evidence for `agent` from its final model and the dataset this
    /// repository holds, checks it as the chain will (which gives the accuracy), and stores it.
    public func submitEvaluation(as key: SigningKey, agent: Agent) throws -> (signed: SignedEvaluationResult, accuracyPpm: UInt64) {
        guard let holdout = agent.evaluation?.holdout else {
            let closes = agent.evaluation.map { "the block at height \($0.closesAt + 1) draws it" } ?? "its market opens when its proof is verified"
            throw SigningRefusal("agent \(agent.name) has no holdout yet: \(closes)")
        }
        let weights = try AgentModels(store: self).finalWeights(of: agent)
        let dataset = try AgentDatasets(store: self).load(for: agent.claim)
        let levels = MerkleTree.Levels(dataset.rowHashes())
        let body = EvaluationResult(submitter: key.publicKey, agent: agent.id, weights: Checkpoint.modelFile(weights),
                                    rows: holdout.map { FraudProof.ProvenRow(index: UInt64($0), bytes: dataset.row($0).encoded(), path: levels.path($0)) })
        return try withWriteLock {
            let accuracy: UInt64
            switch AgentsAdmission.evaluate(body, in: .init(try currentState(), named: keyNamer())) {
            case .failure(let refusal): throw SigningRefusal(refusal.detail)
            case .success(let a): accuracy = a
            }
            let signed = SignedEvaluationResult.sign(body, with: key, chain: chainId)
            try storeModuleObject(signed, kind: AgentsModule.evaluationKind)
            return (signed, accuracy)
        }
    }

    /// Pays `fee` mT by `key` for a use of `agent`. Takes the write lock.
    public func payAgent(as key: SigningKey, agent: Agent, fee: UInt64) throws -> SignedAgentUsage {
        guard fee > 0 else { throw SigningRefusal("a usage fee is more than 0 mT") }
        return try withWriteLock {
            var rng = SystemRandomNumberGenerator()
            let usage = AgentUsage(payer: key.publicKey, agent: agent.id, fee: fee, nonce: UInt64.random(in: 0...UInt64.max, using: &rng))
            let signed = SignedAgentUsage.sign(usage, with: key, chain: chainId)
            if let refusal = AgentsAdmission.use(usage, id: signed.id(chain: chainId), in: .init(try currentState(), named: keyNamer())) {
                throw SigningRefusal(refusal.detail)
            }
            try storeModuleObject(signed, kind: AgentsModule.usageKind)
            return signed
        }
    }
}
