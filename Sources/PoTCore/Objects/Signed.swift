/// A body plus the Ed25519 signature of its domain-separated hash: `{1: body, 2: signature}`.
public struct SignedEnvelope: Equatable, Sendable {
    public var body: CBOR
    public var signature: [UInt8]

    public init(body: CBOR, signature: [UInt8]) {
        self.body = body
        self.signature = signature
    }

    public func cbor() -> CBOR { .map([1: body, 2: .bytes(signature)]) }

    public init(cbor: CBOR, what: String) throws {
        let f = try CBORFields(cbor, object: what, allowedKeys: [1, 2])
        body = try f.value(1)
        signature = try f.bytes(2, count: 64)
    }
}
