import Foundation
import Hummingbird
import HummingbirdTesting
import PoTTestSupport
import PoTWeb
import Testing

@Suite("The JSON API on the walkthrough's chain")
struct APITests {
    @Test("WEB-TWIN: every page has a JSON twin, and every documented GET route answers with its documented schema")
    func routesMatchTheirSchemas() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let market = try chain.declareMarket()
        let game = try chain.openGame()
        let task = try chain.postTask()
        try chain.registerAgent()
        let fixture = try await WebFixture(chain: chain)
        try await fixture.test { client in
            let document = try await client.openAPIDocument()
            #expect(document["openapi"]?.string == "3.1.0")
            let check = JSONSchemaCheck(document: document)
            var checked = 0
            for (path, item) in document["paths"]!.object.sorted(by: { $0.key < $1.key }) {
                guard let get = item["get"], path != "/api/events" else { continue }
                let uri = exampleURI(path, chain: chain, market: market, game: game, task: task)
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri): \(response.status)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri)")
                let schema = get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!
                let problems = check.errors(try response.json(), schema)
                #expect(problems.isEmpty, "\(uri): \(problems)")
                checked += 1
            }
            #expect(checked >= 6)
            // Each page and its twin.
            for (page, twin) in [("/", "/api/status"), ("/blocks/\(chain.a)", "/api/blocks/\(chain.a)"), ("/heights/1", "/api/heights/1"),
                                 ("/accounts/alice", "/api/accounts/alice"), ("/search?q=zzz", "/api/search?q=zzz"),
                                 ("/markets", "/api/markets"), ("/markets/\(market)", "/api/markets/\(market)"),
                                 ("/membership", "/api/membership"), ("/membership/games/\(game)", "/api/membership/games/\(game)"),
                                 ("/contracts", "/api/contracts"), ("/contracts/\(task)", "/api/contracts/\(task)"),
                                 ("/agents", "/api/agents"), ("/agents/lab-agent", "/api/agents/lab-agent")] {
                let html = try await client.execute(uri: page, method: .get)
                #expect(html.status == .ok, "\(page)")
                #expect(html.headers[.contentType] == "text/html; charset=utf-8", "\(page)")
                #expect(html.text.contains("href=\"\(twin)\""), "\(page) does not link its twin \(twin)")
                #expect(try await client.execute(uri: twin, method: .get).status == .ok, "\(twin)")
            }
            // The error schema of a documented refusal.
            let refused = try await client.execute(uri: "/api/blocks/zz", method: .get)
            #expect(check.errors(try refused.json(), .object(["$ref": .string("#/components/schemas/Error")])).isEmpty)
        }
    }

    @Test("WEB-LINKS: every link of the document names a declared operation and parameter, and followed from its response on a chain with an object of each module leads to a 200")
    func linksLeadToTheirOperations() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        _ = try chain.declareMarket()
        _ = try chain.openGame()
        _ = try chain.postTask()
        try chain.registerAgent()
        let fixture = try await WebFixture(chain: chain)
        try await fixture.test { client in
            let document = try await client.openAPIDocument()
            var operations: [String: (path: String, parameters: Set<String>)] = [:]
            for (path, item) in document["paths"]!.object {
                for (_, operation) in item.object {
                    guard let id = operation["operationId"]?.string else { continue }
                    operations[id] = (path, Set(operation["parameters"]?.array.compactMap { $0["name"]?.string } ?? []))
                }
            }
            var followed = 0
            for (path, item) in document["paths"]!.object.sorted(by: { $0.key < $1.key }) {
                guard let links = item["get"]?["responses"]?["200"]?["links"]?.object else { continue }
                let body = try await client.execute(uri: path, method: .get).json()
                for (name, link) in links.sorted(by: { $0.key < $1.key }) {
                    let target = try #require(link["operationId"]?.string.flatMap { operations[$0] }, "\(path) \(name): no such operation")
                    let parameters = link["parameters"]!.object
                    #expect(parameters.count == 1 && Set(parameters.keys).isSubset(of: target.parameters), "\(path) \(name)")
                    let (parameter, expression) = try #require(parameters.first)
                    let pointer = try #require(expression.string?.split(separator: "#", maxSplits: 1).last, "\(path) \(name)")
                    var value: JSON? = body
                    for step in pointer.split(separator: "/") { value = Int(step).map { value?[$0] } ?? value?[String(step)] }
                    let text = try #require(value?.string ?? value?.int.map(String.init), "\(path) \(name): \(pointer) is not in the response")
                    let uri = target.path.replacingOccurrences(of: "{\(parameter)}", with: text)
                    #expect(try await client.execute(uri: uri, method: .get).status == .ok, "\(path) \(name) -> \(uri)")
                    followed += 1
                }
            }
            #expect(followed == 7, "links followed: \(followed)")
        }
    }

    @Test("WEB-TWIN: docs/api.md holds exactly the OpenAPI document the server serves")
    func documentationHoldsTheServedDocument() async throws {
        let chain = try WalkthroughChain.make(finish: false)
        defer { chain.remove() }
        let fixture = try await WebFixture(chain: chain)
        let served = try await fixture.test { try await $0.execute(uri: "/api/openapi.json", method: .get).text }
        let doc = try TestEnvironment.read("docs/api.md")
        let blocks = doc.components(separatedBy: "```json\n")
        #expect(blocks.count == 2, "docs/api.md should hold one json block, the document")
        let kept = blocks.count > 1 ? blocks[1].components(separatedBy: "```")[0] : ""
        #expect(kept == served, "docs/api.md is out of date: regenerate it with pot-web --print-openapi")
    }

    @Test("WEB-MODEL: the API shows the walkthrough's W(A) = 12 000, W(B) = 7 250, Δ = +405 / -182 / -1792 and balances")
    func figuresOfTheWalkthrough() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let fixture = try await WebFixture(chain: chain)
        let finalize = try JSON.parse(try chain.pot(["finalize", "--json"]))
        try await fixture.test { client in
            let height = try await client.execute(uri: "/api/heights/1", method: .get).json()
            #expect(height["status"]?.string == "final")
            #expect(height["canonical"]?.string == chain.a)
            let weights = Dictionary(uniqueKeysWithValues: height["tally"]!["candidates"]!.array.map { ($0["id"]!.string!, $0["weight_mt_ppm"]!.string!) })
            #expect(weights == [chain.a: "12000000000", chain.b: "7250000000"])
            let final = height["finalization"]!
            let deltas = Dictionary(uniqueKeysWithValues: final["scores"]!.array.map { ($0["voter_label"]!.string!, $0["delta_mt"]!.int!) })
            #expect(deltas == ["alice": 405, "bob": -182, "carol": -1792])
            // The same report as pot finalize --json prints.
            let reported = finalize["heights"]![0]!
            for key in ["winner", "total_trust_mt", "winner_weight_mt_ppm", "information_nats"] {
                #expect(final[key] == reported[key], "\(key)")
            }
            let status = try await client.execute(uri: "/api/status", method: .get).json()
            #expect(status["tip"]?["height"]?.int == 3)
            #expect(status["finalized_height"]?.int == 1)
            let balances = Dictionary(uniqueKeysWithValues: status["accounts"]!.array.map { ($0["label"]!.string!, $0["balance_mt"]!.int!) })
            #expect(balances == ["alice": 10405, "bob": 4818, "carol": 3208])
            // The same tip and accounts as pot status --json.
            let cli = try JSON.parse(try chain.pot(["status", "--json"]))
            #expect(status["tip"] == cli["tip"])
            let alice = try await client.execute(uri: "/api/accounts/alice", method: .get).json()
            #expect(alice["history"]!.array.map { [$0["height"]!.int!, $0["balance_mt"]!.int!] } == [[0, 10000], [3, 10405]])
            #expect(alice["scores"]![0]!["delta_mt"]?.int == 405)
            #expect(alice["votes"]!.array.count == 1)
            let block = try await client.execute(uri: "/api/blocks/\(chain.b.prefix(10))", method: .get).json()
            #expect(block["id"]?.string == chain.b)
            #expect(block["status"]?.string == "orphaned")
        }
    }

    @Test("WEB-ERRORS: unknown ids answer 404 and malformed ones 400, each with a JSON error; pages answer the same in HTML")
    func refusals() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let fixture = try await WebFixture(chain: chain)
        let cases: [(String, HTTPResponse.Status)] = [
            ("/api/blocks/" + String(repeating: "f", count: 64), .notFound),
            ("/api/blocks/ffffffff", .notFound),
            ("/api/blocks/not-hex", .badRequest),
            ("/api/blocks/ab", .badRequest),
            ("/api/blocks/" + String(repeating: "a", count: 65), .badRequest),
            ("/api/heights/99", .notFound),
            ("/api/heights/0", .badRequest),
            ("/api/heights/9223372036854775808", .badRequest),
            ("/api/heights/one", .badRequest),
            ("/api/heights/-1", .badRequest),
            ("/api/accounts/nobody", .notFound),
            ("/api/accounts/" + String(repeating: "0", count: 64), .notFound),
            ("/api/accounts/bad!label", .badRequest),
            ("/api/search", .badRequest),
            ("/api/search?q=" + String(repeating: "x", count: 129), .badRequest),
            ("/api/no-such-thing", .notFound),
        ]
        try await fixture.test { client in
            for (uri, status) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == status, "\(uri)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri)")
                let error = try response.json()["error"]?.string ?? ""
                #expect(!error.isEmpty, "\(uri): \(response.text)")
            }
            let page = try await client.execute(uri: "/blocks/" + String(repeating: "f", count: 64), method: .get)
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("no block in this repository starts with"))
            let bad = try await client.execute(uri: "/heights/x", method: .get)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("is not a height"))
        }
    }

    @Test("WEB-SEARCH: search finds blocks by id prefix, accounts by label and heights by number; one hit redirects the page")
    func search() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let fixture = try await WebFixture(chain: chain)
        try await fixture.test { client in
            let byId = try await client.execute(uri: "/api/search?q=\(chain.a.prefix(8).uppercased())", method: .get).json()
            #expect(byId["results"]!.array.contains { $0["kind"]?.string == "block" && $0["title"]?.string == chain.a })
            let byLabel = try await client.execute(uri: "/api/search?q=CAR", method: .get).json()
            #expect(byLabel["results"]!.array.map { $0["href"]!.string! } == ["/accounts/carol"])
            let byHeight = try await client.execute(uri: "/api/search?q=2", method: .get).json()
            #expect(byHeight["results"]!.array.contains { $0["href"]?.string == "/heights/2" })
            let none = try await client.execute(uri: "/api/search?q=zzz", method: .get).json()
            #expect(none["results"]!.array.isEmpty)
            let redirect = try await client.execute(uri: "/search?q=carol", method: .get)
            #expect(redirect.status == .seeOther)
            #expect(redirect.headers[.location] == "/accounts/carol")
        }
    }

    @Test("WEB-ESCAPE: a memo full of markup is shown as text, and every page forbids scripts from elsewhere")
    func markupIsEscaped() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let memo = "<script>alert(\"x\")</script>&'"
        try chain.pot(["transfer", "--as", "bob", "--to", "carol", "--amount", "5", "--memo", memo])
        let fixture = try await WebFixture(chain: chain)
        try await fixture.test { client in
            for uri in ["/", "/accounts/bob", "/accounts/carol"] {
                let page = try await client.execute(uri: uri, method: .get)
                #expect(!page.text.contains("<script>alert"), "\(uri) carries the memo as markup")
                #expect(page.text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"), "\(uri)")
                #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
            let json = try await client.execute(uri: "/api/accounts/bob", method: .get).json()
            #expect(json["transfers"]![0]!["memo"]?.string == memo)
        }
    }

    @Test("WEB-READONLY: serving every page and document changes no ref and no file of the repository")
    func readingChangesNothing() async throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        try chain.pot(["propose", "--as", "bob", "--timestamp", "1700000400"])
        try chain.pot(["transfer", "--as", "bob", "--to", "carol", "--amount", "5"])
        let before = try chain.refsAndFiles()
        let fixture = try await WebFixture(chain: chain)
        try await fixture.test { client in
            for uri in ["/", "/api/status", "/blocks/\(chain.a)", "/api/blocks/\(chain.b)", "/heights/4", "/api/heights/1",
                        "/accounts/alice", "/api/accounts/carol", "/search?q=a", "/api/search?q=1", "/api/openapi.json",
                        "/assets/pot.css", "/assets/live.js"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok || response.status == .seeOther, "\(uri)")
            }
            try await fixture.reader.refresh()
        }
        let after = try chain.refsAndFiles()
        let changed = Set(after.split(separator: "\n")).symmetricDifference(before.split(separator: "\n"))
        #expect(changed.isEmpty, "changed: \(changed.sorted())")
    }
}
