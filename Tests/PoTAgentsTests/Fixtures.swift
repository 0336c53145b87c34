import PoTAgents
import PoTCore

/// Small claims and datasets the tests train on.
enum Fixtures {
    static let seed = DomainHash.sha256(Array("test seed".utf8))
    static let otherSeed = DomainHash.sha256(Array("other seed".utf8))

    static func dataset(rows: Int = 200, features: Int = 6, classes: Int = 3) -> Dataset {
        try! SyntheticDataset.make(rows: rows, features: features, classes: classes, seed: DomainHash.sha256(Array("data".utf8)))
    }

    static func claim(_ dataset: Dataset, kind: ModelSpec.Kind = .perceptron, hidden: Int = 8, batch: UInt64 = 8,
                      interval: UInt64 = 5, segments: UInt64 = 12) -> TrainingClaim {
        TrainingClaim(datasetBlob: Array(repeating: 0xab, count: 20), datasetRoot: dataset.root(), rows: UInt64(dataset.rows),
                      model: ModelSpec(kind: kind, features: dataset.features, classes: dataset.classes, hidden: hidden),
                      learningRate: 6_554, momentum: 58_982, batchSize: batch, interval: interval, steps: interval * segments,
                      labelColumn: "label", evaluationPpm: 200_000)
    }
}
