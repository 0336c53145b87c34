/// A well-formed CBOR value that is not a valid object of the expected kind.
public struct ObjectError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Decodes bytes into CBOR after checking the object's size limit.
public func decodeLimited(_ bytes: [UInt8], max: Int, what: String) throws -> CBOR {
    guard bytes.count <= max else {
        throw ObjectError("\(what) is \(bytes.count) bytes, more than the limit of \(max)")
    }
    return try CBOR.decode(bytes)
}

extension CBORFields {
    public func publicKey(_ key: UInt64) throws -> PublicKey {
        PublicKey(bytes: try bytes(key, count: 32))!
    }
    public func hash(_ key: UInt64) throws -> Hash256 {
        Hash256(bytes: try bytes(key, count: 32))!
    }
}

extension CBOR {
    public func hash256(_ what: String) throws -> Hash256 {
        Hash256(bytes: try bytes(what, count: 32))!
    }
}

/// Every accepted object must re-encode to exactly what was received (for instance an optional
/// field sent empty instead of omitted is refused), so that ids never depend on who encoded.
func requireCanonical(_ reencoded: CBOR, _ received: CBOR, what: String) throws {
    guard reencoded == received else {
        throw ObjectError("\(what) is not in canonical form (an empty optional field must be omitted)")
    }
}
