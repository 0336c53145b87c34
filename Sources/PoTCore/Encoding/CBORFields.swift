/// Strict reader for an object encoded as a map with small unsigned keys.
///
/// Errors name the object and field, e.g. "vote field 4: expected at most 65 items, got 70".
public struct CBORFields {
    public let object: String
    private let entries: [UInt64: CBOR]

    /// Throws `.wrongType` if `value` is not a map, `.unknownField` if any key is not in `allowedKeys`
    /// (the smallest such key is reported).
    public init(_ value: CBOR, object: String, allowedKeys: Set<UInt64>) throws {
        guard case .map(let entries) = value else {
            throw CBORError(kind: .wrongType, detail: "\(object): expected map, got \(value.typeName)")
        }
        if let unknown = entries.keys.filter({ !allowedKeys.contains($0) }).min() {
            throw CBORError(kind: .unknownField, detail: "\(object): unknown field \(unknown)")
        }
        self.object = object
        self.entries = entries
    }

    private func name(_ key: UInt64) -> String { "\(object) field \(key)" }

    /// Throws `.missingField` if `key` is absent.
    public func value(_ key: UInt64) throws -> CBOR {
        guard let v = entries[key] else {
            throw CBORError(kind: .missingField, detail: "\(name(key)): missing")
        }
        return v
    }

    public func optional(_ key: UInt64) -> CBOR? {
        entries[key]
    }

    public func uint(_ key: UInt64) throws -> UInt64 {
        try value(key).uint(name(key))
    }

    public func optionalUInt(_ key: UInt64) throws -> UInt64? {
        try entries[key]?.uint(name(key))
    }

    public func bytes(_ key: UInt64, count: Int? = nil, max: Int? = nil) throws -> [UInt8] {
        try value(key).bytes(name(key), count: count, max: max)
    }

    public func optionalBytes(_ key: UInt64, max: Int) throws -> [UInt8]? {
        try entries[key]?.bytes(name(key), max: max)
    }

    public func text(_ key: UInt64, maxUTF8: Int) throws -> String {
        try value(key).text(name(key), maxUTF8: maxUTF8)
    }

    public func optionalText(_ key: UInt64, maxUTF8: Int) throws -> String? {
        try entries[key]?.text(name(key), maxUTF8: maxUTF8)
    }

    public func array(_ key: UInt64, max: Int) throws -> [CBOR] {
        try value(key).array(name(key), max: max)
    }

    public func optionalArray(_ key: UInt64, max: Int) throws -> [CBOR]? {
        try entries[key]?.array(name(key), max: max)
    }
}
