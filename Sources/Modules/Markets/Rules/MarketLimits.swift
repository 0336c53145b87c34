import PoTCore

/// Size limits of the markets module's objects and section. A decoder refuses anything larger
/// before parsing it.
public enum MarketLimits {
    public static let maxMarketDeclarationBytes = 4096
    public static let maxQuestionBytes = 512
    public static let minOutcomes = 2
    public static let maxOutcomes = 16
    public static let maxOutcomeBytes = 64
    /// The longest a resolver may be given after the close height, in heights.
    public static let maxResolutionWindow: UInt64 = 100_000
    public static let maxBetBytes = 1024
    public static let maxResolutionBytes = 512
    public static let maxDeclarationsPerBlock = 256
    public static let maxBetsPerBlock = 16_384
    public static let maxResolutionsPerBlock = 256
}
