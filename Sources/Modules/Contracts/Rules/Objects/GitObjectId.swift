import PoTCore

/// The id of a git object a contract names (a specification, a delivered commit, evidence):
/// 20 bytes in a SHA-1 repository, 32 in a SHA-256 one. The chain keeps the id only; the
/// objects travel with the repository under the module's refs.
public struct GitObjectId: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard ContractsLimits.gitObjectIdLengths.contains(bytes.count) else { return nil }
        self.bytes = bytes
    }

    public init?(hex: String) {
        guard let bytes = Hex.decode(hex) else { return nil }
        self.init(bytes: bytes)
    }

    public var hex: String { Hex.encode(bytes) }
    public var description: String { hex }

    static func decode(_ value: CBOR, _ what: String) throws -> GitObjectId {
        let bytes = try value.bytes(what, max: 32)
        guard let id = GitObjectId(bytes: bytes) else { throw ObjectError("\(what) is a git object id of 20 or 32 bytes, got \(bytes.count)") }
        return id
    }
}

extension CBORFields {
    func gitObjectId(_ key: UInt64, _ what: String) throws -> GitObjectId { try GitObjectId.decode(try value(key), what) }
    func optionalGitObjectId(_ key: UInt64, _ what: String) throws -> GitObjectId? {
        try optional(key).map { try GitObjectId.decode($0, what) }
    }
    /// Text that, when absent, is empty; present and empty is not canonical.
    func textOrEmpty(_ key: UInt64, maxUTF8: Int, _ what: String) throws -> String {
        guard let text = try optionalText(key, maxUTF8: maxUTF8) else { return "" }
        guard !text.isEmpty else { throw ObjectError("\(what) is not in canonical form (an empty text must be omitted)") }
        return text
    }
}
