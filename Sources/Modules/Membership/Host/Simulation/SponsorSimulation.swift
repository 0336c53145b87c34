import PoTCore
import PoTMembership
import PoTModules

/// A population playing the admission game on an in-memory chain: every block goes through
/// `PayloadSelection` and `StateTransition.apply`, the code every node runs, with real keys and
/// signatures. Only the players' choices are simulated.
///
/// - Honest members pair up with members they trust, for honest newcomers, and always cooperate.
///   They trust a member unless it revealed a defection, was admitted as a defector's reward, or
///   was sponsored by a member they do not trust: all of it is on chain.
/// - Opportunists defect against a trusted honest partner while their own record is clean (two
///   keys for their side, the partner suspended) and otherwise cooperate among themselves.
/// - A ring is one person holding many identities, playing by `ringStrategy`.
public struct SponsorSimulation {
    public enum Player: String, Sendable, CaseIterable { case honest, opportunist, ring }

    public enum RingStrategy: String, Sendable, CaseIterable {
        /// Pairs of ring identities cooperate: one new identity per game.
        case cooperate
        /// Pairs of ring identities play D/C: two new identities per game, one of the pair suspended.
        case defectInside = "defect-inside"
        /// Clean ring identities defect against trusted honest members; the rest cooperate inside.
        case exploit
    }

    public struct Configuration: Sendable {
        public var honest = 20
        public var opportunists = 4
        public var ring = 4
        public var ringStrategy = RingStrategy.cooperate
        public var periods = 10
        /// Multiplies the penalties of defection (1: the chain's defaults): the sucker's and the
        /// mutual defection's suspensions and the reward keys' wait.
        public var penaltyScale = 1.0
        /// Module parameters, on top of the defaults.
        public var parameters: [String: UInt64] = [:]
        public var seed: UInt64 = 1
        public init() {}
    }

    /// One period: the shortest time in which a member sponsors twice. A game opened at h is
    /// joined at h + 1 and revealed at h + 2, where it ends and its players cool down until
    /// h + 2 + cooldown: a period is a cooldown plus two blocks.
    public struct Period: Sendable, Encodable {
        public let period: Int
        public let height: UInt64
        public let admitted: [String: Int]
        public let members: [String: Int]
        public let ring_share_ppm: UInt64
        public let suspended: [String: Int]
        /// The ring's size over its size one period before.
        public let ring_growth_ppm: UInt64
    }

    public let configuration: Configuration
    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// The chain parameters the run uses.
    public var parameters: [String: UInt64] {
        var values = configuration.parameters
        for parameter in [MembershipModule.suckerPenalty, MembershipModule.mutualDefectPenalty, MembershipModule.rewardSponsorAge]
        where values[parameter.name] == nil {
            values[parameter.name] = UInt64((Double(parameter.defaultValue) * configuration.penaltyScale).rounded())
        }
        return values
    }

    /// Runs the periods and returns one row per period.
    public func run() throws -> [Period] {
        var world = try SimulationWorld(configuration, parameters: parameters)
        let cooldown = world.state.params.value(of: MembershipModule.sponsorCooldown)
        let periodBlocks = cooldown + 2
        var rows: [Period] = []
        var ringBefore = world.count(.ring)
        for period in 1...configuration.periods {
            var admitted: [String: Int] = [:]
            for _ in 0..<periodBlocks {
                for (player, count) in try world.step() { admitted[player.rawValue, default: 0] += count }
            }
            let ring = world.count(.ring), total = world.members.count
            rows.append(Period(period: period, height: world.state.height, admitted: admitted,
                               members: Dictionary(uniqueKeysWithValues: Player.allCases.map { ($0.rawValue, world.count($0)) }),
                               ring_share_ppm: UInt64(ring) * 1_000_000 / UInt64(max(total, 1)),
                               suspended: world.suspendedCounts(), ring_growth_ppm: UInt64(ring) * 1_000_000 / UInt64(max(ringBefore, 1))))
            ringBefore = ring
        }
        return rows
    }
}
