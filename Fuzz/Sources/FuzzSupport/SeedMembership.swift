import PoTCore
import PoTMembership

/// The seed chain's membership objects: one admission game played to the end (alice opens it
/// with bob as partner for a newcomer, bob joins, alice reveals cooperation and bob defection
/// naming two reward keys) and a second opening by carol with a large nonce. Salts and the
/// newcomer's and reward keys are fixed.
public struct SeedMembership {
    public let newcomer: PublicKey
    public let rewardKeys: [PublicKey]
    public let opens: [SignedGameOpen]
    public let joins: [SignedGameJoin]
    public let reveals: [SignedGameReveal]

    /// The objects of the games `opener` and `partner` play, and the opening by `third`.
    init(chain: Hash256, opener: SigningKey, partner: SigningKey, third: SigningKey) throws {
        newcomer = try SigningKey(seed: [UInt8](repeating: 8, count: 32)).publicKey
        rewardKeys = try [9, 10].map { try SigningKey(seed: [UInt8](repeating: $0, count: 32)).publicKey }
        let game = GameOpen.gameId(opener: opener.publicKey, partner: partner.publicKey, newcomer: newcomer, nonce: 1, chain: chain)
        let openerSalt = [UInt8](repeating: 0x51, count: MembershipLimits.saltBytes)
        let partnerSalt = [UInt8](repeating: 0x52, count: MembershipLimits.saltBytes)
        func commitment(_ key: SigningKey, _ move: SponsorMove, _ salt: [UInt8]) -> Hash256 {
            SponsorCommitment.make(game: game, member: key.publicKey, move: move, salt: salt, chain: chain)
        }
        let laterNonce: UInt64 = 1_700_000_000_123
        let later = GameOpen.gameId(opener: third.publicKey, partner: opener.publicKey, newcomer: newcomer, nonce: laterNonce, chain: chain)
        let laterGame = GameOpen(opener: third.publicKey, partner: opener.publicKey, newcomer: newcomer, nonce: laterNonce,
                                 commitment: SponsorCommitment.make(game: later, member: third.publicKey, move: .cooperate,
                                                                    salt: partnerSalt, chain: chain))
        opens = [
            Signed.sign(GameOpen(opener: opener.publicKey, partner: partner.publicKey, newcomer: newcomer, nonce: 1,
                                 commitment: commitment(opener, .cooperate, openerSalt)), with: opener, chain: chain),
            Signed.sign(laterGame, with: third, chain: chain),
        ]
        joins = [Signed.sign(GameJoin(game: game, joiner: partner.publicKey, commitment: commitment(partner, .defect, partnerSalt)),
                             with: partner, chain: chain)]
        reveals = [
            Signed.sign(try GameReveal(game: game, player: opener.publicKey, move: .cooperate, salt: openerSalt), with: opener, chain: chain),
            Signed.sign(try GameReveal(game: game, player: partner.publicKey, move: .defect, salt: partnerSalt, rewardKeys: rewardKeys),
                        with: partner, chain: chain),
        ]
    }

    /// All of them as one payload section.
    public var section: MembershipSection { MembershipSection(opens: opens, joins: joins, reveals: reveals) }
}
