/// A 32-byte SHA-256 digest: block ids, chain ids, object ids, payload roots.
public struct Hash256: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    public init?(hex: String) {
        guard let decoded = Hex.decode(hex), decoded.count == 32 else { return nil }
        self.bytes = decoded
    }

    public var hex: String { Hex.encode(bytes) }
    public var short: String { String(hex.prefix(12)) }
    public var description: String { hex }

    public func hash(into hasher: inout Hasher) { combine32(bytes, into: &hasher) }

    public static func < (lhs: Hash256, rhs: Hash256) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}
