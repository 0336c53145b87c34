import PoTCore

/// The heights of a dispute's phases, from the chain's parameters: the committee is drawn
/// `committee_delay` after the dispute; it seals until `sealEnd`; reveals are taken once every
/// member has sealed or the seal window is over, until `revealEnd`; shares of verdicts still
/// sealed are released until `recoveryEnd`; the decision comes within `decision_window` of the
/// tally, or the chain settles itself.
public struct DisputeTimeline: Sendable, Equatable {
    public let drawAt: UInt64
    public let sealEnd: UInt64?
    public let revealEnd: UInt64?
    public let recoveryEnd: UInt64?
    public let decisionDeadline: UInt64?

    public init(_ dispute: Dispute, params: ChainParams) {
        drawAt = dispute.openedAt + params.value(of: ContractsModule.committeeDelay)
        if let drawn = dispute.drawnAt {
            let seal = drawn + params.value(of: ContractsModule.sealWindow)
            let reveal = seal + params.value(of: ContractsModule.revealWindow)
            sealEnd = seal
            revealEnd = reveal
            recoveryEnd = reveal + params.value(of: ContractsModule.recoveryWindow)
        } else {
            sealEnd = nil; revealEnd = nil; recoveryEnd = nil
        }
        decisionDeadline = dispute.talliedAt.map { $0 + params.value(of: ContractsModule.decisionWindow) }
    }

    /// Whether reveals are taken at `height`: every member has sealed, or the seal window is over.
    public func revealsOpen(_ dispute: Dispute, at height: UInt64) -> Bool {
        guard let sealEnd, let revealEnd, height <= revealEnd else { return false }
        return height > sealEnd || dispute.seals.count == dispute.committee.count
    }
}

/// Where a dispute stands at a height, in words the CLI and explorer print.
public enum DisputePhase: String, Sendable {
    case drawing = "drawing its committee"
    case sealing = "sealing verdicts"
    case revealing = "revealing verdicts"
    case recovering = "recovering withheld verdicts"
    case deciding = "waiting for the leader's decision"
    case decided
    case noCommittee = "settled without a committee"

    public init(_ dispute: Dispute, at height: UInt64, params: ChainParams) {
        let timeline = DisputeTimeline(dispute, params: params)
        if let decision = dispute.decision {
            self = decision.leader == nil && dispute.committee.isEmpty ? .noCommittee : .decided
        } else if dispute.drawnAt == nil {
            self = .drawing
        } else if dispute.talliedAt != nil {
            self = .deciding
        } else if timeline.revealsOpen(dispute, at: height) {
            self = .revealing
        } else if let revealEnd = timeline.revealEnd, height > revealEnd {
            self = .recovering
        } else {
            self = .sealing
        }
    }
}
