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
                         3: .text(source), 4: .bytes(rowBytes), 5: .text(labelName)]).encoded()
    }

    /// Reads a dataset blob strictly: canonical CBOR, names within their limits, rows that fill
    /// the byte string exactly and labels within the classes.
    public init(encoded bytes: [UInt8]) throws {
        let value = try decodeLimited(bytes, max: AgentLimits.maxDatasetBytes, what: "dataset")
        let f = try CBORFields(value, object: "dataset", allowedKeys: [1, 2, 3, 4, 5])
        let names = try f.array(1, max: AgentLimits.maxFeatures).map { try Self.name($0) }
        let classes = try f.array(2, max: AgentLimits.maxClasses).map { try Self.name($0) }
        let source = try f.text(3, maxUTF8: AgentLimits.maxSourceBytes)
        let rowBytes = try f.bytes(4)
        let labelName = try Self.name(try f.value(5))
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
    }

    private static func name(_ value: CBOR) throws -> String {
        guard case .text(let text) = value, !text.isEmpty, text.utf8.count <= AgentLimits.maxNameBytes else {
            throw ObjectError("a dataset's column or class name must be text of 1 to \(AgentLimits.maxNameBytes) bytes")
        }
        return text
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
