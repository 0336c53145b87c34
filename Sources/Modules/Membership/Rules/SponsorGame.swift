import PoTCore

/// Where a game stands.
public enum GamePhase: String, Sendable {
    /// Opened; the partner has not joined yet.
    case awaitingJoin = "awaiting-join"
    /// Both commitments are on chain; the reveals are due.
    case revealing
    /// Both moves are known (a missing reveal counts as defect) and the outcome applied.
    case finished
    /// The partner never joined: the opener's stake was released without penalty.
    case lapsed
}

/// What a game ended in.
public struct GameOutcome: Equatable, Sendable {
    /// Height of the block that ended it.
    public let height: UInt64
    /// The moves as counted (nil for a lapsed game); a missing reveal counts as defect.
    public let openerMove: SponsorMove?
    public let partnerMove: SponsorMove?
    /// The players who did not reveal.
    public let missing: [PublicKey]
    /// The keys the outcome made members.
    public let admitted: [PublicKey]

    /// "C/C", "D/C" (opener's move first), "lapsed".
    public var label: String {
        guard let a = openerMove, let b = partnerMove else { return "lapsed" }
        return "\(a == .cooperate ? "C" : "D")/\(b == .cooperate ? "C" : "D")"
    }
}

/// One admission game as the chain keeps it.
public struct SponsorGame: Equatable, Sendable {
    public let id: Hash256
    public let open: GameOpen
    /// Height of the block that carried the opening.
    public let openedAt: UInt64
    public internal(set) var join: GameJoin?
    public internal(set) var joinedAt: UInt64?
    /// The reveals on chain, by player.
    public internal(set) var reveals: [PublicKey: GameReveal] = [:]
    public internal(set) var outcome: GameOutcome?

    public var opener: PublicKey { open.opener }
    public var partner: PublicKey { open.partner }
    public var newcomer: PublicKey { open.newcomer }

    public var phase: GamePhase {
        if let outcome { return outcome.openerMove == nil ? .lapsed : .finished }
        return join == nil ? .awaitingJoin : .revealing
    }

    /// The commitment `player` made, if it is a player that has committed.
    public func commitment(of player: PublicKey) -> Hash256? {
        if player == opener { return open.commitment }
        if player == partner { return join?.commitment }
        return nil
    }

    /// The keys the game holds back from other games while it runs: the newcomer and the reward
    /// keys of defecting reveals.
    public var reservedKeys: [PublicKey] {
        [newcomer] + reveals.keys.sorted().flatMap { reveals[$0]!.rewardKeys }
    }
}

/// A member's sponsoring privilege.
public struct SponsorPrivilege: Equatable, Sendable {
    /// The unfinished game the member is staked in.
    public internal(set) var stakedIn: Hash256?
    /// The member may open or join a game in a block at this height or above.
    public internal(set) var coolingUntil: UInt64 = 0
    public internal(set) var suspendedUntil: UInt64 = 0

    public init(stakedIn: Hash256? = nil, coolingUntil: UInt64 = 0, suspendedUntil: UInt64 = 0) {
        self.stakedIn = stakedIn; self.coolingUntil = coolingUntil; self.suspendedUntil = suspendedUntil
    }

    var isDefault: Bool { self == SponsorPrivilege() }
}

/// How a key became a member: the edge of the sponsorship graph.
public struct MemberAdmission: Equatable, Sendable {
    public let key: PublicKey
    public let game: Hash256
    /// Height of the block that admitted it; it may vote and bet from the next block.
    public let height: UInt64
    /// Both players when they cooperated; the defector alone when the key was its reward.
    public let sponsors: [PublicKey]
    public let byDefection: Bool

    public init(key: PublicKey, game: Hash256, height: UInt64, sponsors: [PublicKey], byDefection: Bool) {
        self.key = key; self.game = game; self.height = height; self.sponsors = sponsors; self.byDefection = byDefection
    }
}
