import PoTCore

/// A training claim with its seed: which rows are held out, the order of the rest, the first
/// checkpoint, and each segment's re-execution. Everything here is a function of the claim, the
/// seed and the dataset's rows, so a provider, a validator and the chain compute the same bytes.
public struct TrainingRun: Sendable {
    public let claim: TrainingClaim
    public let seed: Hash256
    /// Rows training reads, ascending.
    public let trainingRows: [Int]
    /// Rows set aside for evaluation, ascending: the pool a holdout is drawn from.
    public let evaluationRows: [Int]

    public init(claim: TrainingClaim, seed: Hash256) {
        self.claim = claim
        self.seed = seed
        var split = SeedStream(seed: seed, purpose: "split")
        let order = split.permutation(Int(claim.rows))
        let held = claim.evaluationRows
        evaluationRows = order.prefix(held).sorted()
        trainingRows = order.dropFirst(held).sorted()
    }

    /// Checkpoint 0: weights uniform in ±1/√fan-in drawn from the seed, biases and velocity 0.
    public func initialCheckpoint() -> Checkpoint { Self.initialCheckpoint(claim: claim, seed: seed) }

    /// Checkpoint 0 of `claim` with `seed`, without drawing the split.
    public static func initialCheckpoint(claim: TrainingClaim, seed: Hash256) -> Checkpoint {
        let model = claim.model
        var stream = SeedStream(seed: seed, purpose: "init")
        var weights: [Int32] = []
        weights.reserveCapacity(model.parameterCount)
        func layer(rows: Int, inputs: Int) {
            let bound = Int64((UInt64(1) << 24) / FixedPoint.isqrt(UInt64(inputs) << 16))
            for _ in 0..<rows {
                for _ in 0..<inputs { weights.append(Int32(stream.symmetric(bound))) }
                weights.append(0)
            }
        }
        switch model.kind {
        case .softmax:
            layer(rows: model.classes, inputs: model.features)
        case .perceptron:
            layer(rows: model.hidden, inputs: model.features)
            layer(rows: model.classes, inputs: model.hidden)
        }
        return Checkpoint(step: 0, weights: weights, velocity: Array(repeating: 0, count: weights.count))
    }

    /// The row indices of every step of segment `segment` (0-based): `interval` batches of
    /// `batchSize` rows. Step s reads positions s·B ..< (s+1)·B of the training rows repeated
    /// epoch after epoch, each epoch in its own order drawn from the seed.
    public func batches(ofSegment segment: UInt64) -> [[Int]] { batches(ofSegment: segment, orders: EpochOrders()) }

    /// The orders of the epochs a run has drawn so far: a whole training draws each epoch's
    /// order once instead of once per segment.
    public final class EpochOrders {
        var orders: [Int: [Int]] = [:]
        public init() {}
    }

    func batches(ofSegment segment: UInt64, orders: EpochOrders) -> [[Int]] {
        let b = Int(claim.batchSize), k = Int(claim.interval), count = trainingRows.count
        let first = Int(segment) * k * b
        return (0..<k).map { step in
            (0..<b).map { j in
                let position = first + step * b + j
                let epoch = position / count
                if orders.orders[epoch] == nil {
                    var stream = SeedStream(seed: seed, purpose: "order", index: UInt64(epoch))
                    orders.orders[epoch] = stream.permutation(count)
                }
                return trainingRows[orders.orders[epoch]![position % count]]
            }
        }
    }

    /// The distinct rows segment `segment` reads, ascending: what a fraud proof must carry.
    public func rows(ofSegment segment: UInt64) -> [Int] {
        Array(Set(batches(ofSegment: segment).joined())).sorted()
    }

    /// What re-executing one segment gives.
    public struct SegmentOutcome: Equatable, Sendable {
        public var checkpoint: Checkpoint
        /// The mean of its steps' mean losses, Q16.
        public var loss: UInt64
        /// Σ|Δw| from the segment's first checkpoint to its last, Q16.
        public var distance: UInt64
    }

    /// Re-executes segment `segment` from `start`; nil when `start` does not fit the model or
    /// is not the segment's first step, or a row it needs is not given.
    public func replay(segment: UInt64, from start: Checkpoint, orders: EpochOrders = EpochOrders(), row: (Int) -> DatasetRow?) -> SegmentOutcome? {
        let model = claim.model
        guard start.step == segment * claim.interval, start.weights.count == model.parameterCount,
              start.velocity.count == model.parameterCount else { return nil }
        var checkpoint = start
        let scratch = StepMath.Scratch(model)
        var lossSum: Int64 = 0
        var gradient = [Int64](repeating: 0, count: model.parameterCount)
        for batch in batches(ofSegment: segment, orders: orders) {
            var samples: [DatasetRow] = []
            samples.reserveCapacity(batch.count)
            for index in batch {
                guard let sample = row(index), sample.features.count == model.features, Int(sample.label) < model.classes else { return nil }
                samples.append(sample)
            }
            var batchLoss: Int64 = 0
            gradient.withUnsafeMutableBufferPointer { g in
                for p in g.indices { g[p] = 0 }
                checkpoint.weights.withUnsafeBufferPointer { w in
                    for sample in samples {
                        batchLoss += sample.features.withUnsafeBufferPointer { x in
                            StepMath.accumulate(model, w, x, label: Int(sample.label), g, scratch)
                        }
                    }
                }
                lossSum += batchLoss / Int64(batch.count)
                StepMath.update(&checkpoint, gradient: g, batch: Int64(batch.count),
                                learningRate: Int64(claim.learningRate), momentum: Int64(claim.momentum))
            }
        }
        return SegmentOutcome(checkpoint: checkpoint, loss: UInt64(lossSum / Int64(claim.interval)), distance: start.distance(to: checkpoint))
    }

    /// The model's most probable class for one input, with the probabilities (Q16); class 0 with
    /// probabilities 0 when the weights or the input do not fit the model.
    public static func predict(_ model: ModelSpec, weights: [Int32], input: [Int32]) -> (label: Int, probabilities: [Int64]) {
        guard weights.count == model.parameterCount, input.count == model.features else { return (0, Array(repeating: 0, count: model.classes)) }
        let scratch = StepMath.Scratch(model)
        weights.withUnsafeBufferPointer { w in input.withUnsafeBufferPointer { x in StepMath.forward(model, w, x, scratch) } }
        let probabilities = Array(scratch.probabilities)
        let best = probabilities.indices.max { a, b in
            probabilities[a] < probabilities[b] || (probabilities[a] == probabilities[b] && a > b)
        } ?? 0
        return (best, probabilities)
    }
}
