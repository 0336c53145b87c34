import Crypto

/// Tags that separate the hash domains of the kinds of object, so that bytes signed as one kind
/// can never be accepted as another.
public enum DomainTag: String, Sendable {
    case genesis = "pot/genesis/v1"
    case block = "pot/block/v1"
    case payload = "pot/payload/v1"
    case vote = "pot/vote/v1"
    case transfer = "pot/tx/v1"
    case handshake = "pot/handshake/v1"
    case marketDeclaration = "pot/market/decl/v1"
    case marketBet = "pot/market/bet/v1"
    case marketResolution = "pot/market/res/v1"
    case nameClaim = "pot/name/v1"
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
        sha256(CBOR.array([.text(tag.rawValue), .bytes(chain.bytes), body]).encoded())
    }
}
