import PoTCore
import PoTMembership
import PoTStore

/// What `pot sponsor open` and `join` stored: the signed object, its game, the secret kept here.
public struct SponsorCommit: Sendable {
    public let game: Hash256
    public let objectId: Hash256
    public let secret: SponsorSecret
}

/// Signing the admission game's objects: each is checked with the rules a block applies
/// (`MembershipAdmission`, for the next block) before its secret is written and it is stored.
extension ChainStore {
    /// Opens a game by `key` with `partner` for `newcomer`, committing to `move` (and, for a
    /// defection, to the reward keys it will name). Takes the write lock.
    public func openGame(as key: SigningKey, partner: PublicKey, newcomer: PublicKey, move: SponsorMove,
                         rewardKeys: [PublicKey] = []) throws -> SponsorCommit {
        try withWriteLock {
            let state = try currentState()
            var rng = SystemRandomNumberGenerator()
            let nonce = UInt64.random(in: 0...UInt64.max, using: &rng)
            let game = GameOpen.gameId(opener: key.publicKey, partner: partner, newcomer: newcomer, nonce: nonce, chain: chainId)
            let secret = try checkedSecret(game: game, player: key.publicKey, move: move, rewardKeys: rewardKeys)
            let open = GameOpen(opener: key.publicKey, partner: partner, newcomer: newcomer, nonce: nonce,
                                commitment: secret.commitment(chain: chainId))
            let context = MembershipAdmission.Context(state, named: keyNamer())
            if let refusal = MembershipAdmission.open(open, in: context) { throw SigningRefusal(refusal.detail) }
            if let waiting = try waitingOpening(by: key.publicKey, on: state) {
                throw SigningRefusal("\(keyNamer()(key.publicKey)) already has an opening waiting for a block (game \(waiting.short)); it is staked in one game at a time", conflict: true)
            }
            try SponsorSecrets(store: self).save(secret)
            let signed = SignedGameOpen.sign(open, with: key, chain: chainId)
            try storeModuleObject(signed, kind: MembershipModule.openKind)
            return SponsorCommit(game: game, objectId: signed.id(chain: chainId), secret: secret)
        }
    }

    /// Joins the game `prefix` names as its partner `key`, committing to `move`. Takes the write lock.
    public func joinGame(as key: SigningKey, game prefix: String, move: SponsorMove, rewardKeys: [PublicKey] = []) throws -> SponsorCommit {
        try withWriteLock {
            let state = try currentState()
            let game = try findGame(prefix, in: state)
            let secret = try checkedSecret(game: game, player: key.publicKey, move: move, rewardKeys: rewardKeys)
            let join = GameJoin(game: game, joiner: key.publicKey, commitment: secret.commitment(chain: chainId))
            if let refusal = MembershipAdmission.join(join, in: .init(state, named: keyNamer())) { throw SigningRefusal(refusal.detail) }
            let signed = SignedGameJoin.sign(join, with: key, chain: chainId)
            if try git.reference(MembershipModule.joinKind.ref(of: signed, chain: chainId)!) != nil {
                throw SigningRefusal("\(keyNamer()(key.publicKey)) already joined game \(game.short) with another commitment, waiting for a block", conflict: true)
            }
            try SponsorSecrets(store: self).save(secret)
            try storeModuleObject(signed, kind: MembershipModule.joinKind)
            return SponsorCommit(game: game, objectId: signed.id(chain: chainId), secret: secret)
        }
    }

    /// Reveals `key`'s move in the game `prefix` names, from the secret kept here; `rewardKeys`
    /// replaces the reward keys the secret names. Takes the write lock.
    public func revealMove(as key: SigningKey, game prefix: String, rewardKeys: [PublicKey]? = nil) throws -> SignedGameReveal {
        try withWriteLock {
            let state = try currentState()
            let game = try findGame(prefix, in: state)
            // Whether the key plays this game and may reveal now does not depend on the move.
            let probe = try GameReveal(game: game, player: key.publicKey, move: .cooperate, salt: Array(repeating: 0, count: MembershipLimits.saltBytes))
            if let refusal = MembershipAdmission.reveal(probe, in: .init(state, named: keyNamer())), refusal.rule != .revealMismatch {
                throw SigningRefusal(refusal.detail)
            }
            guard let secret = try SponsorSecrets(store: self).load(game: game, member: key.publicKey) else {
                throw SigningRefusal("this repository keeps no move of \(keyNamer()(key.publicKey)) for game \(game.short) (.git/pot/secrets/): it was committed elsewhere")
            }
            let reveal: GameReveal
            do {
                reveal = try GameReveal(game: game, player: key.publicKey, move: secret.move, salt: secret.salt, rewardKeys: rewardKeys ?? secret.rewardKeys)
            } catch { throw SigningRefusal("\(error)") }
            if let refusal = MembershipAdmission.reveal(reveal, in: .init(state, named: keyNamer())) { throw SigningRefusal(refusal.detail) }
            let signed = SignedGameReveal.sign(reveal, with: key, chain: chainId)
            try storeModuleObject(signed, kind: MembershipModule.revealKind)
            return signed
        }
    }

    /// The id of the game a unique prefix names, among the games on chain.
    public func findGame(_ prefix: String, in state: ChainState) throws -> Hash256 {
        try IdPrefix.unique(prefix, kind: "game", among: state.membership.games.keys.sorted(), id: { $0 })
    }

    /// Openings stored here that no block carries yet.
    public func pendingOpenings(on state: ChainState) throws -> [SignedGameOpen] {
        var problems: [String] = []
        return try pendingModuleObjects(MembershipModule.openKind, problems: &problems).compactMap { $0.object as? SignedGameOpen }
            .filter { state.membership.games[$0.open.gameId(chain: chainId)] == nil }
    }

    /// A secret for `move`, refusing reward keys a reveal could not carry.
    private func checkedSecret(game: Hash256, player: PublicKey, move: SponsorMove, rewardKeys: [PublicKey]) throws -> SponsorSecret {
        let secret = SponsorSecret.fresh(game: game, member: player, move: move, rewardKeys: rewardKeys)
        do { _ = try GameReveal(game: game, player: player, move: move, salt: secret.salt, rewardKeys: rewardKeys) } catch {
            throw SigningRefusal("\(error)")
        }
        return secret
    }

    /// A stored opening by `opener` that a block could still carry.
    private func waitingOpening(by opener: PublicKey, on state: ChainState) throws -> Hash256? {
        try pendingOpenings(on: state).first { $0.open.opener == opener && MembershipAdmission.open($0.open, in: .init(state)) == nil }
            .map { $0.open.gameId(chain: chainId) }
    }
}
