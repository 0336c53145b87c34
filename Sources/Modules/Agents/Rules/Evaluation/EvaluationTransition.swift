import PoTCore

/// How forecasts, evaluation evidence and usage payments change the state and the balances.
extension AgentsTransition {
    static func forecast(_ signed: SignedAgentForecast, in block: inout ModuleBlock<AgentsModule>) throws {
        try block.requireSignature(signed, .forecastSignature)
        let f = signed.forecast
        if let refusal = AgentsAdmission.forecast(f, in: .init(block)) { throw refusal }
        block.state.agents[f.agent]!.evaluation!.forecasts[f.forecaster] = f.probsPpm
    }

    /// The chain measures the accuracy and pays the forecasts by the log score of its bucket.
    static func evaluate(_ signed: SignedEvaluationResult, in block: inout ModuleBlock<AgentsModule>) throws {
        try block.requireSignature(signed, .evaluationSignature)
        let e = signed.evaluation
        let accuracy: UInt64
        switch AgentsAdmission.evaluate(e, in: .init(block)) {
        case .failure(let refusal): throw refusal
        case .success(let a): accuracy = a
        }
        var market = block.state.agents[e.agent]!.evaluation!
        let bucket = AccuracyBuckets.bucket(accuracy)
        let settled = block.settle(market.forecasts(bucket: bucket))
        market.outcome = .measured(accuracyPpm: accuracy, bucket: bucket, height: block.height)
        block.state.agents[e.agent]!.evaluation = market
        block.report.evaluations.append(.init(agent: e.agent, accuracyPpm: accuracy, scores: settled.scores))
    }

    /// The provider's share, the attesters' share split evenly (the remainder of the division
    /// destroyed with the burn), the rest destroyed.
    static func use(_ signed: SignedAgentUsage, in block: inout ModuleBlock<AgentsModule>) throws {
        try block.requireSignature(signed, .usageSignature)
        let u = signed.usage
        let id = signed.id(chain: block.chain)
        if let refusal = AgentsAdmission.use(u, id: id, in: .init(block)) { throw refusal }
        var agent = block.state.agents[u.agent]!
        let attesters = agent.proof!.attesters
        let providerPpm = block.parameter(AgentsModule.providerSharePpm)
        let validatorPpm = min(block.parameter(AgentsModule.validatorSharePpm), 1_000_000 - providerPpm)
        let provider = UInt64(UInt128(u.fee) * UInt128(providerPpm) / 1_000_000)
        let pool = UInt64(UInt128(u.fee) * UInt128(validatorPpm) / 1_000_000)
        let each = attesters.isEmpty ? 0 : pool / UInt64(attesters.count)
        try block.debit(u.payer, u.fee)
        if provider > 0 { try block.credit(agent.provider, provider) }
        if each > 0 { for attester in attesters { try block.credit(attester, each) } }
        block.state.payments.insert(id)
        agent.uses += 1
        agent.fees += u.fee
        block.state.agents[u.agent] = agent
        let validators = each * UInt64(attesters.count)
        block.report.payments.append(.init(agent: u.agent, payer: u.payer, fee: u.fee, provider: provider, validators: validators,
                                           burned: u.fee - provider - validators))
    }

    /// Opens the evaluation market of an agent whose proof the block verified.
    static func openMarket(_ agent: Hash256, in block: inout ModuleBlock<AgentsModule>) {
        let closes = block.height + block.parameter(AgentsModule.forecastWindow)
        block.state.agents[agent]!.evaluation = EvaluationMarket(opensAt: block.height, closesAt: closes,
                                                                 resolveBy: closes + 1 + block.parameter(AgentsModule.resolveWindow))
        block.state.wait(agent, until: closes + 1)
    }

    /// At the block after the close: the forecasters' trust and the holdout, drawn from the
    /// parent's id. After `resolveBy`: void.
    static func advanceMarket(_ agent: inout Agent, drawn: Hash256, in block: inout ModuleBlock<AgentsModule>) {
        guard var market = agent.evaluation, market.outcome == nil else { return }
        if market.holdout == nil {
            var closing: [PublicKey: UInt64] = [:]
            for forecaster in market.forecasts.keys { closing[forecaster] = block.preBlockTrust[forecaster] ?? 0 }
            market.closingTrust = closing
            let pool = TrainingRun(claim: agent.claim, seed: agent.seed!).evaluationRows
            var stream = SeedStream(seed: drawn, purpose: "holdout")
            let count = min(pool.count, Int(block.parameter(AgentsModule.holdoutRows)))
            market.holdout = stream.permutation(pool.count).prefix(count).map { pool[$0] }.sorted()
            block.state.wait(agent.id, until: market.resolveBy + 1)
        } else if block.height > market.resolveBy {
            market.outcome = .voided(height: block.height)
            block.report.evaluations.append(.init(agent: agent.id, accuracyPpm: nil, scores: []))
        }
        agent.evaluation = market
    }
}
