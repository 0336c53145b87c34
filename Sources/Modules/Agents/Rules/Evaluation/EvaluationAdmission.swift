import PoTCore

extension AgentsAdmission {
    /// AGENT-FORECAST: a member forecasts an agent's accuracy once, while its market is open.
    public static func forecast(_ f: AgentForecast, in c: Context) -> BlockRejection? {
        guard c.isMember(f.forecaster) else { return BlockRejection(.forecastNotMember, "\(c.named(f.forecaster)) is not a member and cannot forecast") }
        guard let agent = c.state.agents[f.agent], let market = agent.evaluation else {
            return BlockRejection(.forecastClosed, "agent \(c.state.agents[f.agent]?.name ?? f.agent.short) has no open evaluation market: it opens when its proof is verified", standing: .notYet)
        }
        guard c.blockHeight <= market.closesAt, market.outcome == nil else {
            return BlockRejection(.forecastClosed, "agent \(agent.name)'s evaluation market closed at height \(market.closesAt)", standing: .stale)
        }
        guard market.forecasts[f.forecaster] == nil else {
            return BlockRejection(.forecastDuplicate, "\(c.named(f.forecaster)) already forecast agent \(agent.name)'s accuracy", standing: .stale)
        }
        return nil
    }

    /// AGENT-EVALUATE: evidence for a closed market carries the final model (its hash the proof's)
    /// and exactly the holdout's rows under the dataset root; the chain measures the accuracy.
    /// Returns the accuracy in ppm.
    public static func evaluate(_ e: EvaluationResult, in c: Context) -> Result<UInt64, BlockRejection> {
        guard c.isMember(e.submitter) else {
            return .failure(BlockRejection(.evaluationNotMember, "\(c.named(e.submitter)) is not a member and cannot submit evaluation evidence"))
        }
        guard let agent = c.state.agents[e.agent], let proof = agent.proof, let market = agent.evaluation else {
            return .failure(BlockRejection(.evaluationEarly, "agent \(e.agent.short) has no evaluation market", standing: .notYet))
        }
        guard market.outcome == nil else { return .failure(BlockRejection(.evaluationClosed, "agent \(agent.name)'s market is already settled", standing: .stale)) }
        guard let holdout = market.holdout else {
            return .failure(BlockRejection(.evaluationEarly, "agent \(agent.name)'s holdout is drawn by the block at height \(market.closesAt + 1)", standing: .early))
        }
        let claim = agent.claim
        guard e.weights.count == 4 * claim.model.parameterCount else {
            return .failure(BlockRejection(.evaluationModel, "the evidence's weights are not a \(claim.model.description) model"))
        }
        let weights = Int32Packing.unpack(e.weights[...])
        guard Checkpoint.modelHash(weights) == proof.finalModel else {
            return .failure(BlockRejection(.evaluationModel, "the evidence's weights are not agent \(agent.name)'s final model"))
        }
        guard e.rows.map({ Int($0.index) }) == holdout else {
            return .failure(BlockRejection(.evaluationRows, "the holdout has \(holdout.count) rows; the evidence carries \(e.rows.count) or others"))
        }
        var right: UInt64 = 0
        for proven in e.rows {
            guard proven.bytes.count == 4 * claim.model.features + 1 else {
                return .failure(BlockRejection(.evaluationRows, "row \(proven.index) is not a row of \(claim.model.features) features"))
            }
            let row = DatasetRow(encoded: proven.bytes[...], features: claim.model.features)
            guard MerkleTree.verify(leaf: row.hash, index: Int(proven.index), size: Int(claim.rows), path: proven.path, root: claim.datasetRoot) else {
                return .failure(BlockRejection(.evaluationRows, "row \(proven.index) is not in agent \(agent.name)'s dataset"))
            }
            if TrainingRun.predict(claim.model, weights: weights, input: row.features).label == Int(row.label) { right += 1 }
        }
        return .success(holdout.isEmpty ? 0 : right * 1_000_000 / UInt64(holdout.count))
    }

    /// AGENT-USAGE: anyone pays a verified agent a fee it can afford, each payment once.
    public static func use(_ u: AgentUsage, id: Hash256, in c: Context) -> BlockRejection? {
        guard !c.state.payments.contains(id) else { return BlockRejection(.usageDuplicate, "this payment was already made", standing: .stale) }
        guard let agent = c.state.agents[u.agent], agent.proof?.verifiedAt != nil, agent.fraud == nil else {
            return BlockRejection(.usageAgent, "agent \(c.state.agents[u.agent]?.name ?? u.agent.short) is not verified and cannot be paid for use")
        }
        let balance = c.balance(u.payer)
        guard u.fee <= balance else { return BlockRejection(.usageFee, "a fee of \(u.fee) mT is more than \(c.named(u.payer))'s balance of \(balance) mT") }
        return nil
    }
}
