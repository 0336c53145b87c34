/// The body of a signed object: it names its signer and the hash domain of its kind.
public protocol SignableBody: Equatable, Sendable {
    static var domain: DomainTag { get }
    /// What the object is called in error messages, e.g. "vote".
    static var objectName: String { get }
    /// The size limit of the signed object's encoding.
    static var maxSignedBytes: Int { get }
    var signer: PublicKey { get }
    func cbor() -> CBOR
    init(cbor: CBOR) throws
    /// `cbor().encoded()`; a kind hashed very often (votes) writes it without building the tree.
    func encodedBody() -> [UInt8]
}

extension SignableBody {
    public func encodedBody() -> [UInt8] { cbor().encoded() }

    /// The domain-separated hash of the body: the object's id, and what its signer signs.
    public func id(chain: Hash256) -> Hash256 { DomainHash.hash(Self.domain, chain: chain, encodedBody: encodedBody()) }
}

/// A body plus the Ed25519 signature of its id by its signer, encoded `{1: body, 2: signature}`.
public struct Signed<Body: SignableBody>: Equatable, Sendable {
    public var body: Body
    public var signature: [UInt8]

    public init(_ body: Body, signature: [UInt8]) {
        self.body = body
        self.signature = signature
    }

    public static func sign(_ body: Body, with key: SigningKey, chain: Hash256) -> Signed {
        Signed(body, signature: key.sign(body.id(chain: chain)))
    }

    public func id(chain: Hash256) -> Hash256 { body.id(chain: chain) }

    public func hasValidSignature(chain: Hash256) -> Bool {
        body.signer.verifies(signature, over: id(chain: chain))
    }

    public func cbor() -> CBOR { .map([1: body.cbor(), 2: .bytes(signature)]) }
    public func encoded() -> [UInt8] { cbor().encoded() }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "signed \(Body.objectName)", allowedKeys: [1, 2])
        body = try Body(cbor: try f.value(1))
        signature = try f.bytes(2, count: 64)
    }

    public init(bytes: [UInt8]) throws {
        try self.init(cbor: decodeLimited(bytes, max: Body.maxSignedBytes, what: Body.objectName))
    }
}

public typealias SignedTransfer = Signed<TrustTransfer>
public typealias SignedVote = Signed<Vote>
public typealias SignedHeader = Signed<BlockHeader>

extension Signed where Body == TrustTransfer {
    public var transfer: TrustTransfer { get { body } set { body = newValue } }
}

extension Signed where Body == Vote {
    public var vote: Vote { get { body } set { body = newValue } }
}

extension Signed where Body == BlockHeader {
    public var header: BlockHeader { get { body } set { body = newValue } }
}
