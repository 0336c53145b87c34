import PoTCore

/// Turns a table of text cells (a CSV file read by the host) into a `Dataset`, the same way on
/// every machine: decimals are read exactly into Q16, every feature is standardised with
/// integer means and square roots, and classes are numbered in byte order of their names.
public enum DatasetImport {
    /// Standardised features are clamped to ±`clampSigma` standard deviations.
    public static let clampSigma: Int64 = 8

    /// `header` names the columns; `label` is the class column; every other column is a feature.
    public static func dataset(header: [String], rows: [[String]], label: String, source: String) throws -> Dataset {
        guard let labelColumn = header.firstIndex(of: label) else {
            throw ObjectError("the table has no column \"\(label)\" (columns: \(header.joined(separator: ", ")))")
        }
        let featureColumns = header.indices.filter { $0 != labelColumn }
        var raw: [[Int64]] = Array(repeating: [], count: featureColumns.count)
        var labelTexts: [String] = []
        for (number, row) in rows.enumerated() {
            guard row.count == header.count else {
                throw ObjectError("row \(number + 1) has \(row.count) cells, not \(header.count)")
            }
            for (f, column) in featureColumns.enumerated() {
                guard let value = parseDecimal(row[column]) else {
                    throw ObjectError("row \(number + 1), column \"\(header[column])\": \"\(row[column])\" is not a decimal number")
                }
                raw[f].append(value)
            }
            labelTexts.append(row[labelColumn].trimmingSpaces())
        }
        let classNames = Array(Set(labelTexts)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard classNames.count >= 2 else { throw ObjectError("the label column \"\(label)\" has fewer than 2 classes") }
        let classIndex = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($1, UInt8($0)) })
        let scaling = raw.map(scale)
        let standardised = zip(raw, scaling).map { column, scale in column.map(scale.apply) }
        var values: [Int32] = []
        values.reserveCapacity(rows.count * featureColumns.count)
        for r in rows.indices { for f in featureColumns.indices { values.append(standardised[f][r]) } }
        var dataset = try Dataset(featureNames: featureColumns.map { header[$0] }, labelName: label, classNames: classNames, source: source,
                                  values: values, labels: labelTexts.map { classIndex[$0]! })
        dataset.scaling = scaling
        return dataset
    }

    /// The integer mean and the integer square root of the variance of a column.
    static func scale(_ column: [Int64]) -> FeatureScale {
        guard !column.isEmpty else { return FeatureScale(mean: 0, deviation: 0) }
        let n = Int64(column.count)
        let mean = column.reduce(Int64(0), &+) / n
        let variance = column.reduce(UInt64(0)) { sum, x in
            let d = UInt64((x - mean).magnitude)
            return sum &+ d &* d
        } / UInt64(n)
        return FeatureScale(mean: mean, deviation: Int64(FixedPoint.isqrt(variance)))
    }

    /// Reads one input row of table numbers the way `dataset` read its table: nil when a cell
    /// is not a decimal or the count is wrong.
    public static func input(_ cells: [String], for dataset: Dataset) -> [Int32]? {
        guard cells.count == dataset.features else { return nil }
        var features: [Int32] = []
        for (i, cell) in cells.enumerated() {
            guard let x = parseDecimal(cell) else { return nil }
            features.append(dataset.scaling.isEmpty ? FixedPoint.clamp32(x) : dataset.scaling[i].apply(x))
        }
        return features
    }

    /// A decimal such as `-12.5`, `0.07871` or `1.2e-3` in Q16, rounded half away from zero;
    /// nil for anything else or a magnitude of 32 768 or more.
    public static func parseDecimal(_ text: String) -> Int64? {
        var digits: [UInt8] = []
        var negative = false, scale = 0, seenPoint = false, exponent = 0
        var bytes = Array(text.trimmingSpaces().utf8)[...]
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
            negative = bytes.first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        while let b = bytes.first, b != UInt8(ascii: "e"), b != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if b == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if (48...57).contains(b) {
                digits.append(b - 48)
                if seenPoint { scale += 1 }
            } else { return nil }
        }
        guard !digits.isEmpty, digits.count <= 30 else { return nil }
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            guard let e = Int(String(decoding: bytes, as: UTF8.self)), (-99...30).contains(e) else { return nil }
            exponent = e
        }
        let tenths = scale - exponent
        if tenths > 38 { return 0 }
        var mantissa: UInt128 = 0
        for d in digits { mantissa = mantissa * 10 + UInt128(d) }
        var numerator = mantissa << 16
        var denominator: UInt128 = 1
        if tenths >= 0 {
            for _ in 0..<tenths { denominator *= 10 }
        } else {
            for _ in 0..<(-tenths) {
                guard numerator < UInt128.max / 10 else { return nil }
                numerator *= 10
            }
        }
        let rounded = (numerator + denominator / 2) / denominator
        guard rounded < UInt128(32_768) << 16 else { return nil }
        return negative ? -Int64(rounded) : Int64(rounded)
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return "" }
        let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" })!
        return String(scalars[start...end])
    }
}
