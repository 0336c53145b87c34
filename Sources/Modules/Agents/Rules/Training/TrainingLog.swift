import PoTCore

/// A whole training run as the provider keeps it: every checkpoint, and each segment's loss and
/// distance. The proof is built from it; the checkpoints are stored as git blobs.
public struct TrainingLog: Sendable {
    public var checkpoints: [Checkpoint]
    public var losses: [UInt64]
    public var distances: [UInt64]

    /// Trains from checkpoint 0 to the end, calling `progress` after each segment with the
    /// number of segments done.
    public init(run: TrainingRun, dataset: Dataset, progress: (UInt64) -> Void = { _ in }) throws {
        guard dataset.rows == Int(run.claim.rows), dataset.features == run.claim.model.features,
              dataset.classes == run.claim.model.classes else {
            throw ObjectError("the dataset (\(dataset.rows) rows, \(dataset.features) features, \(dataset.classes) classes) does not match the claim")
        }
        let rows = (0..<dataset.rows).map { dataset.row($0) }
        let orders = TrainingRun.EpochOrders()
        var checkpoint = run.initialCheckpoint()
        checkpoints = [checkpoint]
        losses = []
        distances = []
        for segment in 0..<run.claim.segments {
            guard let outcome = run.replay(segment: segment, from: checkpoint, orders: orders, row: { rows[$0] }) else {
                throw ObjectError("segment \(segment) could not run")
            }
            checkpoint = outcome.checkpoint
            checkpoints.append(checkpoint)
            losses.append(outcome.loss)
            distances.append(outcome.distance)
            progress(segment + 1)
        }
    }

    public init(checkpoints: [Checkpoint], losses: [UInt64], distances: [UInt64]) {
        self.checkpoints = checkpoints; self.losses = losses; self.distances = distances
    }

    /// The leaves of the proof's Merkle tree.
    public var leaves: [Hash256] { checkpoints.map(\.hash) }
    public var root: Hash256 { MerkleTree.root(leaves) }
}
