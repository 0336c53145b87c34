import PoTCore

/// Membership by sponsorship (system 001, seed `001_*`, "Proof-of-Trust: a wealth-unbiased
/// consensus mechanism"): two members stake their privilege to sponsor and play a prisoner's
/// dilemma by commit and reveal. Both cooperate: the newcomer becomes a member. One defects: the
/// defector's up to two keys become members and the cooperator is suspended. Both defect: both
/// are suspended. The module is the chain's sybil gate: only members vote, bet and score.
public enum MembershipModule: ChainModule {
    public typealias Section = MembershipSection
    public typealias State = MembershipState
    public typealias Report = MembershipReport

    public static let name = "membership"
    public static let verbs = ["sponsor", "members"]
    public static let summary = "membership by sponsorship: a prisoner's dilemma played by commit and reveal (system 001)"
    public static let payloadKey: UInt64 = 5

    /// Openings wait under `refs/pot/sponsor-open/<game id>`.
    public static let openKind = ModuleObjectKind(GameOpen.self, shortName: "sponsor-open", wireKind: 7, refRoot: "sponsor-open") {
        $0.open.gameId(chain: $1).hex
    }
    /// Joins wait under `refs/pot/sponsor-join/<game id>/<joiner>`: one per game and partner.
    public static let joinKind = ModuleObjectKind(GameJoin.self, shortName: "sponsor-join", wireKind: 8, refRoot: "sponsor-join") { signed, _ in
        "\(signed.join.game.hex)/\(signed.join.joiner.hex)"
    }
    /// Reveals wait under `refs/pot/sponsor-reveal/<game id>/<player>`: one per game and player.
    public static let revealKind = ModuleObjectKind(GameReveal.self, shortName: "sponsor-reveal", wireKind: 9, refRoot: "sponsor-reveal") { signed, _ in
        "\(signed.reveal.game.hex)/\(signed.reveal.player.hex)"
    }
    public static let kinds = [openKind, joinKind, revealKind]

    public static let rules: [BlockRejection.Rule] = [
        .sponsorSignature, .sponsorNotMember, .sponsorSelf, .sponsorPartner, .sponsorDuplicate, .sponsorSuspended, .sponsorCooling,
        .sponsorStaked, .sponsorAge, .sponsorNewcomer,
        .joinSignature, .joinUnknown, .joinNotPartner, .joinClosed,
        .revealSignature, .revealUnknown, .revealNotPlayer, .revealClosed, .revealEarly, .revealDuplicate, .revealMismatch, .revealRewardKey,
    ]

    // The defaults are this project's choice (docs/spec.md §12 says why); the seed leaves them open.
    public static let commitWindow = ModuleParameter(
        "membership.commit_window", default: 20, range: 1...100_000, summary: "heights the partner has to join after the opening")
    public static let revealWindow = ModuleParameter(
        "membership.reveal_window", default: 20, range: 1...100_000, summary: "heights both players have to reveal after the join")
    public static let sponsorCooldown = ModuleParameter(
        "membership.sponsor_cooldown", default: 100, range: 0...10_000_000, summary: "heights a player may not sponsor after a game it did not lose")
    public static let suckerPenalty = ModuleParameter(
        "membership.sucker_penalty", default: 400, range: 0...10_000_000, summary: "heights a cooperator betrayed by its partner may not sponsor")
    public static let mutualDefectPenalty = ModuleParameter(
        "membership.mutual_defect_penalty", default: 600, range: 0...10_000_000, summary: "heights both players of a D/D game may not sponsor")
    public static let minSponsorAge = ModuleParameter(
        "membership.min_sponsor_age", default: 100, range: 0...10_000_000, summary: "heights an admitted member waits before it may sponsor (genesis members do not)")
    public static let rewardSponsorAge = ModuleParameter(
        "membership.reward_sponsor_age", default: 800, range: 0...10_000_000, summary: "heights a key admitted as a defector's reward waits before it may sponsor")
    public static let admissionGrant = ModuleParameter(
        "membership.admission_grant_mt", default: 0, range: 0...1_000_000, summary: "mT credited to each member a game admits")
    public static let parameters = [commitWindow, revealWindow, sponsorCooldown, suckerPenalty, mutualDefectPenalty, minSponsorAge,
                                    rewardSponsorAge, admissionGrant]

    /// How long a member admitted by `admission` waits before it may sponsor.
    public static func sponsorAge(of admission: MemberAdmission, params: ChainParams) -> UInt64 {
        params.value(of: admission.byDefection ? rewardSponsorAge : minSponsorAge)
    }

    public static func initialState(_ params: ChainParams) -> MembershipState { MembershipState() }

