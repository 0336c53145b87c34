import PoTCore

/// A member opens an admission game: it names its partner and the newcomer's key, and commits
/// to its move. The game's id is the hash of everything but the commitment, so the opener can
/// commit to the game it opens.
public struct GameOpen: SignableBody {
    public static let domain = DomainTag.sponsorOpen
    public static let objectName = "sponsorship opening"
    public static let maxSignedBytes = MembershipLimits.maxOpenBytes
    public var signer: PublicKey { opener }

    public var opener: PublicKey
    public var partner: PublicKey
    public var newcomer: PublicKey
    /// Chosen by the opener so the same three keys may play again after a game ends.
    public var nonce: UInt64
    public var commitment: Hash256

    public init(opener: PublicKey, partner: PublicKey, newcomer: PublicKey, nonce: UInt64, commitment: Hash256) {
        self.opener = opener; self.partner = partner; self.newcomer = newcomer; self.nonce = nonce; self.commitment = commitment
    }

    /// The game's id: H(opener, partner, newcomer, nonce), domain separated and bound to the chain.
    public static func gameId(opener: PublicKey, partner: PublicKey, newcomer: PublicKey, nonce: UInt64, chain: Hash256) -> Hash256 {
        DomainHash.hash(.sponsorGame, chain: chain,
                        body: .array([.bytes(opener.bytes), .bytes(partner.bytes), .bytes(newcomer.bytes), .unsigned(nonce)]))
    }

    public func gameId(chain: Hash256) -> Hash256 {
        Self.gameId(opener: opener, partner: partner, newcomer: newcomer, nonce: nonce, chain: chain)
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(opener.bytes), 2: .bytes(partner.bytes), 3: .bytes(newcomer.bytes), 4: .unsigned(nonce), 5: .bytes(commitment.bytes)])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "sponsorship opening", allowedKeys: [1, 2, 3, 4, 5])
        opener = try f.publicKey(1)
        partner = try f.publicKey(2)
        newcomer = try f.publicKey(3)
        nonce = try f.uint(4)
        commitment = try f.hash(5)
    }
}

public typealias SignedGameOpen = Signed<GameOpen>

extension Signed where Body == GameOpen {
    public var open: GameOpen { body }
}
