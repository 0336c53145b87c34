import Foundation
import PoTCore
import PoTMembership
import PoTStore

/// What a player must keep until it reveals: its move, its salt and, for a defection, the reward
/// keys it will name. Kept in `.git/pot/secrets/<game>-<member>.secret` (mode 0600), never in a ref.
public struct SponsorSecret: Equatable, Sendable {
    public let game: Hash256
    public let member: PublicKey
    public let move: SponsorMove
    public let salt: [UInt8]
    public let rewardKeys: [PublicKey]

    public init(game: Hash256, member: PublicKey, move: SponsorMove, salt: [UInt8], rewardKeys: [PublicKey]) {
        self.game = game; self.member = member; self.move = move; self.salt = salt; self.rewardKeys = rewardKeys
    }

    /// A secret with a fresh salt from the system's cryptographic generator.
    public static func fresh(game: Hash256, member: PublicKey, move: SponsorMove, rewardKeys: [PublicKey]) -> SponsorSecret {
        var rng = SystemRandomNumberGenerator()
        let salt = (0..<MembershipLimits.saltBytes).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return SponsorSecret(game: game, member: member, move: move, salt: salt, rewardKeys: rewardKeys)
    }

    public func commitment(chain: Hash256) -> Hash256 {
        SponsorCommitment.make(game: game, member: member, move: move, salt: salt, chain: chain)
    }

    func cbor() -> CBOR {
        .map([1: .bytes(game.bytes), 2: .bytes(member.bytes), 3: .unsigned(move.rawValue), 4: .bytes(salt),
              5: .array(rewardKeys.map { .bytes($0.bytes) })])
    }

    init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "sponsorship secret", allowedKeys: [1, 2, 3, 4, 5])
        game = try f.hash(1)
        member = try f.publicKey(2)
        guard let move = SponsorMove(rawValue: try f.uint(3)) else { throw ObjectError("a secret's move is 0 or 1") }
        self.move = move
        salt = try f.bytes(4, count: MembershipLimits.saltBytes)
        rewardKeys = try f.array(5, max: MembershipLimits.maxRewardKeys).map { PublicKey(bytes: try $0.bytes("reward key", count: 32))! }
    }
}

/// The secrets of this repository's players.
public struct SponsorSecrets {
    public let directory: String

    public init(store: ChainStore) { directory = store.potDirectory + "/secrets" }

    func path(game: Hash256, member: PublicKey) -> String { "\(directory)/\(game.hex)-\(member.hex).secret" }

    /// Writes `secret` readable by its owner only, before the commitment it backs leaves this machine.
    public func save(_ secret: SponsorSecret) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = self.path(game: secret.game, member: secret.member)
        guard FileManager.default.createFile(atPath: path, contents: Data(secret.cbor().encoded()), attributes: [.posixPermissions: 0o600]) else {
            throw StoreError("cannot write the move's secret to \(path)")
        }
    }

    /// The secret `member` keeps for `game`, or nil when this repository has none.
    public func load(game: Hash256, member: PublicKey) throws -> SponsorSecret? {
        guard let data = FileManager.default.contents(atPath: path(game: game, member: member)) else { return nil }
        do { return try SponsorSecret(cbor: try CBOR.decode([UInt8](data))) } catch {
            throw StoreError("the secret of game \(game.short) in \(directory) is unreadable: \(error)")
        }
    }

    /// The game and player of every secret kept here, from the files' names (nothing is read).
    public func kept() -> [(game: Hash256, member: PublicKey)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".secret") }.sorted().compactMap { name in
            let parts = name.dropLast(".secret".count).split(separator: "-")
            guard parts.count == 2, let game = Hash256(hex: String(parts[0])), let member = PublicKey(hex: String(parts[1])) else { return nil }
            return (game, member)
        }
    }
}
