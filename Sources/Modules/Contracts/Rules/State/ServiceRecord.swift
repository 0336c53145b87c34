import PoTCore

/// What the chain knows of a member's service: evidence for and against it in micro-units
/// (1 000 000 is one contract's worth), decayed over time, and counts.
public struct ServiceRecord: Equatable, Sendable {
    public static let unit: UInt64 = 1_000_000

    public internal(set) var positive: UInt64 = 0
    public internal(set) var negative: UInt64 = 0
    /// The decay period the evidence was last brought up to.
    public internal(set) var period: UInt64 = 0
    /// Contracts closed as requester or worker with a worker present.
    public internal(set) var contracts: UInt64 = 0
    /// Disputes it sat on the committee of.
    public internal(set) var arbitrations: UInt64 = 0

    public init() {}

    init(positive: UInt64, negative: UInt64, period: UInt64, contracts: UInt64, arbitrations: UInt64) {
        self.positive = positive; self.negative = negative; self.period = period
        self.contracts = contracts; self.arbitrations = arbitrations
    }

    public var isEmpty: Bool { self == ServiceRecord() }
}
