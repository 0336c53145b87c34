import PoTCore

/// The partner named by an opening accepts the game and commits to its move.
public struct GameJoin: SignableBody {
    public static let domain = DomainTag.sponsorJoin
    public static let objectName = "sponsorship join"
    public static let maxSignedBytes = MembershipLimits.maxJoinBytes
    public var signer: PublicKey { joiner }

    public var game: Hash256
    public var joiner: PublicKey
    public var commitment: Hash256

    public init(game: Hash256, joiner: PublicKey, commitment: Hash256) {
        self.game = game; self.joiner = joiner; self.commitment = commitment
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(game.bytes), 2: .bytes(joiner.bytes), 3: .bytes(commitment.bytes)])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "sponsorship join", allowedKeys: [1, 2, 3])
        game = try f.hash(1)
        joiner = try f.publicKey(2)
        commitment = try f.hash(3)
    }
}

public typealias SignedGameJoin = Signed<GameJoin>

extension Signed where Body == GameJoin {
    public var join: GameJoin { body }
}
