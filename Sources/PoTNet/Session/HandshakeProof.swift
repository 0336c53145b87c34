import PoTCore

/// What each side of a handshake signs: the other side's fresh nonce, bound to the chain and to
/// both node keys, so a proof can be replayed neither on another connection nor on another chain.
public enum HandshakeProof {
    public static func digest(chain: Hash256, nonce: [UInt8], signer: PublicKey, verifier: PublicKey) -> Hash256 {
        DomainHash.hash(.handshake, chain: chain,
                        body: .array([.bytes(nonce), .bytes(signer.bytes), .bytes(verifier.bytes)]))
    }
}
