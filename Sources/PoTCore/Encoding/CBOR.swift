/// A CBOR data item restricted to the subset PoT uses (RFC 8949 major types 0–5).
///
/// Every value has exactly one encoding (RFC 8949 §4.2.1 core deterministic encoding),
/// and the decoder accepts only that encoding, so `decode(b).encoded() == b` for every
/// accepted `b`.
///
/// Equality and hashing compare text strings by their UTF-8 bytes, not by Swift's
/// Unicode canonical equivalence, so two values are equal exactly when their encodings are.
public enum CBOR: Sendable {
    case unsigned(UInt64)
    /// The integer `-1 - n`.
    case negative(UInt64)
    case bytes([UInt8])
    case text(String)
    case array([CBOR])
    /// Keys are unsigned integers only; they are encoded in ascending order.
    case map([UInt64: CBOR])
}

extension CBOR: Hashable {
    public static func == (lhs: CBOR, rhs: CBOR) -> Bool {
        switch (lhs, rhs) {
        case let (.unsigned(a), .unsigned(b)): return a == b
        case let (.negative(a), .negative(b)): return a == b
        case let (.bytes(a), .bytes(b)): return a == b
        case let (.text(a), .text(b)): return a.utf8.elementsEqual(b.utf8)
        case let (.array(a), .array(b)): return a == b
        case let (.map(a), .map(b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .unsigned(let v):
            hasher.combine(0 as UInt8)
            hasher.combine(v)
        case .negative(let v):
            hasher.combine(1 as UInt8)
            hasher.combine(v)
        case .bytes(let b):
            hasher.combine(2 as UInt8)
            hasher.combine(b)
        case .text(let s):
            hasher.combine(3 as UInt8)
            hasher.combine(s.utf8.count)
            for byte in s.utf8 { hasher.combine(byte) }
        case .array(let items):
            hasher.combine(4 as UInt8)
            hasher.combine(items)
        case .map(let entries):
            hasher.combine(5 as UInt8)
            hasher.combine(entries)
        }
    }
}

extension CBOR {
    /// A short name of the value's type, for error messages.
    var typeName: String {
        switch self {
        case .unsigned: return "unsigned integer"
        case .negative: return "negative integer"
        case .bytes: return "byte string"
        case .text: return "text string"
        case .array: return "array"
        case .map: return "map"
        }
    }
}
