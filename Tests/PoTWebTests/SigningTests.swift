import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PoTTestSupport
import PoTWeb
import Testing

@Suite("Signing through the API")
struct SigningTests {
    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    /// The walkthrough's chain plus a candidate C at height 4, for votes to name.
    static func chainWithCandidate() throws -> (WalkthroughChain, String) {
        let chain = try WalkthroughChain.make()
        let c = try Run.pot(["propose", "--as", "bob", "--timestamp", "1700000400"], in: chain.directory).lastLine
        return (chain, c)
    }

    @Test("WEB-TOKEN: signing without the token or with a wrong one answers 401 and stores nothing")
    func tokenIsRequired() async throws {
        let (chain, c) = try Self.chainWithCandidate()
        defer { chain.remove() }
        let fixture = try await WebFixture(chain: chain, unlock: ["carol"])
        let before = try chain.refsAndFiles()
        let vote = Self.body(#"{"as": "carol", "height": 4, "candidates": ["\#(c)"], "probs_ppm": [1000000, 0]}"#)
        try await fixture.test { client in
            for headers in [signingHeaders(token: nil), signingHeaders(token: "wrong"), signingHeaders(token: String(repeating: "ab", count: 31) + "ac"),
                            signingHeaders(token: nil, extra: [.authorization: "Basic YWxpY2U6eA=="])] {
                let response = try await client.execute(uri: "/api/sign/vote", method: .post, headers: headers, body: vote)
                #expect(response.status == .unauthorized, "\(headers)")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(try response.json()["error"]?.string?.isEmpty == false)
            }
        }
        #expect(try chain.refsAndFiles() == before)
    }

    @Test("WEB-BEARER: the bearer scheme is named in any case and may be followed by several spaces; the token itself must match exactly")
    func bearerSchemeIgnoresCase() async throws {
        let (chain, _) = try Self.chainWithCandidate()
        defer { chain.remove() }
        let fixture = try await WebFixture(chain: chain, unlock: ["carol"])
        let token = WebFixture.token.value
        try await fixture.test { client in
            for (index, authorization) in ["bearer \(token)", "BEARER \(token)", "BeArEr   \(token)"].enumerated() {
                let transfer = Self.body(#"{"as": "carol", "to": "alice", "amount_mt": \#(index + 1)}"#)
                let response = try await client.execute(uri: "/api/sign/transfer", method: .post,
                                                         headers: signingHeaders(token: nil, extra: [.authorization: authorization]), body: transfer)
                #expect(response.status == .created, "\(authorization): \(response.text)")
            }
            let before = try chain.refsAndFiles()
            for authorization in ["Bearer \(token.uppercased())", "Bearer\(token)", "Bearer", "Bearer ", "Token \(token)"] {
                let transfer = Self.body(#"{"as": "carol", "to": "alice", "amount_mt": 9}"#)
                let response = try await client.execute(uri: "/api/sign/transfer", method: .post,
                                                         headers: signingHeaders(token: nil, extra: [.authorization: authorization]), body: transfer)
                #expect(response.status == .unauthorized, "\(authorization)")
            }
            #expect(try chain.refsAndFiles() == before)
        }
    }

    @Test("WEB-SAMESITE: cross-site requests answer 403 and bodies not sent as JSON 415, storing nothing")
    func crossSiteIsRefused() async throws {
        let (chain, c) = try Self.chainWithCandidate()
        defer { chain.remove() }
        let fixture = try await WebFixture(chain: chain, unlock: ["carol"])
        let before = try chain.refsAndFiles()
        let vote = Self.body(#"{"as": "carol", "height": 4, "candidates": ["\#(c)"], "probs_ppm": [1000000, 0]}"#)
        try await fixture.test { client in
            let crossSite: [HTTPFields] = [
                signingHeaders(extra: [.origin: "http://evil.example"]),
                signingHeaders(extra: [.origin: "null"]),
                signingHeaders(extra: [.origin: "http://localhost:9999"]),
                signingHeaders(extra: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]),
                signingHeaders(extra: [HTTPField.Name("Sec-Fetch-Site")!: "same-site"]),
            ]
            for headers in crossSite {
                let response = try await client.execute(uri: "/api/sign/vote", method: .post, headers: headers, body: vote)
                #expect(response.status == .forbidden, "\(headers)")
                #expect(try response.json()["error"]?.string?.contains("cross-site") == true)
            }
            for type in [nil, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"] {
                var headers = signingHeaders()
                headers[.contentType] = type
                let response = try await client.execute(uri: "/api/sign/vote", method: .post, headers: headers, body: vote)
                #expect(response.status == .unsupportedMediaType, "\(type ?? "no content type")")
            }
            // The site's own pages may sign (same origin), as may programs (no Origin at all).
            let sameOrigin = try await client.execute(uri: "/api/sign/vote", method: .post,
                                                      headers: signingHeaders(extra: [.origin: "http://localhost", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]), body: vote)
            #expect(sameOrigin.status == .created, "\(sameOrigin.text)")
        }
        #expect(try chain.refsAndFiles() != before)
    }

    @Test("WEB-UNLOCK: without --unlock the signing endpoints answer 401 without a bearer token and 404 with one; a key that was not unlocked answers 403")
    func onlyUnlockedKeysSign() async throws {
        let (chain, c) = try Self.chainWithCandidate()
        defer { chain.remove() }
        let vote = #"{"as": "alice", "height": 4, "candidates": ["\#(c)"], "probs_ppm": [1000000, 0]}"#
        let before = try chain.refsAndFiles()
        let readOnly = try await WebFixture(chain: chain)
        try await readOnly.test { client in
            for path in ["/api/sign/vote", "/api/sign/transfer", "/api/sign/bet"] {
                let response = try await client.execute(uri: path, method: .post, headers: signingHeaders(), body: Self.body(vote))
                #expect(response.status == .notFound)
                #expect(try response.json()["error"]?.string?.contains("--unlock") == true)
                for headers in [signingHeaders(token: nil), signingHeaders(token: nil, extra: [.authorization: "Basic YWxpY2U6eA=="])] {
                    let anonymous = try await client.execute(uri: path, method: .post, headers: headers, body: Self.body(vote))
                    #expect(anonymous.status == .unauthorized, "\(path) \(headers)")
                    #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                    #expect(try anonymous.json()["error"]?.string?.contains("--unlock") == true)
                }
            }
        }
        #expect(try chain.refsAndFiles() == before)
        let carolOnly = try await WebFixture(chain: chain, unlock: ["carol"])
        try await carolOnly.test { client in
            let response = try await client.execute(uri: "/api/sign/vote", method: .post, headers: signingHeaders(), body: Self.body(vote))
            #expect(response.status == .forbidden)
            #expect(try response.json()["error"]?.string == "'alice' is not unlocked on this server (unlocked: carol)")
        }
        await #expect(throws: (any Error).self) { _ = try await WebFixture(chain: chain, unlock: ["mallory"]) }
    }

    @Test("WEB-SIGN-VALID: a vote and a transfer signed through the API are stored, appear in the API and pass pot verify")
    func signedObjectsAppear() async throws {
        let (chain, c) = try Self.chainWithCandidate()
        defer { chain.remove() }
        let fixture = try await WebFixture(chain: chain, unlock: ["alice", "carol"])
        try await fixture.test { client in
            let vote = try await client.execute(
                uri: "/api/sign/vote", method: .post, headers: signingHeaders(),
                body: Self.body(#"{"as": "carol", "height": 4, "candidates": ["\#(c.prefix(10))"], "probs_ppm": [700000, 300000]}"#))
            #expect(vote.status == .created, "\(vote.text)")
            let signed = try vote.json()
            #expect(signed["candidates"]?.array == [.string(c)])
            #expect(signed["stored"] == .bool(true))
            let again = try await client.execute(
                uri: "/api/sign/vote", method: .post, headers: signingHeaders(),
                body: Self.body(#"{"as": "carol", "height": 4, "candidates": ["\#(c)"], "probs_ppm": [700000, 300000]}"#))
            #expect(again.status == .ok)
            #expect(try again.json()["stored"] == .bool(false))

            let height = try await client.execute(uri: "/api/heights/4", method: .get).json()
            let votes = height["tally"]!["votes"]!.array
            #expect(votes.count == 1)
            #expect(votes.first?["id"] == signed["id"])
            #expect(votes.first?["status"]?.string == "pending")
            #expect(height["tally"]!["candidates"]![0]!["weight_mt_ppm"]?.string == "\(3208 * 700000)")

            let transfer = try await client.execute(
                uri: "/api/sign/transfer", method: .post, headers: signingHeaders(),
                body: Self.body(#"{"as": "alice", "to": "carol", "amount_mt": 250, "memo": "thanks"}"#))
            #expect(transfer.status == .created, "\(transfer.text)")
            let sent = try transfer.json()
            #expect(sent["nonce"]?.int == 1)
            #expect(sent["to_label"]?.string == "carol")

            let status = try await client.execute(uri: "/api/status", method: .get).json()
            #expect(status["pending"]!["votes"]!.array.map { $0["id"] } == [signed["id"]])
            #expect(status["pending"]!["transfers"]!.array.map { $0["id"] } == [sent["id"]])
            let carol = try await client.execute(uri: "/api/accounts/carol", method: .get).json()
            #expect(carol["votes"]!.array.contains { $0["id"] == signed["id"] })
            #expect(carol["transfers"]!.array.contains { $0["id"] == sent["id"] })
        }
        // pot sees them too, and the next block carries them.
        let cli = try JSON.parse(try chain.pot(["status", "--json"]))
        #expect(cli["pending"]!["transfers"]!.array.count == 1)
        #expect(cli["pending"]!["votes"]!.array.count == 1)
        #expect(try chain.pot(["verify"]).hasPrefix("ok:"))
    }

    static let refusals: [(name: String, body: String, status: HTTPResponse.Status, message: String)] = [
        ("not JSON", "{as: carol", .badRequest, "not a JSON object"),
        ("missing field", #"{"as": "carol", "height": 4, "candidates": ["@C"]}"#, .badRequest, "missing field 'probs_ppm'"),
        ("unknown field", #"{"as": "carol", "height": 4, "candidates": ["@C"], "probs_ppm": [1000000, 0], "probs": [1]}"#, .badRequest, "unknown field 'probs'"),
        ("negative height", #"{"as": "carol", "height": -4, "candidates": ["@C"], "probs_ppm": [1000000, 0]}"#, .badRequest, "field 'height'"),
        ("fractional ppm", #"{"as": "carol", "height": 4, "candidates": ["@C"], "probs_ppm": [999999.5, 0.5]}"#, .badRequest, "field 'probs_ppm"),
        ("height as a string", #"{"as": "carol", "height": "4", "candidates": ["@C"], "probs_ppm": [1000000, 0]}"#, .badRequest, "field 'height' must be a whole number"),
        ("candidate not hex", #"{"as": "carol", "height": 4, "candidates": ["xyz"], "probs_ppm": [1000000, 0]}"#, .badRequest, "is not a block id"),
        ("probabilities not summing", #"{"as": "carol", "height": 4, "candidates": ["@C"], "probs_ppm": [500000, 400000]}"#, .unprocessableContent, "sum to 0.90"),
        ("too few probabilities", #"{"as": "carol", "height": 4, "candidates": ["@C"], "probs_ppm": [1000000]}"#, .unprocessableContent, "need 2 probabilities"),
        ("closed height", #"{"as": "carol", "height": 1, "candidates": ["@A"], "probs_ppm": [1000000, 0]}"#, .unprocessableContent, "height 1 is not open for voting"),
        ("height beyond the tip", #"{"as": "carol", "height": 9, "candidates": ["@C"], "probs_ppm": [1000000, 0]}"#, .unprocessableContent, "not open for voting"),
        ("unknown candidate", #"{"as": "carol", "height": 4, "candidates": ["0000000000000000"], "probs_ppm": [1000000, 0]}"#, .unprocessableContent, "no candidate block at height 4"),
        ("duplicate candidate", #"{"as": "carol", "height": 4, "candidates": ["@C", "@C"], "probs_ppm": [500000, 500000, 0]}"#, .unprocessableContent, "listed twice"),
        ("non-member voter", #"{"as": "dave", "height": 4, "candidates": ["@C"], "probs_ppm": [1000000, 0]}"#, .unprocessableContent, "dave is not a member"),
        ("second vote", #"{"as": "alice", "height": 4, "candidates": ["@C"], "probs_ppm": [0, 1000000]}"#, .conflict, "equivocation"),
    ]

    static let transferRefusals: [(name: String, body: String, status: HTTPResponse.Status, message: String)] = [
        ("overspend", #"{"as": "bob", "to": "alice", "amount_mt": 4819}"#, .unprocessableContent, "cannot send 4 819 mT"),
        ("replayed nonce", #"{"as": "carol", "to": "alice", "amount_mt": 1, "nonce": 1}"#, .conflict, "a replayed transfer is refused"),
        ("nonce gap", #"{"as": "bob", "to": "alice", "amount_mt": 1, "nonce": 5}"#, .unprocessableContent, "leaves a gap"),
        ("unknown recipient", #"{"as": "bob", "to": "nobody", "amount_mt": 1}"#, .unprocessableContent, "unknown account 'nobody'"),
        ("to oneself", #"{"as": "bob", "to": "bob", "amount_mt": 1}"#, .unprocessableContent, "to oneself"),
        ("nothing", #"{"as": "bob", "to": "alice", "amount_mt": 0}"#, .badRequest, "field 'amount_mt': expected at least 1"),
        ("long memo", #"{"as": "bob", "to": "alice", "amount_mt": 1, "memo": "\#(String(repeating: "m", count: 257))"}"#, .unprocessableContent, "longer than 256 bytes"),
        ("amount as text", #"{"as": "bob", "to": "alice", "amount_mt": "1"}"#, .badRequest, "field 'amount_mt' must be a whole number"),
    ]

    @Test("WEB-SIGN-VALID: refused votes and transfers answer 400, 409 or 422 with the reason pot gives, and change nothing")
    func refusedObjectsChangeNothing() async throws {
        let (chain, c) = try Self.chainWithCandidate()
        defer { chain.remove() }
        try chain.pot(["keygen", "--label", "dave"])
        // alice votes for C at height 4 and carol sends a transfer (nonce 1); C becomes canonical and
        // block 5 carries both.
        try chain.pot(["vote", "--as", "alice", "--height", "4", "--candidates", c, "--probs", "1,0"])
        try chain.pot(["transfer", "--as", "carol", "--to", "alice", "--amount", "8"])
        try chain.pot(["advance"])
        try chain.pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000500"])
        let fixture = try await WebFixture(chain: chain, unlock: ["alice", "bob", "carol", "dave"])
        let before = try chain.refsAndFiles()
        try await fixture.test { client in
            for (name, body, status, message) in Self.refusals {
                let text = body.replacingOccurrences(of: "@C", with: String(c.prefix(12))).replacingOccurrences(of: "@A", with: chain.a)
                let response = try await client.execute(uri: "/api/sign/vote", method: .post, headers: signingHeaders(), body: Self.body(text))
                #expect(response.status == status, "\(name): \(response.text)")
                let error = try response.json()["error"]?.string ?? ""
                #expect(error.contains(message), "\(name): \(error)")
            }
            for (name, body, status, message) in Self.transferRefusals {
                let response = try await client.execute(uri: "/api/sign/transfer", method: .post, headers: signingHeaders(), body: Self.body(body))
                #expect(response.status == status, "\(name): \(response.text)")
                let error = try response.json()["error"]?.string ?? ""
                #expect(error.contains(message), "\(name): \(error)")
            }
        }
        #expect(try chain.refsAndFiles() == before)
    }
}
