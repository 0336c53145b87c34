import Testing
@testable import PoTCore
import PoTMembership
import PoTModules

/// Admission games on the seed example's genesis (alice, bob, carol), with short windows:
/// commit 2, reveal 2, cooldown 3, sucker 6, mutual 9, minimum age 2 (5 for a reward key).
enum Gx {
    static let parameters: [String: UInt64] = [
        "membership.commit_window": 2, "membership.reveal_window": 2, "membership.sponsor_cooldown": 3,
        "membership.sucker_penalty": 6, "membership.mutual_defect_penalty": 9, "membership.min_sponsor_age": 2,
        "membership.reward_sponsor_age": 5,
    ]

    static func genesis(_ overrides: [String: UInt64] = [:]) -> ChainState {
        let base = Fx.params()
        let params = try! ChainParams(confirmations: base.confirmations, alpha: base.alpha, initialAccounts: base.initialAccounts,
                                      createdAt: base.createdAt, moduleParameters: parameters.merging(overrides) { $1 })
        return ChainState(genesis: params)
    }

    /// A salt made of one repeated byte.
    static func salt(_ b: UInt8) -> [UInt8] { [UInt8](repeating: b, count: 32) }

    static func open(_ opener: SigningKey, with partner: SigningKey, newcomer: SigningKey, _ move: SponsorMove, nonce: UInt64 = 1,
                     salt: UInt8 = 1, chain: Hash256, signer: SigningKey? = nil) -> SignedGameOpen {
        let game = GameOpen.gameId(opener: opener.publicKey, partner: partner.publicKey, newcomer: newcomer.publicKey, nonce: nonce, chain: chain)
        let commitment = SponsorCommitment.make(game: game, member: opener.publicKey, move: move, salt: self.salt(salt), chain: chain)
        let body = GameOpen(opener: opener.publicKey, partner: partner.publicKey, newcomer: newcomer.publicKey, nonce: nonce, commitment: commitment)
        return SignedGameOpen.sign(body, with: signer ?? opener, chain: chain)
    }

    static func join(_ joiner: SigningKey, _ game: Hash256, _ move: SponsorMove, salt: UInt8 = 2, chain: Hash256) -> SignedGameJoin {
        let commitment = SponsorCommitment.make(game: game, member: joiner.publicKey, move: move, salt: self.salt(salt), chain: chain)
        return SignedGameJoin.sign(GameJoin(game: game, joiner: joiner.publicKey, commitment: commitment), with: joiner, chain: chain)
    }

    static func reveal(_ player: SigningKey, _ game: Hash256, _ move: SponsorMove, salt: UInt8, rewards: [SigningKey] = [],
                       chain: Hash256) -> SignedGameReveal {
        let body = try! GameReveal(game: game, player: player.publicKey, move: move, salt: self.salt(salt), rewardKeys: rewards.map(\.publicKey))
        return SignedGameReveal.sign(body, with: player, chain: chain)
    }

    static func payload(opens: [SignedGameOpen] = [], joins: [SignedGameJoin] = [], reveals: [SignedGameReveal] = [],
                        votes: [SignedVote] = []) -> Payload {
        var payload = Payload(votes: votes)
        payload.membership = MembershipSection(opens: opens, joins: joins, reveals: reveals)
        return payload
    }

    /// Plays a game between alice (opener, salt 1) and bob (partner, salt 2) for `newcomer`, one
    /// step per block: open, join, reveals (a nil move is a reveal left out). Returns its id.
    @discardableResult
    static func play(_ state: inout ChainState, newcomer: SigningKey, _ a: SponsorMove?, _ b: SponsorMove?,
                     aRewards: [SigningKey] = [], bRewards: [SigningKey] = [], opener: SigningKey = Fx.alice,
                     partner: SigningKey = Fx.bob, nonce: UInt64 = 1) throws -> Hash256 {
        let chain = state.chainId
        let open = self.open(opener, with: partner, newcomer: newcomer, a ?? .defect, nonce: nonce, chain: chain)
        let game = open.open.gameId(chain: chain)
        try Fx.apply(&state, payload: payload(opens: [open]))
        try Fx.apply(&state, payload: payload(joins: [join(partner, game, b ?? .defect, chain: chain)]))
        var reveals: [SignedGameReveal] = []
        if let a { reveals.append(reveal(opener, game, a, salt: 1, rewards: aRewards, chain: chain)) }
        if let b { reveals.append(reveal(partner, game, b, salt: 2, rewards: bRewards, chain: chain)) }
        try Fx.apply(&state, payload: payload(reveals: reveals))
        while state.membership.games[game]?.outcome == nil { try Fx.apply(&state) }
        return game
    }

    /// The rule and message with which the next block refuses `payload`, or nil.
    static func refusal(_ payload: Payload, on state: ChainState) -> BlockRejection? {
        do {
            _ = try StateTransition.apply(Fx.header(on: state, payload: payload), payload: payload, to: state)
            return nil
        } catch let r as BlockRejection {
            return r
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }
}
