import PoTCore

/// What a validator does with a proof it holds the checkpoints of: re-executes segments and
/// compares each with the committed next checkpoint, loss and distance. The chain does the same
/// for one segment when a fraud proof names it (`AgentsAdmission.fraud`).
public enum ProofAudit {
    /// Why a segment fails, in words; nil when it re-executes to what was committed.
    public static func check(segment: Int, run: TrainingRun, checkpoints: [Checkpoint], losses: [UInt64], distances: [UInt64],
                             row: (Int) -> DatasetRow?) -> String? {
        guard segment + 1 < checkpoints.count, segment < losses.count, segment < distances.count else { return "segment \(segment) is not in the proof" }
        guard let outcome = run.replay(segment: UInt64(segment), from: checkpoints[segment], row: row) else {
            return "segment \(segment) cannot be re-executed from checkpoint \(segment)"
        }
        if outcome.checkpoint != checkpoints[segment + 1] { return "segment \(segment) does not give checkpoint \(segment + 1)" }
        if outcome.loss != losses[segment] { return "segment \(segment)'s loss is \(outcome.loss), not \(losses[segment])" }
        if outcome.distance != distances[segment] { return "segment \(segment)'s distance is \(outcome.distance), not \(distances[segment])" }
        return nil
    }

    /// The segments among `segments` that fail, with why.
    public static func failures(_ segments: [Int], run: TrainingRun, log: TrainingLog, row: (Int) -> DatasetRow?) -> [(segment: Int, reason: String)] {
        segments.compactMap { segment in
            check(segment: segment, run: run, checkpoints: log.checkpoints, losses: log.losses, distances: log.distances, row: row).map { (segment, $0) }
        }
    }
}
