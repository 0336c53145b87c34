import PoTCore

/// What a sync did and found.
public struct SyncReport: Sendable {
    public let chainId: Hash256
    /// The peer the headers came from in the end.
    public let source: PeerAddress
    public let startHeight: UInt64
    public let tip: ChainTip
    /// Peers that could not be reached or were dropped, in the order they were tried.
    public let failures: [PeerFailure]
    /// The other peers, checked against the synced chain.
    public let comparisons: [PeerComparison]
    public let audit: AuditReport?

    public var fetched: UInt64 { tip.height - startHeight }
    public var disagreements: [Disagreement] { comparisons.flatMap(\.disagreements) }
}

/// A peer the sync stopped using, and why.
public struct PeerFailure: Error, Sendable, CustomStringConvertible {
    public enum Cause: Sendable {
        case unreachable(PeerClientError)
        /// It served something that breaks a rule; `discarded` headers it had served were dropped.
        case invalid(HeaderRuleViolation, discarded: UInt64)
        case stopped(PeerClientError)
    }

    public let peer: PeerAddress
    public let cause: Cause

    public var description: String {
        switch cause {
        case .unreachable(let error):
            return error.description
        case let .invalid(violation, discarded):
            let what = violation.rule == .genesis
                ? "peer \(peer) served invalid genesis parameters: \(violation.rule.rawValue): \(violation.detail)"
                : "peer \(peer) served an invalid header at height \(violation.height): \(violation.rule.rawValue): \(violation.detail)"
            return discarded == 0 ? what : what + " (the \(discarded) headers it served before were dropped)"
        case .stopped(let error):
            return "stopped syncing from peer \(peer): \(error)"
        }
    }
}

/// A height at which another peer's canonical block differs from ours (nil: it has none).
public struct Disagreement: Equatable, Sendable, CustomStringConvertible {
    public let peer: PeerAddress
    public let height: UInt64
    public let ours: Hash256
    public let theirs: Hash256?

    public init(peer: PeerAddress, height: UInt64, ours: Hash256, theirs: Hash256?) {
        self.peer = peer
        self.height = height
        self.ours = ours
        self.theirs = theirs
    }

    public var description: String {
        "peer \(peer) disagrees at height \(height): ours \(ours.hex), theirs \(theirs?.hex ?? "none")"
    }
}

/// Another peer's view of the synced chain.
public struct PeerComparison: Sendable, CustomStringConvertible {
    public let peer: PeerAddress
    /// The heights asked about: every checkpoint interval, and our tip.
    public let heights: [UInt64]
    public let disagreements: [Disagreement]
    public let ourHeight: UInt64
    /// Set when the peer has a block above our tip: the height of its tip, as far as known.
    public let aheadAt: UInt64?
    /// Set when the comparison could not be made.
    public let error: PeerClientError?

    public var agrees: Bool { error == nil && disagreements.isEmpty }

    public var description: String {
        var lines: [String] = disagreements.map(\.description)
        if let error { lines.append("could not compare with peer \(peer): \(error)") }
        if let aheadAt { lines.append("peer \(peer) is ahead of us: it is at height \(aheadAt), we are at \(ourHeight)") }
        if lines.isEmpty { lines.append("peer \(peer) agrees at \(heights.count) heights") }
        return lines.joined(separator: "\n")
    }
}

/// The blocks fetched in full and checked against their stored headers.
public struct AuditReport: Sendable {
    public let heights: [UInt64]
    public let failures: [AuditFailure]
}

public struct AuditFailure: Equatable, Sendable, CustomStringConvertible {
    public let height: UInt64
    public let problem: String

    public var description: String { "audit: block \(height): \(problem)" }
}
