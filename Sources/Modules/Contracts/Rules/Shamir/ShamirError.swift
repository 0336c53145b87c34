/// Everything that can go wrong when splitting, combining or parsing shares.
///
/// ``description`` is a single line suitable for showing to a user.
public enum ShamirError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The threshold is below 1 (the library minimum; the ssss tools require 2).
    case invalidThreshold(Int)
    /// Fewer shares were requested than the threshold.
    case countBelowThreshold(count: Int, threshold: Int)
    /// More shares were requested than the field has nonzero indices.
    case tooManyShares(count: Int, securityBits: Int)
    /// The security level is not a multiple of 8 in 8...1024.
    case invalidSecurityLevel(Int)
    /// The secret has more bytes than the security level allows.
    case secretTooLong(length: Int, maximum: Int)
    /// The random source returned a different number of bytes than asked for.
    case randomSourceFailure(requested: Int, received: Int)
    /// Fewer shares were supplied than the threshold.
    case tooFewShares(needed: Int, given: Int)
    /// A share line has no `-` separator.
    case missingSeparator(line: String)
    /// A share's hex part does not encode a valid security level (4 bits per digit).
    case illegalShareLength(hexDigits: Int)
    /// A share's size differs from the others (or from the requested security level).
    case inconsistentLengths(expectedBits: Int, foundBits: Int)
    /// A share's index is zero or not a number.
    case invalidShareIndex(String)
    /// A share's index does not fit in the field (only possible below 64 bits).
    case indexOutOfRange(index: Int, securityBits: Int)
    /// A share's value is not hexadecimal.
    case invalidShareHex(String)
    /// Two shares have the same index.
    case duplicateIndex(Int)

    public var description: String {
        switch self {
        case .invalidThreshold(let t):
            return "bad threshold \(t): it must be at least 1"
        case .countBelowThreshold(let count, let threshold):
            return "bad share count \(count): it is smaller than the threshold \(threshold)"
        case .tooManyShares(let count, let bits):
            return "too many shares: \(count) do not have distinct nonzero indices in a \(bits)-bit field"
        case .invalidSecurityLevel(let bits):
            return "bad security level \(bits): it must be a multiple of 8 from 8 to 1024"
        case .secretTooLong(let length, let maximum):
            return "secret too long: \(length) bytes, at most \(maximum) fit the security level"
        case .randomSourceFailure(let requested, let received):
            return "random source failed: asked for \(requested) bytes, got \(received)"
        case .tooFewShares(let needed, let given):
            return "too few shares: \(given) given, \(needed) needed"
        case .missingSeparator(let line):
            return "bad share line \"\(line)\": no '-' between index and value"
        case .illegalShareLength(let digits):
            return "bad share length: \(digits) hex digits is not a valid security level"
        case .inconsistentLengths(let expected, let found):
            return "inconsistent share lengths: a \(found)-bit share among \(expected)-bit ones"
        case .invalidShareIndex(let text):
            return "bad share index \"\(text)\": it must be a nonzero number"
        case .indexOutOfRange(let index, let bits):
            return "bad share index \(index): it does not fit a \(bits)-bit field"
        case .invalidShareHex(let text):
            return "bad share value \"\(text)\": not hexadecimal"
        case .duplicateIndex(let index):
            return "duplicate share index \(index): each share may be used once"
        }
    }
}
