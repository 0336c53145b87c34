import Crypto

/// Tags that separate the hash domains of the kinds of object, so that bytes signed as one kind
/// can never be accepted as another. The kernel's tags are here; each module declares its own
/// (`ChainModule.kinds`), and the module registry refuses two uses of one tag.
public struct DomainTag: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let genesis = DomainTag("pot/genesis/v1")
    public static let block = DomainTag("pot/block/v1")
    public static let payload = DomainTag("pot/payload/v1")
    public static let vote = DomainTag("pot/vote/v1")
    public static let transfer = DomainTag("pot/tx/v1")
    public static let handshake = DomainTag("pot/handshake/v1")
    public static let nameClaim = DomainTag("pot/name/v1")
    /// The tags the kernel itself uses.
    public static let kernel: [DomainTag] = [.genesis, .block, .payload, .vote, .transfer, .handshake, .nameClaim]
}

public enum DomainHash {
    public static func sha256(_ bytes: [UInt8]) -> Hash256 {
        Hash256(bytes: Array(SHA256.hash(data: bytes)))!
    }

    /// chain id = SHA-256(CBOR(["pot/genesis/v1", params]))
    public static func chainId(params: CBOR) -> Hash256 {
        sha256(CBOR.array([.text(DomainTag.genesis.rawValue), params]).encoded())
    }

    /// H(tag, chain_id, body) = SHA-256(CBOR([tag, chain_id, body]))
    public static func hash(_ tag: DomainTag, chain: Hash256, body: CBOR) -> Hash256 {
        hash(tag, chain: chain, encodedBody: body.encoded())
    }

    /// The same hash over a body already encoded (canonically): the array `[tag, chain, body]`
    /// is written around its bytes.
    public static func hash(_ tag: DomainTag, chain: Hash256, encodedBody body: [UInt8]) -> Hash256 {
        var bytes: [UInt8] = [0x83]
        bytes.reserveCapacity(body.count + tag.rawValue.utf8.count + 40)
        CBOR.text(tag.rawValue).encode(into: &bytes)
        CBOR.bytes(chain.bytes).encode(into: &bytes)
        bytes += body
        return sha256(bytes)
    }
}