    public static func apply(_ section: MembershipSection, in block: inout ModuleBlock<MembershipModule>) throws {
        for open in section.opens { try MembershipTransition.open(open, in: &block) }
        for join in section.joins { try MembershipTransition.join(join, in: &block) }
        for reveal in section.reveals { try MembershipTransition.reveal(reveal, in: &block) }
    }

    public static func endBlock(in block: inout ModuleBlock<MembershipModule>) { MembershipTransition.endGames(in: &block) }

    public static func select(_ pending: MembershipSection, in block: inout ModuleBlock<MembershipModule>) -> MembershipSection {
        MembershipSelection.select(pending, in: &block)
    }

    public static func pendingSection(_ objects: [any SignedObject]) -> MembershipSection {
        MembershipSection(opens: objects.compactMap { $0 as? SignedGameOpen }, joins: objects.compactMap { $0 as? SignedGameJoin },
                          reveals: objects.compactMap { $0 as? SignedGameReveal })
    }

    /// A sponsor who is not a member.
    public static let memberRules: [BlockRejection.Rule] = [.sponsorNotMember]

    /// A join or reveal whose game is not on top of `state` is checked against the game's
    /// opening when `stored` holds it (a node keeps openings of blocks that are not final yet),
    /// as if a block at the next height carried that opening.
    public static func admit(_ object: any SignedObject, on state: ChainState, stored: (ModuleObjectKind, Hash256) -> (any SignedObject)?,
                             named: (PublicKey) -> String) -> BlockRejection? {
        withoutActuallyEscaping(named) { named in
            var context = MembershipAdmission.Context(state, named: named)
            func withStoredOpening(of game: Hash256) {
                guard context.state.games[game] == nil, let open = stored(openKind, game) as? SignedGameOpen,
                      open.open.gameId(chain: state.chainId) == game else { return }
                context = context.opening(open.open)
            }
            switch object {
            case let signed as SignedGameOpen:
                return MembershipAdmission.open(signed.open, in: context)
            case let signed as SignedGameJoin:
                withStoredOpening(of: signed.join.game)
                return MembershipAdmission.join(signed.join, in: context)
            case let signed as SignedGameReveal:
                withStoredOpening(of: signed.reveal.game)
                return MembershipAdmission.reveal(signed.reveal, in: context)
            default:
                return BlockRejection(.sponsorDuplicate, "not an object of the membership module")
            }
        }
    }

    /// An object of a game that ended (or an opening of a game already opened) can never enter a
    /// block again.
    public static func isSpent(_ object: any SignedObject, final: ChainState) -> Bool {
        admit(object, on: final, stored: { _, _ in nil }, named: { $0.short })?.standing == .stale
    }
}

extension DomainTag {
    public static let sponsorOpen = DomainTag("pot/sponsor/open/v1")
    public static let sponsorJoin = DomainTag("pot/sponsor/join/v1")
    public static let sponsorReveal = DomainTag("pot/sponsor/reveal/v1")
    /// Not an object's tag: the hash behind a game's id and behind a commitment.
    public static let sponsorGame = DomainTag("pot/sponsor/game/v1")
    public static let sponsorCommitment = DomainTag("pot/sponsor/commit/v1")
}

extension BlockRejection.Rule {
    public static let sponsorSignature = Self("sponsorSignature"), sponsorNotMember = Self("sponsorNotMember")
    public static let sponsorSelf = Self("sponsorSelf"), sponsorPartner = Self("sponsorPartner")
    public static let sponsorDuplicate = Self("sponsorDuplicate"), sponsorSuspended = Self("sponsorSuspended")
    public static let sponsorCooling = Self("sponsorCooling"), sponsorStaked = Self("sponsorStaked")
    public static let sponsorAge = Self("sponsorAge"), sponsorNewcomer = Self("sponsorNewcomer")
    public static let joinSignature = Self("joinSignature"), joinUnknown = Self("joinUnknown")
    public static let joinNotPartner = Self("joinNotPartner"), joinClosed = Self("joinClosed")
    public static let revealSignature = Self("revealSignature"), revealUnknown = Self("revealUnknown")
    public static let revealNotPlayer = Self("revealNotPlayer"), revealClosed = Self("revealClosed")
    public static let revealEarly = Self("revealEarly"), revealDuplicate = Self("revealDuplicate")
    public static let revealMismatch = Self("revealMismatch"), revealRewardKey = Self("revealRewardKey")
}

extension ChainState {
    /// The membership module's state: games, privileges, admissions.
    public var membership: MembershipState { state(of: MembershipModule.self) }
}

extension Payload {
    /// The membership section (payload key 5).
    public var membership: MembershipSection {
        get { sections[MembershipModule.self] }
        set { sections[MembershipModule.self] = newValue }
    }
}

extension BlockEffects {
    /// The games the block ended.
    public var membership: MembershipReport { modules[MembershipModule.self] }
}
