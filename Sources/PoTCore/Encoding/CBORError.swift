/// Why a byte string was not accepted as CBOR, or why a decoded value did not fit its schema.
public struct CBORError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case truncated
        case trailingBytes
        case nonShortestForm
        case indefiniteLength
        /// Tags, floats, simple values (including true/false/null), break, reserved additional info 28–30.
        case unsupportedType
        case invalidUTF8
        case mapKeyNotUnsigned
        /// Also raised for duplicate keys.
        case mapKeysNotAscending
        case tooDeep
        case tooLong
        case wrongType
        case missingField
        case unknownField
        case badValue
    }

    public var kind: Kind
    /// Byte offset in the input, when decoding.
    public var offset: Int?
    /// What went wrong, naming the object and field where there is one,
    /// e.g. "vote field 4: expected at most 65 items, got 70".
    public var detail: String

    public init(kind: Kind, offset: Int? = nil, detail: String) {
        self.kind = kind
        self.offset = offset
        self.detail = detail
    }

    /// One human line, e.g. "malformed CBOR at byte 17: integer not in shortest form".
    public var description: String {
        if let offset {
            return "malformed CBOR at byte \(offset): \(detail)"
        }
        return "invalid object: \(detail)"
    }
}
