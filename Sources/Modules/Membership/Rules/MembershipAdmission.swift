import PoTCore

/// The rules an admission-game object must meet to enter a block, written once: the state
/// transition applies them, and `pot sponsor`, the gossip node and `pot status` call the same
/// functions, so a refusal reads the same wherever it happens. Signatures are checked by each
/// caller (the transition with the rules `sponsorSignature`, `joinSignature`, `revealSignature`).
public enum MembershipAdmission {
    /// What the rules read: the module's state, who is a member, the height of the block.
    public typealias Context = ModuleContext<MembershipModule>

    /// SPONSOR-OPEN: an eligible member names another member as partner and a newcomer that is
    /// neither a member nor named by a running game; the game is new.
    public static func open(_ open: GameOpen, in c: Context) -> BlockRejection? {
        let id = open.gameId(chain: c.chain)
        guard c.isMember(open.opener) else {
            return BlockRejection(.sponsorNotMember, "\(c.named(open.opener)) is not a member and cannot sponsor")
        }
        guard open.partner != open.opener else {
            return BlockRejection(.sponsorSelf, "\(c.named(open.opener)) cannot play a sponsorship game with itself: name another member as partner")
        }
        guard c.isMember(open.partner) else {
            return BlockRejection(.sponsorPartner, "\(c.named(open.partner)), named as partner, is not a member")
        }
        guard c.state.games[id] == nil else {
            return BlockRejection(.sponsorDuplicate, "game \(id.short) was already opened", standing: .stale)
        }
        if let refusal = eligible(open.opener, toOpen: true, in: c) { return refusal }
        return fresh(open.newcomer, role: "the newcomer", in: c)
    }

    /// SPONSOR-JOIN: the partner the opening named, eligible itself, joins within the commit window.
    public static func join(_ join: GameJoin, in c: Context) -> BlockRejection? {
        guard let game = c.state.games[join.game] else {
            return BlockRejection(.joinUnknown, "game \(join.game.short) is not in the chain yet; a block must carry its opening first", standing: .notYet)
        }
        guard join.joiner == game.partner else {
            return BlockRejection(.joinNotPartner, "only \(c.named(game.partner)), the partner game \(game.id.short) names, may join it, not \(c.named(join.joiner))")
        }
        switch game.phase {
        case .awaitingJoin: break
        case .lapsed:
            return BlockRejection(.joinClosed, "game \(game.id.short) lapsed at height \(game.outcome!.height): its partner could join until height \(game.openedAt + window(.commit, c))", standing: .stale)
        case .revealing, .finished:
            return BlockRejection(.joinClosed, "game \(game.id.short) was already joined at height \(game.joinedAt!)", standing: .stale)
        }
        return eligible(join.joiner, toOpen: false, in: c)
    }

    /// SPONSOR-REVEAL: a player reveals the move and salt of its commitment, after both
    /// commitments are on chain and within the reveal window; a defector's reward keys are fresh.
    public static func reveal(_ reveal: GameReveal, in c: Context) -> BlockRejection? {
        guard let game = c.state.games[reveal.game] else {
            return BlockRejection(.revealUnknown, "game \(reveal.game.short) is not in the chain yet; a block must carry its opening first", standing: .notYet)
        }
        guard reveal.player == game.opener || reveal.player == game.partner else {
            return BlockRejection(.revealNotPlayer, "\(c.named(reveal.player)) does not play game \(game.id.short) (its players are \(c.named(game.opener)) and \(c.named(game.partner)))")
        }
        switch game.phase {
        case .lapsed:
            return BlockRejection(.revealClosed, "game \(game.id.short) lapsed at height \(game.outcome!.height) without its partner", standing: .stale)
        case .finished:
            return BlockRejection(.revealClosed, "game \(game.id.short) ended at height \(game.outcome!.height); its reveal window is over", standing: .stale)
        case .awaitingJoin:
            return BlockRejection(.revealEarly, "game \(game.id.short) has only its opener's commitment; moves are revealed once both commitments are on chain", standing: .early)
        case .revealing: break
        }
        guard c.blockHeight > game.joinedAt! else {
            return BlockRejection(.revealEarly, "game \(game.id.short) was joined in block \(game.joinedAt!); reveals go in later blocks", standing: .early)
        }
        guard game.reveals[reveal.player] == nil else {
            return BlockRejection(.revealDuplicate, "\(c.named(reveal.player)) already revealed its move in game \(game.id.short)", standing: .stale)
        }
        guard reveal.matches(game.commitment(of: reveal.player)!, chain: c.chain) else {
            return BlockRejection(.revealMismatch, "the move and salt of \(c.named(reveal.player))'s reveal do not match its commitment in game \(game.id.short)")
        }
        for key in reveal.rewardKeys {
            if let refusal = fresh(key, role: "reward key", in: c) { return refusal }
        }
        return nil
    }

