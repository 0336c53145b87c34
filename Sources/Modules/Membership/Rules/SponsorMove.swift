import PoTCore

/// A sponsor's move in the admission game.
public enum SponsorMove: UInt64, Sendable, CaseIterable, CustomStringConvertible {
    case cooperate = 0
    case defect = 1

    public var description: String { self == .cooperate ? "cooperate" : "defect" }

    /// Reads "cooperate" or "defect" (also "c" and "d").
    public init?(text: String) {
        switch text.lowercased() {
        case "cooperate", "c": self = .cooperate
        case "defect", "d": self = .defect
        default: return nil
        }
    }
}

/// The commitment a player posts before any move is known: H(game, member, move, salt), domain
/// separated and bound to the chain. Without the salt a commitment to cooperate cannot be told
/// from one to defect.
public enum SponsorCommitment {
    public static func make(game: Hash256, member: PublicKey, move: SponsorMove, salt: [UInt8], chain: Hash256) -> Hash256 {
        DomainHash.hash(.sponsorCommitment, chain: chain,
                        body: .array([.bytes(game.bytes), .bytes(member.bytes), .unsigned(move.rawValue), .bytes(salt)]))
    }
}
