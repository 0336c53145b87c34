/// A transfer of trust, signed by the sender. The nonce is the sender's previous nonce + 1.
public struct TrustTransfer: SignableBody {
    public static let domain = DomainTag.transfer
    public static let objectName = "transfer"
    public static let maxSignedBytes = ObjectLimits.maxTransferBytes
    public var signer: PublicKey { from }

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
}
