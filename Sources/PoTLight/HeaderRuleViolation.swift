import PoTCore

/// The checks a light client makes on what peers serve.
public enum LightRule: String, Sendable, CaseIterable {
    /// The genesis parameters hash to the expected chain id.
    case genesis = "LIGHT-GENESIS"
    /// A header's height is the previous height + 1.
    case height = "LIGHT-HEIGHT"
    /// A header's parent is the previous block's id (the chain id for height 1).
    case parent = "LIGHT-PARENT"
    /// A header's timestamp is after the previous one (the genesis created_at for height 1).
    case time = "LIGHT-TIME"
    /// The proposer's signature over the header's id verifies for this chain.
    case signature = "LIGHT-SIG"
}

/// A header (or the genesis parameters) that breaks a light-client rule.
public struct HeaderRuleViolation: Error, Equatable, Sendable, CustomStringConvertible {
    /// The height the offending header was served for (0 for the genesis parameters).
    public let height: UInt64
    public let rule: LightRule
    public let detail: String

    public init(height: UInt64, rule: LightRule, detail: String) {
        self.height = height
        self.rule = rule
        self.detail = detail
    }

    public var description: String { "height \(height): \(rule.rawValue): \(detail)" }
}
