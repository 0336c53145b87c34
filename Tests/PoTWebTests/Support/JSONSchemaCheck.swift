import Foundation

/// A JSON value as decoded, keeping booleans, integers and other numbers apart.
indirect enum JSON: Decodable, Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .integer(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSON].self)) }
    }

    static func parse(_ text: String) throws -> JSON { try JSONDecoder().decode(JSON.self, from: Data(text.utf8)) }

    subscript(key: String) -> JSON? { if case .object(let o) = self { return o[key] } else { return nil } }
    subscript(index: Int) -> JSON? { if case .array(let a) = self, index < a.count { return a[index] } else { return nil } }
    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var int: Int64? { if case .integer(let i) = self { return i } else { return nil } }
    var array: [JSON] { if case .array(let a) = self { return a } else { return [] } }
    var object: [String: JSON] { if case .object(let o) = self { return o } else { return [:] } }
}

/// Checks a JSON value against the subset of JSON Schema the OpenAPI document uses: type,
/// required, properties, additionalProperties: false, items, enum, pattern, minLength, maxLength, minimum, maximum,
/// oneOf and $ref. Returns what does not match, with the path of each.
struct JSONSchemaCheck {
    let components: [String: JSON]

    init(document: JSON) { components = document["components"]?["schemas"]?.object ?? [:] }

    func errors(_ value: JSON, _ schema: JSON, path: String = "$") -> [String] {
        if let ref = schema["$ref"]?.string {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = components[name] else { return ["\(path): unknown schema \(ref)"] }
            return errors(value, target, path: path)
        }
        if let options = schema["oneOf"]?.array, !options.isEmpty {
            let matching = options.filter { errors(value, $0, path: path).isEmpty }
            return matching.count == 1 ? [] : ["\(path): matches \(matching.count) of the oneOf schemas"]
        }
        if let type = schema["type"]?.string, !matches(value, type) { return ["\(path): expected \(type), got \(value)"] }
        var problems: [String] = []
        if let allowed = schema["enum"]?.array.compactMap(\.string), case .string(let s) = value, !allowed.contains(s) {
            problems.append("\(path): '\(s)' is not one of \(allowed)")
        }
        if let pattern = schema["pattern"]?.string, case .string(let s) = value, s.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): '\(s)' does not match \(pattern)")
        }
        if case .string(let s) = value {
            // Lengths count code points, as JSON Schema does.
            if let minimum = schema["minLength"]?.int, s.unicodeScalars.count < minimum { problems.append("\(path): shorter than \(minimum)") }
            if let maximum = schema["maxLength"]?.int, s.unicodeScalars.count > maximum { problems.append("\(path): longer than \(maximum)") }
        }
        if case .integer(let n) = value {
            if let minimum = schema["minimum"]?.int, n < minimum { problems.append("\(path): \(n) is below \(minimum)") }
            if let maximum = schema["maximum"]?.int, n > maximum { problems.append("\(path): \(n) is above \(maximum)") }
        }
        if case .object(let object) = value {
            let properties = schema["properties"]?.object ?? [:]
            for key in schema["required"]?.array.compactMap(\.string) ?? [] where object[key] == nil {
                problems.append("\(path): missing required \(key)")
            }
            for (key, item) in object {
                if let sub = properties[key] {
                    problems += errors(item, sub, path: "\(path).\(key)")
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append("\(path): undocumented property \(key)")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { problems += errors(item, itemSchema, path: "\(path)[\(i)]") }
        }
        return problems
    }

    private func matches(_ value: JSON, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("null", .null), ("boolean", .bool), ("integer", .integer): return true
        // JSON Schema's numbers include its integers.
        case ("number", .number), ("number", .integer): return true
        default: return false
        }
    }
}
