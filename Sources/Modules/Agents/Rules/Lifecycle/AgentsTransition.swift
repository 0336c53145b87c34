import PoTCore

/// How the agents module's objects change the state and the balances.
enum AgentsTransition {
    static func register(_ signed: SignedAgentRegistration, in block: inout ModuleBlock<AgentsModule>) throws {
        try block.requireSignature(signed, .agentSignature)
        let r = signed.registration
        let id = signed.id(chain: block.chain)
        if let refusal = AgentsAdmission.register(r, id: id, in: .init(block)) { throw refusal }
        try block.lockBond(r.provider, r.bond)
        block.state.agents[id] = Agent(id: id, registration: r, registeredAt: block.height)
        block.state.names[r.name] = id
        block.state.wait(id, until: block.height + block.parameter(AgentsModule.seedDelay) + 1)
        block.report.registered.append(id)
    }

    static func prove(_ signed: SignedTrainingProof, in block: inout ModuleBlock<AgentsModule>) throws {
        try block.requireSignature(signed, .proofSignature)
        let p = signed.proof
        if let refusal = AgentsAdmission.prove(p, in: .init(block)) { throw refusal }
        block.state.agents[p.agent]!.proof = ProvenTraining(root: p.root, finalModel: p.finalModel, losses: p.losses, distances: p.distances,
                                                            includedAt: block.height)
        block.state.wait(p.agent, until: block.height + block.parameter(AgentsModule.selectionDelay) + 1)
        block.report.proven.append(p.agent)
    }

    static func attest(_ signed: SignedSegmentAttestation, in block: inout ModuleBlock<AgentsModule>) throws {
        try block.requireSignature(signed, .attestSignature)
        let a = signed.attestation
        if let refusal = AgentsAdmission.attest(a, in: .init(block)) { throw refusal }
        var proof = block.state.agents[a.agent]!.proof!
        proof.attesters.append(a.validator)
        if proof.verifiedAt == nil, UInt64(proof.attesters.count) >= block.parameter(AgentsModule.attestationsNeeded) {
            proof.verifiedAt = block.height
            block.report.verified.append(a.agent)
        }
        block.state.agents[a.agent]!.proof = proof
        if proof.verifiedAt == block.height, block.state.agents[a.agent]!.evaluation == nil { openMarket(a.agent, in: &block) }
    }

    /// A proven fraud takes the whole bond (a share to the reporter, the rest destroyed) and
    /// fines each member who attested the segment; a refuted one costs the reporter the fee,
    /// paid to the provider it accused.
    static func fraud(_ signed: SignedFraudProof, in block: inout ModuleBlock<AgentsModule>) throws {
        try block.requireSignature(signed, .fraudSignature)
        let f = signed.fraud
        let verdict: AgentsAdmission.FraudVerdict
        switch AgentsAdmission.fraud(f, in: .init(block)) {
        case .failure(let refusal): throw refusal
        case .success(let v): verdict = v
        }
        var agent = block.state.agents[f.agent]!
        switch verdict {
        case .refuted:
            let fee = block.parameter(AgentsModule.falseFraudFee)
            try block.debit(f.reporter, fee)
            try block.credit(agent.provider, fee)
            agent.refutedClaims += 1
            block.report.refuted.append(.init(agent: f.agent, reporter: f.reporter, segment: f.segment, fee: fee))
        case .proven:
            let bond = agent.registration.bond
            let reward = UInt64((UInt128(bond) * UInt128(block.parameter(AgentsModule.fraudRewardPpm)) / 1_000_000))
            let slashed = try block.slash(agent.provider, bond, reward: reward, to: f.reporter)
            let proof = agent.proof!
            var penalized: [PublicKey] = []
            if proof.selected?.contains(Int(f.segment)) == true {
                let penalty = block.parameter(AgentsModule.attestPenalty)
                for attester in proof.attesters {
                    let amount = min(penalty, block.balance(attester))
                    if amount > 0 { try block.debit(attester, amount) }
                    penalized.append(attester)
                }
            }
            if agent.evaluation?.outcome == nil, agent.evaluation != nil {
                agent.evaluation!.outcome = .voided(height: block.height)
                block.report.evaluations.append(.init(agent: f.agent, accuracyPpm: nil, scores: []))
            }
            agent.fraud = ProvenFraud(segment: f.segment, reporter: f.reporter, height: block.height, slashed: slashed,
                                      reward: min(reward, slashed), penalized: penalized)
            block.report.frauds.append(f.agent)
        }
        block.state.agents[f.agent] = agent
    }

    /// Fixes the seeds, segment selections and holdouts that wait for the parent of this block,
    /// and voids evaluation markets nobody resolved in time.
    static func endBlock(in block: inout ModuleBlock<AgentsModule>) {
        guard let due = block.state.waiting.removeValue(forKey: block.height) else { return }
        for id in due {
            guard var agent = block.state.agents[id], agent.fraud == nil else { continue }
            let drawn = DomainHash.hash(.agentSeed, chain: block.chain, body: .array([.bytes(block.parent.bytes), .bytes(id.bytes)]))
            if agent.seed == nil {
                agent.seed = drawn
                block.report.seeded.append(id)
            } else if var proof = agent.proof, proof.selected == nil {
                proof.selected = SegmentSelection.select(distances: proof.distances, top: Int(block.parameter(AgentsModule.topSegments)),
                                                         random: Int(block.parameter(AgentsModule.randomSegments)), seed: drawn)
                agent.proof = proof
                block.report.selected.append(id)
            } else {
                advanceMarket(&agent, drawn: drawn, in: &block)
            }
            block.state.agents[id] = agent
        }
    }
}
