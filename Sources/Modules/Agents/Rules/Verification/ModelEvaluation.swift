/// How well a model does on rows of its dataset: the measure the evaluation of an agent uses.
public enum ModelEvaluation {
    /// The share of `rows` whose most probable class is their label, in ppm (rounded down); 0
    /// for no rows.
    public static func accuracyPpm(_ model: ModelSpec, weights: [Int32], dataset: Dataset, rows: [Int]) -> UInt64 {
        guard !rows.isEmpty else { return 0 }
        let right = rows.filter { TrainingRun.predict(model, weights: weights, input: dataset.row($0).features).label == Int(dataset.labels[$0]) }.count
        return UInt64(right) * 1_000_000 / UInt64(rows.count)
    }
}
