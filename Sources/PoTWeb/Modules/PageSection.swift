/// A module's section of a page and of the page's JSON twin: `json` is encoded under `key`,
/// `html` goes into the page.
package struct PageSection: Sendable {
    package let key: String
    package let json: any Encodable & Sendable
    package let html: HTML

    package init(key: String, json: any Encodable & Sendable, html: HTML) {
        self.key = key
        self.json = json
        self.html = html
    }
}

/// Where a module's section sits in a document of the OpenAPI description, and its schema.
package struct SectionSchema: Sendable {
    package let key: String
    package let schema: JSONValue

    package init(key: String, schema: JSONValue) {
        self.key = key
        self.schema = schema
    }
}

/// Encodes a fixed part of a document and the modules' sections beside it, as one object.
struct SectionKey: CodingKey {
    let stringValue: String
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

/// A document with the modules' sections beside its own fields, encoded as one object.
struct WithSections<Document: Encodable & Sendable>: Encodable, Sendable {
    let document: Document
    let sections: [PageSection]

    func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
        try sections.encode(to: encoder)
    }
}

extension Array where Element == PageSection {
    /// Encodes each section under its key in `encoder`'s keyed container.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SectionKey.self)
        for section in self { try container.encode(section.json, forKey: SectionKey(section.key)) }
    }

    var html: HTML { HTML.join(map(\.html), separator: "\n") }
}
