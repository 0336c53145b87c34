import Foundation
import PoTCore

/// Parses probabilities given on the command line into parts per million, exactly.
public enum Probabilities {
    /// "0.9" → 900000. At most six decimals; no signs, exponents, NaN or infinity.
    static func ppm(fromDecimal text: String) throws -> UInt64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.hasPrefix("-") else { throw CLIError("probability '\(text)' is negative") }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !trimmed.isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty))
        else { throw CLIError("probability '\(text)' is not a decimal number like 0.25") }
        let whole = parts[0].isEmpty ? 0 : UInt64(parts[0]) ?? UInt64.max
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 6 else {
            throw CLIError("probability '\(text)' has more than 6 decimals; votes are in parts per million (use --ppm for exact values)")
        }
        fraction += String(repeating: "0", count: 6 - fraction.count)
        guard whole <= 1 else { throw CLIError("probability '\(text)' is above 1") }
        let value = whole * 1_000_000 + UInt64(fraction)!
        guard value <= 1_000_000 else { throw CLIError("probability '\(text)' is above 1") }
        return value
    }

    static func ppm(fromInteger text: String) throws -> UInt64 {
        guard let value = UInt64(text.trimmingCharacters(in: .whitespaces)), value <= 1_000_000 else {
            throw CLIError("'\(text)' is not a whole number of ppm between 0 and 1000000")
        }
        return value
    }

    public static func parse(_ list: String, asPPM: Bool) throws -> [UInt64] {
        let values = try list.split(separator: ",", omittingEmptySubsequences: false).map {
            asPPM ? try ppm(fromInteger: String($0)) : try ppm(fromDecimal: String($0))
        }
        if let problem = Figures.distributionProblem(values) { throw CLIError(problem) }
        return values
    }
}
