/// JSON Schema (as OpenAPI 3.1 uses it) for the documents the API returns.
package enum Schema {
    package static let string: JSONValue = ["type": "string"]
    package static let integer: JSONValue = ["type": "integer", "minimum": 0]
    package static let signedInteger: JSONValue = ["type": "integer"]
    package static let boolean: JSONValue = ["type": "boolean"]
    /// 64 lower-case hex digits: block, vote and transfer ids, public keys.
    package static let hex64: JSONValue = ["type": "string", "pattern": "^[0-9a-f]{64}$"]
    /// A git object id.
    package static let oid: JSONValue = ["type": "string", "pattern": "^[0-9a-f]{40}$"]
    /// A whole number too large for every JSON reader, written as decimal digits.
    package static let bigInteger: JSONValue = ["type": "string", "pattern": "^[0-9]+$"]
    /// Nats with six decimals, e.g. "0.405465" or "-1.791759".
    package static let nats: JSONValue = ["type": "string", "pattern": "^[-+]?[0-9]+\\.[0-9]{6}$"]
    package static let ppm: JSONValue = ["type": "integer", "minimum": 0, "maximum": 1_000_000]
    /// A label (1-64 letters, digits, '-', '_' or '.', not starting with '.') or a public key in 64 hex digits.
    package static let labelOrKey: JSONValue = ["type": "string", "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"]
    /// An id, or a prefix of it, in 1 to 64 hex digits of either case.
    package static let hexPrefix: JSONValue = ["type": "string", "pattern": "^[0-9a-fA-F]{1,64}$"]
    /// A whole number from `minimum` to 2^63 − 1, the largest a request may give.
    package static func whole(from minimum: Int) -> JSONValue { ["type": "integer", "minimum": .integer(minimum), "maximum": .integer(Int(Int64.max))] }

    package static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    package static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    package static func enumeration(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map(JSONValue.string))] }

    /// An object with exactly these properties; those not in `optional` are always present.
    package static func object(_ properties: [String: JSONValue], optional: Set<String> = [], description: String? = nil) -> JSONValue {
        var schema: [String: JSONValue] = [
            "type": "object",
            "properties": .object(properties),
            "required": .array(properties.keys.filter { !optional.contains($0) }.sorted().map(JSONValue.string)),
            "additionalProperties": false,
        ]
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    package static func withDescription(_ schema: JSONValue, _ text: String) -> JSONValue {
        guard case .object(var fields) = schema else { return schema }
        fields["description"] = .string(text)
        return .object(fields)
    }
}
