/// A signed object of any kind, seen only as what its signature covers: what a batch of
/// signature checks needs from the objects of every module.
public protocol SignedObject: Sendable {
    var signatureBytes: [UInt8] { get }
    var anyBody: any SignableBody { get }
    func hasValidSignature(chain: Hash256) -> Bool
    /// The object's encoding `{1: body, 2: signature}`.
    var encodedBytes: [UInt8] { get }
    var signedCBOR: CBOR { get }
    /// The object's id: the domain-separated hash of its body.
    func id(chain: Hash256) -> Hash256
}

extension Signed: SignedObject {
    public var signatureBytes: [UInt8] { signature }
    public var anyBody: any SignableBody { body }
    public var encodedBytes: [UInt8] { encoded() }
    public var signedCBOR: CBOR { cbor() }
}
