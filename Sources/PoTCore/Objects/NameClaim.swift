/// A key's claim to a label, signed by that key: what binds a name that travels between
/// repositories to the key it names. A claim proves only that the key's holder chose the name;
/// two keys claiming one name is a conflict that readers show and never settle silently.
public struct NameClaim: SignableBody {
    public static let domain = DomainTag.nameClaim
    public static let objectName = "name claim"
    public static let maxSignedBytes = 256
    public var signer: PublicKey { key }

    public var label: String
    public var key: PublicKey

    public init(label: String, key: PublicKey) throws {
        try AccountLabel.validate(label)
        self.label = label
        self.key = key
    }

    public func cbor() -> CBOR { .map([1: .text(label), 2: .bytes(key.bytes)]) }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "name claim", allowedKeys: [1, 2])
        label = try f.text(1, maxUTF8: AccountLabel.maxBytes)
        key = try f.publicKey(2)
        try AccountLabel.validate(label)
        try requireCanonical(self.cbor(), cbor, what: "name claim")
    }
}

public typealias SignedNameClaim = Signed<NameClaim>
