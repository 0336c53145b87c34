/// Bounds the decoder enforces before it allocates anything.
public struct CBORLimits: Sendable {
    /// Maximum nesting of arrays and maps (a top-level array has depth 1).
    public var maxDepth: Int
    /// Maximum declared length of any byte string, text string (in bytes), array or map (in entries).
    public var maxLength: Int

    public init(maxDepth: Int = 16, maxLength: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.maxLength = maxLength
    }

    public static let `default` = CBORLimits()
}
