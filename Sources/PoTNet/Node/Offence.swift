/// Misbehavior that costs a peer points (NET-SCORE); a peer reaching
/// `NodeConfig.banThreshold` is banned.
public enum Offence: String, Sendable, CaseIterable {
    case invalidObject = "invalid-object"
    case unknownParent = "unknown-parent"
    case unsolicitedDuplicate = "unsolicited-duplicate"
    case unsolicited
    case invalidRelay = "invalid-relay"

    /// The points the offence costs.
    public var points: Int {
        switch self {
        case .invalidObject: return Penalty.invalidObject
        case .unknownParent: return Penalty.unknownParent
        case .unsolicitedDuplicate: return Penalty.unsolicitedDuplicate
        case .unsolicited: return Penalty.unsolicited
        case .invalidRelay: return Penalty.invalidRelay
        }
    }
}
