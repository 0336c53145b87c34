/// The part of the OpenAPI document one route group contributes: its paths and the schemas
/// they name.
public struct OpenAPIFragment: Sendable {
    public var paths: [String: JSONValue]
    public var schemas: [String: JSONValue]

    public init(paths: [String: JSONValue] = [:], schemas: [String: JSONValue] = [:]) {
        self.paths = paths
        self.schemas = schemas
    }

    /// Both fragments' paths and schemas.
    func merging(_ other: OpenAPIFragment) -> OpenAPIFragment {
        OpenAPIFragment(paths: paths.merging(other.paths) { _, b in b }, schemas: schemas.merging(other.schemas) { _, b in b })
    }
}

/// Builds operations and the whole document.
package enum OpenAPI {
    static let version = "1.0.0"

    package static func jsonContent(_ schema: JSONValue) -> JSONValue { ["application/json": ["schema": schema]] }

    /// A response whose body is `schema` (a component name), with the links a client (or a
    /// fuzzer) can follow from it.
    package static func response(_ description: String, schema: String, links: [Link] = []) -> JSONValue {
        var response: [String: JSONValue] = ["description": .string(description), "content": jsonContent(Schema.ref(schema))]
        if !links.isEmpty { response["links"] = .object(Dictionary(uniqueKeysWithValues: links.map { ($0.name, $0.document) })) }
        return .object(response)
    }

    /// A value of a response that fills a parameter of another operation.
    package struct Link: Sendable {
        let name: String
        let operationId: String
        let parameter: String
        /// A JSON pointer into the response's body.
        let pointer: String
        let description: String

        package init(_ name: String, to operationId: String, parameter: String, from pointer: String, _ description: String) {
            self.name = name
            self.operationId = operationId
            self.parameter = parameter
            self.pointer = pointer
            self.description = description
        }

        var document: JSONValue {
            ["operationId": .string(operationId), "parameters": [parameter: .string("$response.body#\(pointer)")],
             "description": .string(description)]
        }
    }

    package static func errorResponse(_ description: String) -> JSONValue { response(description, schema: "Error") }

    /// One operation. `responses` maps status codes to response objects.
    package static func operation(id: String, summary: String, description: String, tag: String, parameters: [JSONValue] = [],
                          requestBody: JSONValue? = nil, responses: [String: JSONValue], security: Bool = false) -> JSONValue {
        var op: [String: JSONValue] = [
            "operationId": .string(id), "summary": .string(summary), "description": .string(description),
            "tags": [.string(tag)], "responses": .object(responses),
        ]
        if !parameters.isEmpty { op["parameters"] = .array(parameters) }
        if let requestBody { op["requestBody"] = requestBody }
        if security { op["security"] = [["bearerToken": []]] }
        return .object(op)
    }

    static let errorSchema = Schema.object(["error": Schema.string], description: "Why the request was refused, in one line.")

    /// The whole document from the route groups' fragments.
    static func document(_ fragments: [OpenAPIFragment]) -> JSONValue {
        var paths: JSONValue = [:]
        var schemas: JSONValue = .object(SharedSchemas.all.merging(["Error": errorSchema]) { a, _ in a })
        for fragment in fragments {
            paths = paths.merging(.object(fragment.paths))
            schemas = schemas.merging(.object(fragment.schemas))
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "pot-web",
                "version": .string(version),
                "description": "The read API of a Proof of Trust chain and, for the keys a server unlocks, the signing of votes, transfers and bets. Every page of the explorer has a JSON twin here. Errors are JSON objects with one field, error.",
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": [
                "schemas": schemas,
                "securitySchemes": [
                    "bearerToken": [
                        "type": "http", "scheme": "bearer",
                        "description": "The token pot-web prints at start when it unlocks keys (and writes to --token-file).",
                    ],
                ],
            ],
        ]
    }
}
