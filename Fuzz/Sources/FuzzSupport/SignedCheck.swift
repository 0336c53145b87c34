import PoTCore

/// Checks one kind of signed object both ways it is decoded: as a signed object from bytes, and
/// as a bare body from a decoded CBOR value. Either must be refused or be the canonical encoding.
public func expectCanonicalSigned<Body: SignableBody>(_ type: Body.Type, _ input: [UInt8]) {
    expectCanonical(input, what: "signed \(Body.objectName)", decode: { try Signed<Body>(bytes: $0) }, encode: { $0.encoded() })
    expectCanonical(input, what: Body.objectName,
                    decode: { try Body(cbor: try decodeLimited($0, max: Body.maxSignedBytes, what: Body.objectName)) },
                    encode: { $0.cbor().encoded() })
}
