import GitKit
import PoTCore

/// Where the chain lives in git: ref names, commit messages and the fixed identity of block commits.
public enum ChainLayout {
    public static let main = "refs/heads/main"
    public static let genesis = "refs/pot/genesis"
    public static let identity = (name: "pot", email: "pot@pot.invalid")

    /// Where block refs live: `blockRef` names below it.
    public static let blocksRoot = "refs/pot/blocks/"
    public static func blockRef(height: UInt64, id: Hash256) -> String { "refs/pot/blocks/\(height)/\(id.hex)" }
    public static func blocksGlob(height: UInt64) -> String { "refs/pot/blocks/\(height)/*" }
    public static func voteRef(height: UInt64, voter: PublicKey, id: Hash256) -> String {
        "refs/pot/votes/\(height)/\(voter.hex)/\(id.hex)"
    }
    public static func votesGlob(height: UInt64) -> String { "refs/pot/votes/\(height)/**" }
    public static let allVotesGlob = "refs/pot/votes/**"
    public static func transferRef(from: PublicKey, nonce: UInt64) -> String { "refs/pot/txs/\(from.hex)/\(nonce)" }
    public static let allTransfersGlob = "refs/pot/txs/**"
    public static func nameRef(label: String, key: PublicKey) -> String { "refs/pot/names/\(label)/\(key.hex)" }
    public static let allNamesGlob = "refs/pot/names/**"
    /// Unsigned labels written by earlier versions: never trusted, only reported.
    public static let legacyLabelsGlob = "refs/pot/labels/**"

    public static func signature(time: UInt64) -> GitSignature {
        GitSignature(name: identity.name, email: identity.email, time: Int64(time), offsetMinutes: 0)
    }

    public static func blockMessage(height: UInt64, id: Hash256) -> String { "pot: block h=\(height) id=\(id.hex)\n" }
    public static func recordMessage(height: UInt64, id: Hash256) -> String { "pot: record h=\(height) id=\(id.hex)\n" }
    public static func genesisMessage(chain: Hash256) -> String { "pot: genesis chain=\(chain.hex)\n" }

    /// Parses "pot: block h=<height> id=<hex>" from a block commit's message.
    public static func parseBlockMessage(_ message: String) -> (height: UInt64, id: Hash256)? {
        let line = message.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        let parts = line.split(separator: " ")
        guard parts.count == 4, parts[0] == "pot:", parts[1] == "block",
              parts[2].hasPrefix("h="), parts[3].hasPrefix("id="),
              let height = UInt64(parts[2].dropFirst(2)),
              let id = Hash256(hex: String(parts[3].dropFirst(3)))
        else { return nil }
        return (height, id)
    }

    public static func isGenesisMessage(_ message: String) -> Bool { message.hasPrefix("pot: genesis chain=") }

    public static func oid(_ bytes: [UInt8]) -> GitOID { GitOID(bytes: bytes)! }
}
