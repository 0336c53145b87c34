import PoTCore

/// What a provider commits to before the chain draws its seed: the data, the model, the
/// optimiser and how long it trains, and how it will be evaluated. Encoded
/// `{1: dataset blob id, 2: dataset root, 3: rows, 4: [kind, features, classes, hidden],
/// 5: learning rate, 6: momentum, 7: batch size, 8: checkpoint interval, 9: steps,
/// 10: label column, 11: metric, 12: evaluation share (ppm)}`.
public struct TrainingClaim: Equatable, Sendable {
    public enum Metric: UInt64, Sendable {
        /// The share of held-out rows whose most probable class is their label.
        case accuracy = 1
        public var name: String { "accuracy" }
    }

    /// The git object id of the dataset blob (20 bytes for SHA-1 repositories, 32 for SHA-256).
    public var datasetBlob: [UInt8]
    /// The Merkle root of the dataset's rows (`Dataset.root()`).
    public var datasetRoot: Hash256
    public var rows: UInt64
    public var model: ModelSpec
    /// Q16; 0.05 is 3 277.
    public var learningRate: UInt64
    /// Q16, below 1.0; 0.9 is 58 982.
    public var momentum: UInt64
    public var batchSize: UInt64
    /// k: steps between two checkpoints, the length of a segment.
    public var interval: UInt64
    /// m × k: the number of steps, a multiple of `interval`.
    public var steps: UInt64
    /// The column the model predicts, as the dataset names it.
    public var labelColumn: String
    public var metric: Metric
    /// The share of rows, in parts per million, that the seed sets aside for evaluation and
    /// training never sees.
    public var evaluationPpm: UInt64

    public init(datasetBlob: [UInt8], datasetRoot: Hash256, rows: UInt64, model: ModelSpec, learningRate: UInt64, momentum: UInt64,
                batchSize: UInt64, interval: UInt64, steps: UInt64, labelColumn: String, metric: Metric = .accuracy, evaluationPpm: UInt64) {
        self.datasetBlob = datasetBlob; self.datasetRoot = datasetRoot; self.rows = rows; self.model = model
        self.learningRate = learningRate; self.momentum = momentum; self.batchSize = batchSize; self.interval = interval
        self.steps = steps; self.labelColumn = labelColumn; self.metric = metric; self.evaluationPpm = evaluationPpm
    }

    /// m: the number of segments, and of checkpoints after checkpoint 0.
    public var segments: UInt64 { interval == 0 ? 0 : steps / interval }

    /// Rows the seed sets aside for evaluation: at least one, and at least one left to train on.
    public var evaluationRows: Int {
        let n = Int(rows)
        return min(n - 1, max(1, Int(UInt64(n) * evaluationPpm / 1_000_000)))
    }

    /// What is wrong with the claim's own numbers, whatever the chain's parameters.
    public var problem: String? {
        if datasetBlob.count != 20 && datasetBlob.count != 32 { return "the dataset blob id must be 20 or 32 bytes" }
        if !model.isValid { return "the model \(model.description) is not one this chain can train" }
        if rows < 2 || rows > UInt64(AgentLimits.maxDatasetRows) { return "a dataset has 2 to \(AgentLimits.maxDatasetRows) rows" }
        if learningRate == 0 || learningRate > UInt64(FixedPoint.one) { return "the learning rate must be above 0 and at most 1" }
        if momentum >= UInt64(FixedPoint.one) { return "the momentum must be below 1" }
        if batchSize == 0 || interval == 0 || steps == 0 { return "batch size, checkpoint interval and steps must be above 0" }
        if steps % interval != 0 { return "the steps (\(steps)) must be a multiple of the checkpoint interval (\(interval))" }
        if segments + 1 > UInt64(AgentLimits.maxCheckpoints) { return "at most \(AgentLimits.maxCheckpoints - 1) segments" }
        if evaluationPpm == 0 || evaluationPpm >= 1_000_000 { return "the evaluation share must be between 0 and 1 000 000 ppm" }
        if labelColumn.isEmpty || labelColumn.utf8.count > AgentLimits.maxNameBytes { return "the label column's name must be 1 to \(AgentLimits.maxNameBytes) bytes" }
        return nil
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(datasetBlob), 2: .bytes(datasetRoot.bytes), 3: .unsigned(rows),
              4: .array([.unsigned(model.kind.rawValue), .unsigned(UInt64(model.features)), .unsigned(UInt64(model.classes)), .unsigned(UInt64(model.hidden))]),
              5: .unsigned(learningRate), 6: .unsigned(momentum), 7: .unsigned(batchSize), 8: .unsigned(interval), 9: .unsigned(steps),
              10: .text(labelColumn), 11: .unsigned(metric.rawValue), 12: .unsigned(evaluationPpm)])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "training claim", allowedKeys: Set(1...12))
        datasetBlob = try f.bytes(1, max: 32)
        datasetRoot = try f.hash(2)
        rows = try f.uint(3)
        let shape = try f.array(4, max: 4)
        guard shape.count == 4, case .unsigned(let kind) = shape[0], let modelKind = ModelSpec.Kind(rawValue: kind),
              case .unsigned(let features) = shape[1], case .unsigned(let classes) = shape[2], case .unsigned(let hidden) = shape[3],
              features <= UInt64(AgentLimits.maxFeatures), classes <= UInt64(AgentLimits.maxClasses), hidden <= UInt64(AgentLimits.maxHidden),
              modelKind == .perceptron || hidden == 0 else {
            throw ObjectError("training claim field 4 must be [kind 1 or 2, features, classes, hidden]")
        }
        model = ModelSpec(kind: modelKind, features: Int(features), classes: Int(classes), hidden: Int(hidden))
        learningRate = try f.uint(5)
        momentum = try f.uint(6)
        batchSize = try f.uint(7)
        interval = try f.uint(8)
        steps = try f.uint(9)
        labelColumn = try f.text(10, maxUTF8: AgentLimits.maxNameBytes)
        guard let metric = Metric(rawValue: try f.uint(11)) else { throw ObjectError("training claim field 11: the only metric is 1 (accuracy)") }
        self.metric = metric
        evaluationPpm = try f.uint(12)
        if let problem { throw ObjectError("training claim: \(problem)") }
    }
}
