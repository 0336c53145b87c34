import PoTCore

/// A training set in the form training reads: each row `features` Q16 numbers and one class
/// label. Its encoding is the file stored in the chain's repository as a git blob; its root is
/// the Merkle root of its rows' hashes, which a registration commits to and a fraud proof's
/// rows are checked against.
public struct Dataset: Equatable, Sendable {
    public var featureNames: [String]
    /// The column the classes come from.
    public var labelName: String
    public var classNames: [String]
    /// Where the rows come from, in words (file name and its SHA-256), for readers.
    public var source: String
    /// How each feature was standardised from the table's numbers, so that new inputs can be
    /// read the same way; empty for data drawn already standardised.
    public var scaling: [FeatureScale] = []
    /// Row-major: `rows × features` Q16 values.
    public var values: [Int32]
    public var labels: [UInt8]

    public var features: Int { featureNames.count }
    public var classes: Int { classNames.count }
    public var rows: Int { labels.count }

    public init(featureNames: [String], labelName: String, classNames: [String], source: String, values: [Int32], labels: [UInt8]) throws {
        self.featureNames = featureNames; self.labelName = labelName; self.classNames = classNames; self.source = source
        self.values = values; self.labels = labels
        guard (1...AgentLimits.maxFeatures).contains(features) else { throw ObjectError("a dataset has 1 to \(AgentLimits.maxFeatures) features, not \(features)") }
        guard (2...AgentLimits.maxClasses).contains(classes) else { throw ObjectError("a dataset has 2 to \(AgentLimits.maxClasses) classes, not \(classes)") }
        guard (1...AgentLimits.maxDatasetRows).contains(rows) else { throw ObjectError("a dataset has 1 to \(AgentLimits.maxDatasetRows) rows, not \(rows)") }
        guard values.count == rows * features else { throw ObjectError("a dataset's values do not fill its rows") }
        guard labels.allSatisfy({ Int($0) < classes }) else { throw ObjectError("a dataset's label is not one of its \(classes) classes") }
    }

    /// One row: its features and its label.
    public func row(_ index: Int) -> DatasetRow {
        DatasetRow(features: Array(values[(index * features)..<((index + 1) * features)]), label: labels[index])
    }

    /// The hashes of the rows, in order: the leaves of the dataset's Merkle tree.
    public func rowHashes() -> [Hash256] { (0..<rows).map { row($0).hash } }

    /// The Merkle root of the rows: what a registration commits to.
    public func root() -> Hash256 { MerkleTree.root(rowHashes()) }

    /// The blob's bytes: `{1: feature names, 2: class names, 3: source, 4: rows, 5: label column}`, each row `features`
    /// big-endian 32-bit values then its label byte.
    public func encoded() -> [UInt8] {
        var rowBytes: [UInt8] = []
        rowBytes.reserveCapacity(rows * (4 * features + 1))
        for index in 0..<rows { rowBytes += row(index).encoded() }
        return CBOR.map([1: .array(featureNames.map { .text($0) }), 2: .array(classNames.map { .text($0) }),
                         3: .text(source), 4: .bytes(rowBytes), 5: .text(labelName),
                         6: .array(scaling.map { .array([AgentCBOR.signed($0.mean), .unsigned(UInt64($0.deviation))]) })]).encoded()
    }

    /// Reads a dataset blob strictly: canonical CBOR, names within their limits, rows that fill
    /// the byte string exactly and labels within the classes.
    public init(encoded bytes: [UInt8]) throws {
        let value = try decodeLimited(bytes, max: AgentLimits.maxDatasetBytes, what: "dataset")
        let f = try CBORFields(value, object: "dataset", allowedKeys: [1, 2, 3, 4, 5, 6])
        let names = try f.array(1, max: AgentLimits.maxFeatures).map { try Self.name($0) }
        let classes = try f.array(2, max: AgentLimits.maxClasses).map { try Self.name($0) }
        let source = try f.text(3, maxUTF8: AgentLimits.maxSourceBytes)
        let rowBytes = try f.bytes(4)
        let labelName = try Self.name(try f.value(5))
        let scaling = try f.array(6, max: AgentLimits.maxFeatures).map { value -> FeatureScale in
            guard case .array(let pair) = value, pair.count == 2, let mean = AgentCBOR.signed(pair[0]), case .unsigned(let deviation) = pair[1],
                  deviation < UInt64(Int64.max) else { throw ObjectError("a dataset's scaling is [mean, deviation] per feature") }
            return FeatureScale(mean: mean, deviation: Int64(deviation))
        }
        guard scaling.isEmpty || scaling.count == names.count else { throw ObjectError("a dataset scales every feature or none") }
        let width = 4 * names.count + 1
        guard !names.isEmpty, rowBytes.count % width == 0 else { throw ObjectError("a dataset's rows do not fill its byte string") }
        var values: [Int32] = []
        var labels: [UInt8] = []
        values.reserveCapacity(rowBytes.count / width * names.count)
        for start in stride(from: 0, to: rowBytes.count, by: width) {
            let row = DatasetRow(encoded: rowBytes[start..<(start + width)], features: names.count)
            values += row.features
            labels.append(row.label)
        }
        try self.init(featureNames: names, labelName: labelName, classNames: classes, source: source, values: values, labels: labels)
        self.scaling = scaling
    }

    private static func name(_ value: CBOR) throws -> String {
        guard case .text(let text) = value, !text.isEmpty, text.utf8.count <= AgentLimits.maxNameBytes else {
            throw ObjectError("a dataset's column or class name must be text of 1 to \(AgentLimits.maxNameBytes) bytes")
        }
        return text
    }
}

/// How one feature was standardised: (x − mean) / deviation in Q16, clamped to ±8 deviations;
/// a deviation of 0 makes every value 0.
public struct FeatureScale: Equatable, Sendable {
    public var mean: Int64
    public var deviation: Int64

    public init(mean: Int64, deviation: Int64) { self.mean = mean; self.deviation = deviation }

    /// The standardised value of `x` (Q16).
    public func apply(_ x: Int64) -> Int32 {
        guard deviation > 0 else { return 0 }
        let limit = DatasetImport.clampSigma << FixedPoint.fractionBits
        return FixedPoint.clamp32(min(limit, max(-limit, ((x &- mean) << FixedPoint.fractionBits) / deviation)))
    }
}

/// One row of a dataset.
public struct DatasetRow: Equatable, Sendable {
    public var features: [Int32]
    public var label: UInt8

    public init(features: [Int32], label: UInt8) { self.features = features; self.label = label }

    init(encoded bytes: ArraySlice<UInt8>, features count: Int) {
        features = Int32Packing.unpack(bytes.prefix(4 * count))
        label = bytes[bytes.startIndex + 4 * count]
    }

    /// Its bytes: big-endian 32-bit features, then the label.
    public func encoded() -> [UInt8] { Int32Packing.pack(features) + [label] }

    /// Its leaf in the dataset's Merkle tree.
    public var hash: Hash256 { DomainHash.sha256(Array("pot/agents/row/v1".utf8) + encoded()) }
}