    /// Whether `key` may stake its privilege in a new game now: a member, not suspended, not
    /// cooling down, not staked in another game, and a member for long enough.
    static func eligible(_ key: PublicKey, toOpen: Bool, in c: Context) -> BlockRejection? {
        let verb = toOpen ? "open" : "join"
        guard c.isMember(key) else {
            return BlockRejection(.sponsorNotMember, "\(c.named(key)) is not a member and cannot sponsor")
        }
        let privilege = c.state.privilege(key)
        if privilege.suspendedUntil > c.blockHeight {
            return BlockRejection(.sponsorSuspended, "\(c.named(key)) is suspended from sponsoring until height \(privilege.suspendedUntil) and cannot \(verb) a game at height \(c.blockHeight)", standing: .early)
        }
        if privilege.coolingUntil > c.blockHeight {
            return BlockRejection(.sponsorCooling, "\(c.named(key)) is cooling down until height \(privilege.coolingUntil) and cannot \(verb) a game at height \(c.blockHeight)", standing: .early)
        }
        if let game = privilege.stakedIn {
            return BlockRejection(.sponsorStaked, "\(c.named(key)) is staked in game \(game.short) until it ends", standing: .early)
        }
        if let admission = c.state.admissions[key] {
            let age = MembershipModule.sponsorAge(of: admission, params: c.params)
            if c.blockHeight < admission.height + age {
                let parameter = admission.byDefection ? MembershipModule.rewardSponsorAge : MembershipModule.minSponsorAge
                return BlockRejection(.sponsorAge, "\(c.named(key)) became a member at height \(admission.height) and may sponsor from height \(admission.height + age) (\(parameter.name) = \(age))", standing: .early)
            }
        }
        return nil
    }

    /// Whether `key` may be admitted by a game: not a member, not named by a running game.
    static func fresh(_ key: PublicKey, role: String, in c: Context) -> BlockRejection? {
        let rule: BlockRejection.Rule = role == "reward key" ? .revealRewardKey : .sponsorNewcomer
        guard !c.isMember(key) else {
            return BlockRejection(rule, "\(role) \(c.named(key)) is already a member", standing: .stale)
        }
        if let game = c.state.reserved[key] {
            return BlockRejection(rule, "\(role) \(c.named(key)) is already named by running game \(game.short)", standing: .early)
        }
        return nil
    }

    enum Window { case commit, reveal }

    static func window(_ which: Window, _ c: Context) -> UInt64 {
        c.params.value(of: which == .commit ? MembershipModule.commitWindow : MembershipModule.revealWindow)
    }
}

extension ModuleContext where M == MembershipModule {
    /// The context with `open`'s game as a block at the context's height would open it.
    func opening(_ open: GameOpen) -> Self {
        var context = self
        let id = open.gameId(chain: chain)
        context.state.games[id] = SponsorGame(id: id, open: open, openedAt: blockHeight)
        context.state.running.insert(id)
        return context
    }
}
