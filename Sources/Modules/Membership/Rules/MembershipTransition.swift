import PoTCore

/// The membership module's part of the state transition: applies a block's openings, joins and
/// reveals, and at the end of each block ends the games whose time is up: a game nobody joined
/// lapses, a joined game ends once both moves are revealed or its reveal window is over.
enum MembershipTransition {
    static func open(_ signed: SignedGameOpen, in block: inout ModuleBlock<MembershipModule>) throws {
        try block.requireSignature(signed, .sponsorSignature)
        if let refusal = MembershipAdmission.open(signed.open, in: .init(block)) { throw refusal }
        let open = signed.open
        let id = open.gameId(chain: block.chain)
        block.state.games[id] = SponsorGame(id: id, open: open, openedAt: block.height)
        block.state.running.insert(id)
        block.state.reserved[open.newcomer] = id
        block.state.updatePrivilege(open.opener) { $0.stakedIn = id }
    }

    static func join(_ signed: SignedGameJoin, in block: inout ModuleBlock<MembershipModule>) throws {
        try block.requireSignature(signed, .joinSignature)
        if let refusal = MembershipAdmission.join(signed.join, in: .init(block)) { throw refusal }
        let join = signed.join
        block.state.games[join.game]!.join = join
        block.state.games[join.game]!.joinedAt = block.height
        block.state.updatePrivilege(join.joiner) { $0.stakedIn = join.game }
    }

    static func reveal(_ signed: SignedGameReveal, in block: inout ModuleBlock<MembershipModule>) throws {
        try block.requireSignature(signed, .revealSignature)
        if let refusal = MembershipAdmission.reveal(signed.reveal, in: .init(block)) { throw refusal }
        let reveal = signed.reveal
        block.state.games[reveal.game]!.reveals[reveal.player] = reveal
        for key in reveal.rewardKeys { block.state.reserved[key] = reveal.game }
    }

    /// Ends, in id order, the running games whose time is up at this block.
    static func endGames(in block: inout ModuleBlock<MembershipModule>) {
        let commitWindow = block.parameter(MembershipModule.commitWindow)
        let revealWindow = block.parameter(MembershipModule.revealWindow)
        for id in block.state.running.sorted() {
            let game = block.state.games[id]!
            if let joinedAt = game.joinedAt {
                if game.reveals.count == 2 || block.height >= joinedAt + revealWindow { finish(game, in: &block) }
            } else if block.height >= game.openedAt + commitWindow {
                lapse(game, in: &block)
            }
        }
    }

    /// The partner never joined: the opener's stake is released, nobody is penalised.
    private static func lapse(_ game: SponsorGame, in block: inout ModuleBlock<MembershipModule>) {
        release(game, in: &block)
        end(game, GameOutcome(height: block.height, openerMove: nil, partnerMove: nil, missing: [], admitted: []), in: &block)
    }

    /// Applies the outcome of a joined game: C/C admits the newcomer and cools both players
    /// down; one defection admits the defector's reward keys, cools it down and suspends the
    /// cooperator; D/D suspends both. A missing reveal counts as defect with no reward.
    private static func finish(_ game: SponsorGame, in block: inout ModuleBlock<MembershipModule>) {
        let h = block.height
        let cooldown = block.parameter(MembershipModule.sponsorCooldown)
        let sucker = block.parameter(MembershipModule.suckerPenalty)
        let mutual = block.parameter(MembershipModule.mutualDefectPenalty)
        let players = [game.opener, game.partner]
        let moves = players.map { game.reveals[$0]?.move ?? .defect }
        release(game, in: &block)
        var admitted: [(key: PublicKey, sponsors: [PublicKey], byDefection: Bool)] = []
        switch (moves[0], moves[1]) {
        case (.cooperate, .cooperate):
            admitted = [(game.newcomer, players, false)]
            for player in players { block.state.updatePrivilege(player) { $0.coolingUntil = h + cooldown } }
        case (.defect, .defect):
            for player in players { block.state.updatePrivilege(player) { $0.suspendedUntil = h + mutual } }
        default:
            let defector = moves[0] == .defect ? players[0] : players[1]
            let cooperator = moves[0] == .defect ? players[1] : players[0]
            admitted = (game.reveals[defector]?.rewardKeys ?? []).map { ($0, [defector], true) }
            block.state.updatePrivilege(defector) { $0.coolingUntil = h + cooldown }
            block.state.updatePrivilege(cooperator) { $0.suspendedUntil = h + sucker }
        }
        let grant = block.parameter(MembershipModule.admissionGrant)
        var members: [PublicKey] = []
        for entry in admitted where (try? block.admitMember(entry.key, grant: grant)) != nil {
            block.state.admissions[entry.key] = MemberAdmission(key: entry.key, game: game.id, height: h, sponsors: entry.sponsors,
                                                                byDefection: entry.byDefection)
            members.append(entry.key)
        }
        let missing = players.filter { game.reveals[$0] == nil }
        end(game, GameOutcome(height: h, openerMove: moves[0], partnerMove: moves[1], missing: missing, admitted: members), in: &block)
    }

    /// Frees the players' stakes and the keys the game held back.
    private static func release(_ game: SponsorGame, in block: inout ModuleBlock<MembershipModule>) {
        for player in [game.opener, game.partner] where block.state.privilege(player).stakedIn == game.id {
            block.state.updatePrivilege(player) { $0.stakedIn = nil }
        }
        for key in game.reservedKeys where block.state.reserved[key] == game.id { block.state.reserved[key] = nil }
    }

    private static func end(_ game: SponsorGame, _ outcome: GameOutcome, in block: inout ModuleBlock<MembershipModule>) {
        block.state.games[game.id]!.outcome = outcome
        block.state.running.remove(game.id)
        block.report.ended.append((game.id, outcome))
    }
}
