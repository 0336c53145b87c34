import Crypto

/// An Ed25519 public key: the identity of an account.
public struct PublicKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    public init?(hex: String) {
        guard let decoded = Hex.decode(hex) else { return nil }
        self.init(bytes: decoded)
    }

    public var hex: String { Hex.encode(bytes) }
    public var short: String { String(hex.prefix(8)) }
    public var description: String { hex }

    public func hash(into hasher: inout Hasher) { combine32(bytes, into: &hasher) }

    public static func < (lhs: PublicKey, rhs: PublicKey) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// Checks an Ed25519 signature over a 32-byte domain-separated digest.
    public func verifies(_ signature: [UInt8], over digest: Hash256) -> Bool {
        guard signature.count == 64,
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)
        else { return false }
        return key.isValidSignature(signature, for: digest.bytes)
    }
}

/// An Ed25519 private key, built from its 32-byte seed (RFC 8032).
public struct SigningKey: Sendable {
    public let seed: [UInt8]
    public let publicKey: PublicKey

    public init(seed: [UInt8]) throws {
        guard seed.count == 32 else { throw KeyError.badSeedLength(seed.count) }
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        self.seed = seed
        self.publicKey = PublicKey(bytes: Array(key.publicKey.rawRepresentation))!
    }

    /// A fresh random key. Only clients call this; consensus code never makes keys.
    public static func generate() -> SigningKey {
        try! SigningKey(seed: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
    }

    public func sign(_ digest: Hash256) -> [UInt8] {
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        return Array(try! key.signature(for: digest.bytes))
    }
}

public enum KeyError: Error, CustomStringConvertible {
    case badSeedLength(Int)
    public var description: String {
        switch self {
        case .badSeedLength(let n): return "a key seed must be 32 bytes, got \(n)"
        }
    }
}
