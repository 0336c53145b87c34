import PoTCore

/// The market on a verified agent's accuracy: members forecast the bucket its accuracy on the
/// holdout falls in until `closesAt`; the block after draws the holdout from the evaluation pool
/// and takes the forecasters' trust; evaluation evidence then lets the chain measure the
/// accuracy and settle by the log score, or the market is void after `resolveBy`.
public struct EvaluationMarket: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        case measured(accuracyPpm: UInt64, bucket: Int, height: UInt64)
        case voided(height: UInt64)
    }

    public var opensAt: UInt64
    public var closesAt: UInt64
    public var resolveBy: UInt64
    public var forecasts: [PublicKey: [UInt64]] = [:]
    public var closingTrust: [PublicKey: UInt64]?
    /// Dataset rows of the holdout, ascending; nil until the market closes.
    public var holdout: [Int]?
    public var outcome: Outcome?

    public init(opensAt: UInt64, closesAt: UInt64, resolveBy: UInt64) {
        self.opensAt = opensAt; self.closesAt = closesAt; self.resolveBy = resolveBy
    }

    /// The forecasts of `bucket`, weighted by the trust each forecaster had when the market closed.
    func forecasts(bucket: Int) -> [LogScoreSettlement.Forecast] {
        let closing = closingTrust ?? [:]
        return forecasts.keys.sorted().map { LogScoreSettlement.Forecast(key: $0, trust: closing[$0] ?? 0, ppm: forecasts[$0]![bucket]) }
    }

    /// The measured accuracy, when there is one.
    public var accuracyPpm: UInt64? {
        if case .measured(let accuracy, _, _) = outcome { return accuracy }
        return nil
    }
}

extension Agent {
    /// What routing ranks by, in ppm: the accuracy the chain measured, 0 for a fraudulent agent,
    /// nil before a measurement.
    public var reputationPpm: UInt64? {
        if fraud != nil { return 0 }
        return evaluation?.accuracyPpm
    }
}
