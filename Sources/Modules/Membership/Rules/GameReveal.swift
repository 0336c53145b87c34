import PoTCore

/// A player shows its move and salt once both commitments are on chain. A defecting reveal names
/// up to two fresh keys it controls: its reward should the other cooperate. A cooperating
/// reveal names none.
public struct GameReveal: SignableBody {
    public static let domain = DomainTag.sponsorReveal
    public static let objectName = "sponsorship reveal"
    public static let maxSignedBytes = MembershipLimits.maxRevealBytes
    public var signer: PublicKey { player }

    public var game: Hash256
    public var player: PublicKey
    public var move: SponsorMove
    public var salt: [UInt8]
    public var rewardKeys: [PublicKey]

    public init(game: Hash256, player: PublicKey, move: SponsorMove, salt: [UInt8], rewardKeys: [PublicKey] = []) throws {
        self.game = game; self.player = player; self.move = move; self.salt = salt; self.rewardKeys = rewardKeys
        try validate()
    }

    func validate() throws {
        guard salt.count == MembershipLimits.saltBytes else {
            throw ObjectError("a sponsorship salt is \(MembershipLimits.saltBytes) bytes, got \(salt.count)")
        }
        guard move == .defect || rewardKeys.isEmpty else {
            throw ObjectError("a cooperating reveal names no reward key (only a defector is rewarded)")
        }
        guard rewardKeys.count <= MembershipLimits.maxRewardKeys else {
            throw ObjectError("a defecting reveal names at most \(MembershipLimits.maxRewardKeys) reward keys, got \(rewardKeys.count)")
        }
        guard Set(rewardKeys).count == rewardKeys.count else { throw ObjectError("a reveal names the same reward key twice") }
        guard !rewardKeys.contains(player) else { throw ObjectError("a player cannot name itself as its reward key") }
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [1: .bytes(game.bytes), 2: .bytes(player.bytes), 3: .unsigned(move.rawValue), 4: .bytes(salt)]
        if !rewardKeys.isEmpty { fields[5] = .array(rewardKeys.map { .bytes($0.bytes) }) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "sponsorship reveal", allowedKeys: [1, 2, 3, 4, 5])
        game = try f.hash(1)
        player = try f.publicKey(2)
        guard let move = SponsorMove(rawValue: try f.uint(3)) else { throw ObjectError("a sponsorship move is 0 (cooperate) or 1 (defect)") }
        self.move = move
        salt = try f.bytes(4, count: MembershipLimits.saltBytes)
        let keys = try f.optionalArray(5, max: MembershipLimits.maxRewardKeys + 1)
        if keys == [] { throw ObjectError("sponsorship reveal is not in canonical form (an empty list of reward keys must be omitted)") }
        rewardKeys = try (keys ?? []).map { value in
            guard let key = PublicKey(bytes: try value.bytes("reward key", count: 32)) else { throw ObjectError("a reward key is not a public key") }
            return key
        }
        try validate()
    }

    /// Whether the move and salt are those the commitment was made to.
    public func matches(_ commitment: Hash256, chain: Hash256) -> Bool {
        SponsorCommitment.make(game: game, member: player, move: move, salt: salt, chain: chain) == commitment
    }
}

public typealias SignedGameReveal = Signed<GameReveal>

extension Signed where Body == GameReveal {
    public var reveal: GameReveal { body }
}
