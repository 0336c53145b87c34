import PoTCore

/// The decision the counted verdicts make: their median. With verdicts that pay or refund, it
/// is the majority's; with an even count split evenly it is their mean; no arbiter can move it
/// past the verdicts of a majority. With no verdict counted, the chain's fallback split.
public enum VerdictTally {
    public static func decide(_ counted: [Verdict], fallback: Verdict) -> Verdict {
        let sorted = counted.sorted()
        guard !sorted.isEmpty else { return fallback }
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return Verdict(workerShare: (sorted[middle - 1].workerShare + sorted[middle].workerShare) / 2)
    }

    /// Whether `verdict` agrees with `decision` within `tolerance` ppm.
    public static func agrees(_ verdict: Verdict, with decision: Verdict, tolerance: UInt64) -> Bool {
        let gap = verdict.workerShare > decision.workerShare ? verdict.workerShare - decision.workerShare : decision.workerShare - verdict.workerShare
        return gap <= tolerance
    }
}

extension VerdictTally {
    /// The decision the verdicts counted so far on `dispute` make, on a chain with `params`.
    public static func tally(of dispute: Dispute, params: ChainParams) -> Verdict {
        decide(Array(dispute.counted.values), fallback: Verdict(workerShare: params.value(of: ContractsModule.fallbackShare)))
    }
}
