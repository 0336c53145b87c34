/// Fixed texts and helpers shared by the two command-line drivers.
enum ToolText {
    /// ssss's version string.
    static let version = "0.5"
    /// ssss's largest field size, used in the prompt when no level is given.
    static let maximumBits = BinaryField.maximumBits
    /// ssss's limit on the `-w` token, in bytes.
    static let maximumTokenLength = 128

    static let splitUsage = """
        Split secrets using Shamir's Secret Sharing Scheme.

        ssss-split -t threshold -n shares [-w token] [-s level] [-x] [-q] [-Q] [-D] [-v]

        """

    static let combineUsage = """
        Combine shares using Shamir's Secret Sharing Scheme.

        ssss-combine -t threshold [-x] [-q] [-Q] [-D] [-v]

        """

    static let versionLine = "\nVersion: \(version)\n"

    static let binaryDataWarning = "binary data detected, use -x mode instead"
    static let diffusionWarning = "security level too small for the diffusion layer"

    /// Printable ASCII as ssss judges it (32...126).
    static func isPrintable(_ byte: UInt8) -> Bool {
        byte >= 32 && byte < 127
    }

    /// The FATAL text ssss prints for a problem with a share or the set of shares.
    static func combineMessage(for error: ShamirError) -> String {
        switch error {
        case .missingSeparator, .invalidShareHex: return "invalid syntax"
        case .illegalShareLength: return "share has illegal length"
        case .inconsistentLengths: return "shares have different security levels"
        case .invalidShareIndex, .indexOutOfRange: return "invalid share"
        case .duplicateIndex: return "shares inconsistent. Perhaps a single share was used twice"
        default: return error.description
        }
    }
}

extension RandomNumberGenerator {
    /// `count` bytes drawn from the generator.
    mutating func bytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            withUnsafeBytes(of: next().littleEndian) { bytes += $0 }
        }
        return Array(bytes.prefix(count))
    }
}
