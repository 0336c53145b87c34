import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PoTTestSupport
import PoTWeb
import Testing

/// Walks the served OpenAPI document and holds the server to it: the limits of every parameter
/// and the methods of every path.
@Suite("The API keeps what its document declares")
struct APIContractTests {
    /// Characters sent as they are in a URL; everything else is percent-encoded.
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved)! }

    /// Values to try for a parameter: awkward ones, those of the chain in `known`, and those at
    /// and beyond each length and range the schema declares.
    static func probes(_ schema: JSON, known: [String]) -> [String] {
        var values = known + [
            "a", "abc", "abcd", "ABCD", "ffff", "zzzz", "alice", "Carol", "bad!label", ".hidden", "-x", "_x", "x.y", "é", "日本",
            " ", "\t", " carol ", "a b", "%", "'", "<b>", String(repeating: "f", count: 63), String(repeating: "f", count: 64),
            String(repeating: "f", count: 65), String(repeating: "0", count: 64), String(repeating: "x", count: 65),
            "0", "1", "2", "-1", "01", "+1", "1.5", "1e3", "99", "9223372036854775807", "9223372036854775808", "18446744073709551616",
        ]
        for key in ["minLength", "maxLength"] {
            guard let n = schema[key]?.int else { continue }
            for length in [n - 1, n, n + 1] where length > 0 {
                values += [String(repeating: "x", count: Int(length)), String(repeating: "é", count: Int(length))]
            }
        }
        for key in ["minimum", "maximum"] {
            guard let n = schema[key]?.int else { continue }
            values += [String(n - 1), String(n)] + (n < Int64.max ? [String(n + 1)] : [])
        }
        return values
    }

    /// Whether the text of a path or query value keeps its schema.
    static func conforms(_ text: String, _ schema: JSON, _ check: JSONSchemaCheck) -> Bool {
        if schema["type"]?.string == "integer" {
            guard text.wholeMatch(of: /-?[0-9]+/) != nil, let n = Int64(text) else { return false }
            return check.errors(.integer(n), schema).isEmpty
        }
        return check.errors(.string(text), schema).isEmpty
    }

    @Test("WEB-LIMITS: for every parameter of the document, values within its declared limits are never answered 400 and values outside them always are")
    func parameterLimitsHold() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let market = try chain.declareMarket()
        let fixture = try await WebFixture(chain: chain)
        try await fixture.test { client in
            let document = try await client.openAPIDocument()
            let check = JSONSchemaCheck(document: document)
            let known = [
                "/api/blocks/{id}": [chain.a, String(chain.a.prefix(4)), chain.b.uppercased()],
                "/api/markets/{id}": [market, String(market.prefix(6))],
                "/api/heights/{height}": ["1", "3"],
                "/api/accounts/{account}": ["alice", "carol"],
                "/api/search": ["carol", String(chain.a.prefix(6)), "2"],
            ]
            var parameters = 0
            for (path, item) in document["paths"]!.object.sorted(by: { $0.key < $1.key }) {
                for (method, operation) in item.object {
                    for parameter in operation["parameters"]?.array ?? [] {
                        let name = parameter["name"]!.string!, schema = parameter["schema"]!
                        let inPath = parameter["in"]?.string == "path"
                        var tried = (conforming: 0, violating: 0)
                        for value in Self.probes(schema, known: known[path] ?? []) where !(inPath && value.isEmpty) {
                            let uri = inPath ? path.replacingOccurrences(of: "{\(name)}", with: Self.encode(value)) : "\(path)?\(name)=\(Self.encode(value))"
                            let response = try await client.execute(uri: uri, method: HTTPRequest.Method(method.uppercased())!)
                            if Self.conforms(value, schema, check) {
                                tried.conforming += 1
                                #expect(response.status != .badRequest, "\(uri) keeps the declared limits but was answered 400: \(response.text)")
                                #expect(response.status.code < 500, "\(uri): \(response.status)")
                            } else {
                                tried.violating += 1
                                #expect(response.status == .badRequest, "\(uri) breaks the declared limits but was answered \(response.status)")
                                #expect(try response.json()["error"]?.string?.isEmpty == false, "\(uri)")
                            }
                        }
                        #expect(tried.conforming > 0 && tried.violating > 0, "\(path) \(name): \(tried)")
                        parameters += 1
                    }
                }
            }
            #expect(parameters >= 5)
            // A form sends a space as '+': a query of only a space is blank.
            #expect(try await client.execute(uri: "/api/search?q=+", method: .get).status == .badRequest)
            let spaced = try await client.execute(uri: "/api/search?q=+carol+", method: .get).json()
            #expect(spaced["query"]?.string == "carol")
        }
    }

    @Test("WEB-LIMITS: every whole-number and patterned field of a signing request is refused with 400 outside its declared limits and taken as well formed within them")
    func requestFieldRangesHold() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let market = try chain.declareMarket()
        let c = try Run.pot(["propose", "--as", "bob", "--timestamp", "1700000500"], in: chain.directory).lastLine
        let fixture = try await WebFixture(chain: chain, unlock: ["carol"])
        // Well-formed bodies, field by field as JSON text.
        let bases: [String: [String: String]] = [
            "/api/sign/vote": ["as": #""carol""#, "height": "5", "candidates": #"["\#(c)"]"#, "probs_ppm": "[1000000, 0]"],
            "/api/sign/transfer": ["as": #""carol""#, "to": #""alice""#, "amount_mt": "1", "nonce": "1"],
            "/api/sign/bet": ["as": #""carol""#, "market": #""\#(market)""#, "probs_ppm": "[500000, 500000]"],
        ]
        try await fixture.test { client in
            let document = try await client.openAPIDocument()
            let check = JSONSchemaCheck(document: document)
            var checked = 0
            for (path, base) in bases.sorted(by: { $0.key < $1.key }) {
                let ref = document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.string!
                let schema = document["components"]!["schemas"]![String(ref.split(separator: "/").last!)]!
                for (name, property) in schema["properties"]!.object {
                    // Each case: the field's value as JSON text, and whether the document admits it.
                    var cases: [(json: String, admitted: Bool)] = []
                    if property["type"]?.string == "integer" {
                        guard let minimum = property["minimum"]?.int, let maximum = property["maximum"]?.int else {
                            Issue.record("\(path) \(name) declares no range")
                            continue
                        }
                        cases = [(String(minimum), true), (String(maximum), true), (String(minimum - 1), false),
                                 (maximum == Int64.max ? "9223372036854775808" : String(maximum + 1), false)]
                    } else if property["type"]?.string == "string", property["pattern"] != nil {
                        cases = try Self.probes(property, known: []).map { value in
                            (String(decoding: try JSONEncoder().encode(value), as: UTF8.self), Self.conforms(value, property, check))
                        }
                    } else {
                        continue
                    }
                    for (json, admitted) in cases {
                        var fields = base
                        fields[name] = json
                        let body = "{" + fields.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
                        let response = try await client.execute(uri: path, method: .post, headers: signingHeaders(), body: ByteBuffer(string: body))
                        if admitted {
                            #expect(response.status != .badRequest, "\(path) \(name) = \(json): \(response.text)")
                        } else {
                            #expect(response.status == .badRequest, "\(path) \(name) = \(json): \(response.status)")
                        }
                    }
                    checked += 1
                }
            }
            #expect(checked >= 7)
        }
    }

    /// A request of `method` to `uri` as a program would send it, with the token when there is one.
    static func send(_ client: any TestClientProtocol, _ uri: String, _ method: HTTPRequest.Method, token: String?) async throws -> TestResponse {
        method == .post
            ? try await client.execute(uri: uri, method: method, headers: signingHeaders(token: token), body: ByteBuffer(string: "{}"))
            : try await client.execute(uri: uri, method: method)
    }

    @Test("WEB-405: every declared method of a path is answered, and any other method answers 405 with an Allow header naming the declared ones")
    func undeclaredMethodsAnswer405() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let market = try chain.declareMarket()
        let game = try chain.openGame()
        let task = try chain.postTask()
        try chain.registerAgent()
        for unlock in [[], ["carol"]] {
            let fixture = try await WebFixture(chain: chain, unlock: unlock)
            try await fixture.test { client in
                let document = try await client.openAPIDocument()
                var paths = 0
                for (path, item) in document["paths"]!.object.sorted(by: { $0.key < $1.key }) {
                    let uri = exampleURI(path, chain: chain, market: market, game: game, task: task)
                    let declared = Set(item.object.keys.map { $0.uppercased() })
                    let allowed = declared.contains("GET") ? declared.union(["HEAD"]) : declared
                    for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch, .options, .trace, .head] {
                        if allowed.contains(method.rawValue) {
                            guard path != "/api/events" else { continue }  // a stream that does not end
                            let response = try await Self.send(client, uri, method, token: unlock.isEmpty ? nil : WebFixture.token.value)
                            #expect(response.status != .methodNotAllowed && response.status != .notFound, "\(method) \(uri): \(response.status)")
                            continue
                        }
                        let response = try await Self.send(client, uri, method, token: unlock.isEmpty ? nil : WebFixture.token.value)
                        #expect(response.status == .methodNotAllowed, "\(method) \(uri): \(response.status)")
                        let allow = Set((response.headers[.allow] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                        #expect(allow == allowed, "\(method) \(uri): Allow \(allow)")
                        if method != .head { #expect(try response.json()["error"]?.string?.contains(method.rawValue) == true) }
                    }
                    paths += 1
                }
                #expect(paths >= 10)
                // Pages too, answered in HTML; a path without routes stays 404.
                let page = try await client.execute(uri: "/blocks/\(chain.a)", method: .delete)
                #expect(page.status == .methodNotAllowed)
                #expect(page.headers[.allow] == "GET, HEAD")
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                #expect(try await client.execute(uri: "/api/nothing", method: .delete).status == .notFound)
                #expect(try await client.execute(uri: "/api/sign/other", method: .post, headers: signingHeaders()).status == .notFound)
            }
        }
    }
}
