/// A transfer of trust, signed by the sender. The nonce is the sender's previous nonce + 1.
public struct TrustTransfer: Equatable, Sendable {
    public var from: PublicKey
    public var to: PublicKey
    public var amount: UInt64
    public var nonce: UInt64
    public var memo: String

    public init(from: PublicKey, to: PublicKey, amount: UInt64, nonce: UInt64, memo: String = "") {
        self.from = from; self.to = to; self.amount = amount; self.nonce = nonce; self.memo = memo
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [
            1: .bytes(from.bytes), 2: .bytes(to.bytes), 3: .unsigned(amount), 4: .unsigned(nonce),
        ]
        if !memo.isEmpty { fields[5] = .text(memo) }
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "transfer", allowedKeys: [1, 2, 3, 4, 5])
        from = try f.publicKey(1)
        to = try f.publicKey(2)
        amount = try f.uint(3)
        nonce = try f.uint(4)
        memo = try f.optionalText(5, maxUTF8: ObjectLimits.maxMemoBytes) ?? ""
        try requireCanonical(self.cbor(), cbor, what: "transfer")
    }

    public func id(chain: Hash256) -> Hash256 { DomainHash.hash(.transfer, chain: chain, body: cbor()) }
}

public struct SignedTransfer: Equatable, Sendable {
    public var transfer: TrustTransfer
    public var signature: [UInt8]

    public init(_ transfer: TrustTransfer, signature: [UInt8]) {
        self.transfer = transfer
        self.signature = signature
    }

    public static func sign(_ transfer: TrustTransfer, with key: SigningKey, chain: Hash256) -> SignedTransfer {
        SignedTransfer(transfer, signature: key.sign(transfer.id(chain: chain)))
    }

    public func id(chain: Hash256) -> Hash256 { transfer.id(chain: chain) }

    public func hasValidSignature(chain: Hash256) -> Bool {
        transfer.from.verifies(signature, over: id(chain: chain))
    }

    public func cbor() -> CBOR { SignedEnvelope(body: transfer.cbor(), signature: signature).cbor() }
    public func encoded() -> [UInt8] { cbor().encoded() }

    public init(cbor: CBOR) throws {
        let envelope = try SignedEnvelope(cbor: cbor, what: "signed transfer")
        transfer = try TrustTransfer(cbor: envelope.body)
        signature = envelope.signature
    }

    public init(bytes: [UInt8]) throws {
        try self.init(cbor: decodeLimited(bytes, max: ObjectLimits.maxTransferBytes, what: "transfer"))
    }
}
