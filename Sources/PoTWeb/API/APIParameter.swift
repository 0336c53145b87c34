import Hummingbird

/// A path or query parameter as one definition: what the OpenAPI document says of it and the
/// check the server makes. A value outside the declared limits answers 400 before anything
/// else looks at it.
package struct APIParameter: Sendable {
    package enum Location: String, Sendable { case path, query }

    let name: String
    let location: Location
    let description: String
    let schema: JSONValue
    /// What the value names, for refusals: "block id", "height".
    let noun: String
    private let constraints: SchemaConstraints

    package init(name: String, location: Location, description: String, schema: JSONValue, noun: String) {
        self.name = name
        self.location = location
        self.description = description
        self.schema = schema
        self.noun = noun
        constraints = SchemaConstraints(schema)
    }

    /// The parameter object of the OpenAPI document.
    package var document: JSONValue {
        ["name": .string(name), "in": .string(location.rawValue), "required": true, "description": .string(description), "schema": schema]
    }

    /// `text` when it keeps the declared limits; otherwise a 400 saying which.
    package func check(_ text: String) throws -> String {
        if let problem = constraints.violation(text) {
            throw WebError.badRequest("'\(text.prefix(80))' is not a \(noun) (\(problem))")
        }
        return text
    }

    /// The checked value of this path parameter of the matched route.
    package func value(_ context: WebContext) throws -> String { try check(try context.parameters.require(name)) }
}

/// Every parameter of the API, each with its limits.
enum APIParameters {
    /// A block id, or a unique prefix of at least 4 hex digits.
    static let blockId = APIParameter(
        name: "id", location: .path, description: "A block id, or a unique prefix of at least 4 hexadecimal digits.",
        schema: ["type": "string", "pattern": "^[0-9a-fA-F]{4,64}$"], noun: "block id")
    /// A height from 1 to the largest signed 64-bit integer.
    static let height = APIParameter(
        name: "height", location: .path, description: "A height of at least 1.",
        schema: Schema.whole(from: 1), noun: "height")
    /// A label (1-64 letters, digits, '-', '_' or '.', not starting with '.'), or a public key in 64 hex digits.
    static let account = APIParameter(
        name: "account", location: .path,
        description: "A label (1-64 letters, digits, '-', '_' or '.', not starting with '.'), or a public key in 64 hexadecimal digits.",
        schema: Schema.labelOrKey, noun: "label or public key")
    /// What to search for: 1-128 characters, at least one of them neither a space nor a tab.
    static let query = APIParameter(
        name: "q", location: .query,
        description: "What to look for: 1-128 characters, not only spaces and tabs (those around it are ignored).",
        schema: ["type": "string", "minLength": 1, "maxLength": 128, "pattern": "[^\\t ]"], noun: "search")
}
