/// Dishonest training runs, for demonstrations and the tests that show each is caught: what a
/// provider who wants to skip or bend training could commit to.
public enum Spoofs {
    /// Trains honestly, except that after each segment in `fabricated` one weight is nudged by
    /// `nudge` units before training goes on: exactly those segments fail re-execution, and
    /// their distances look ordinary.
    public static func fabricated(_ run: TrainingRun, dataset: Dataset, segments fabricated: Set<Int>, nudge: Int32 = 3) -> TrainingLog {
        var checkpoints = [run.initialCheckpoint()]
        var losses: [UInt64] = [], distances: [UInt64] = []
        for segment in 0..<Int(run.claim.segments) {
            var outcome = run.replay(segment: UInt64(segment), from: checkpoints[segment]) { dataset.row($0) }!
            if fabricated.contains(segment) {
                let w = segment % outcome.checkpoint.weights.count
                outcome.checkpoint.weights[w] = outcome.checkpoint.weights[w] &+ nudge
                outcome.distance = checkpoints[segment].distance(to: outcome.checkpoint)
            }
            checkpoints.append(outcome.checkpoint)
            losses.append(outcome.loss)
            distances.append(outcome.distance)
        }
        return TrainingLog(checkpoints: checkpoints, losses: losses, distances: distances)
    }
}
