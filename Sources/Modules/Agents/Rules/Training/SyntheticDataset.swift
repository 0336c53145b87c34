import PoTCore

/// Synthetic classification data drawn from a seed: each class a cloud around its own centre,
/// noise the sum of four uniform draws (a rough bell). `spread` sets how much the clouds
/// overlap, in Q16 (1.0 makes them touch; 2.0 mixes them).
public enum SyntheticDataset {
    public static func make(rows: Int, features: Int, classes: Int, spread: Int64 = FixedPoint.one, seed: Hash256) throws -> Dataset {
        var stream = SeedStream(seed: seed, purpose: "synthetic")
        let centres = (0..<(classes * features)).map { _ in stream.symmetric(2 * FixedPoint.one) }
        var values: [Int32] = []
        var labels: [UInt8] = []
        values.reserveCapacity(rows * features)
        for _ in 0..<rows {
            let label = Int(stream.below(UInt64(classes)))
            labels.append(UInt8(label))
            for f in 0..<features {
                let noise = (0..<4).reduce(Int64(0)) { sum, _ in sum + stream.symmetric(FixedPoint.one) } / 2
                values.append(FixedPoint.clamp32(centres[label * features + f] + FixedPoint.mul(noise, spread)))
            }
        }
        return try Dataset(featureNames: (1...features).map { "x\($0)" }, labelName: "class", classNames: (0..<classes).map { "class\($0)" },
                           source: "synthetic: \(rows) rows, \(features) features, \(classes) classes, spread \(spread), seed \(seed.hex.prefix(16))",
                           values: values, labels: labels)
    }
}
