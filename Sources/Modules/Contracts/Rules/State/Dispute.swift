import PoTCore

/// A dispute and its committee's work: who sits on it, the sealed verdicts, their reveals, the
/// shares released for verdicts whose arbiter kept silent, and the decision.
public struct Dispute: Equatable, Sendable {
    /// What became of one arbiter's verdict.
    public enum VerdictState: Equatable, Sendable {
        /// Revealed by its arbiter.
        case revealed(Verdict)
        /// Recovered from released shares after its arbiter kept silent.
        case recovered(Verdict)
        /// Its released shares combined to something its commitment does not match.
        case corrupt
    }

    /// The decision and how each arbiter fared.
    public struct Decision: Equatable, Sendable {
        public let height: UInt64
        public let verdict: Verdict
        /// The leader and term that posted it; nil when the chain settled at the deadline.
        public let leader: PublicKey?
        public let term: UInt64?
        /// The verdicts counted, by arbiter.
        public let counted: [PublicKey: Verdict]
    }

    /// The task, which also names the dispute.
    public let id: Hash256
    public let claim: TaskDispute
    public let openedAt: UInt64
    /// Drawn `committee_delay` heights after the dispute; empty until then, and for good when no
    /// committee could be drawn.
    public internal(set) var committee: [PublicKey] = []
    public internal(set) var drawnAt: UInt64?
    /// How many released shares recover a verdict, for this committee.
    public internal(set) var threshold: Int = 0
    public internal(set) var seals: [PublicKey: VerdictSeal] = [:]
    public internal(set) var verdicts: [PublicKey: VerdictState] = [:]
    /// Released shares, by sealer and then by the committee position (1-based) of the member.
    public internal(set) var released: [PublicKey: [Int: [UInt8]]] = [:]
    /// The height at which every verdict that can count was known.
    public internal(set) var talliedAt: UInt64?
    public internal(set) var decision: Decision?

    /// The position (1-based) of `key` in the committee: the x of the share sealed to it.
    public func position(of key: PublicKey) -> Int? { committee.firstIndex(of: key).map { $0 + 1 } }

    /// The verdicts that count: revealed or recovered.
    public var counted: [PublicKey: Verdict] {
        verdicts.compactMapValues {
            switch $0 {
            case .revealed(let v), .recovered(let v): return v
            case .corrupt: return nil
            }
        }
    }
}
