/// Typed access to decoded values. `what` names the object and field in error details,
/// e.g. `try item.bytes("vote field 3", count: 32)`.
extension CBOR {
    private func wrongType(_ what: String, _ expected: String) -> CBORError {
        CBORError(kind: .wrongType, detail: "\(what): expected \(expected), got \(typeName)")
    }

    public func uint(_ what: String) throws -> UInt64 {
        guard case .unsigned(let v) = self else { throw wrongType(what, "unsigned integer") }
        return v
    }

    /// A byte string, optionally of exactly `count` bytes (else `.badValue`)
    /// or at most `max` bytes (else `.tooLong`).
    public func bytes(_ what: String, count: Int? = nil, max: Int? = nil) throws -> [UInt8] {
        guard case .bytes(let b) = self else { throw wrongType(what, "byte string") }
        if let count, b.count != count {
            throw CBORError(kind: .badValue, detail: "\(what): expected \(count)-byte string, got \(b.count) bytes")
        }
        if let max, b.count > max {
            throw CBORError(kind: .tooLong, detail: "\(what): expected at most \(max) bytes, got \(b.count)")
        }
        return b
    }

    /// A text string of at most `maxUTF8` UTF-8 bytes (else `.tooLong`).
    public func text(_ what: String, maxUTF8: Int) throws -> String {
        guard case .text(let s) = self else { throw wrongType(what, "text string") }
        let n = s.utf8.count
        if n > maxUTF8 {
            throw CBORError(kind: .tooLong, detail: "\(what): expected at most \(maxUTF8) UTF-8 bytes, got \(n)")
        }
        return s
    }

    /// An array of at most `max` items (else `.tooLong`).
    public func array(_ what: String, max: Int) throws -> [CBOR] {
        guard case .array(let items) = self else { throw wrongType(what, "array") }
        if items.count > max {
            throw CBORError(kind: .tooLong, detail: "\(what): expected at most \(max) items, got \(items.count)")
        }
        return items
    }
}
