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
    /// The blob holding the payload (named when the payload does not match its root).
    public let payloadBlob: GitOID

    public var header: BlockHeader { signed.header }
    public var height: UInt64 { signed.header.height }

    /// Whether the payload is the one the header commits to (the state transition checks this too).
    public func payloadMatchesRoot(chain: Hash256) -> Bool { payload.root(chain: chain) == header.payloadRoot }

    var payloadMismatch: String {
        "payload blob \(payloadBlob.hex) of block \(id.short) does not match the header's payload root (tampered)"
    }
}
