import GitKit
import PoTCore

/// A block as kept in git: its signed header, payload, block commit and record commit.
public struct StoredBlock: Sendable {
    public let signed: SignedHeader
    public let payload: Payload
    public let id: Hash256
    /// The merge commit that carries the code (on main when canonical).
    public let commit: GitOID
    /// The commit that keeps header and payload reachable: refs/pot/blocks/<height>/<id>.
    public let record: GitOID

    public var header: BlockHeader { signed.header }
    public var height: UInt64 { signed.header.height }
}
