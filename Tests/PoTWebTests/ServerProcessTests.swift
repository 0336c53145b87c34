import Foundation
import PoTTestSupport
import Testing

@Suite("pot-web as a process")
struct ServerProcessTests {
    @Test("WEB-START WEB-TOKEN: pot-web prints its address first and the token second, writes the token file 0600, and signs with it")
    func startsAndSigns() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let tokenFile = chain.directory + "/.git/pot/web-token"
        let web = try WebProcess(["--repo", chain.directory, "--listen", "127.0.0.1:0", "--unlock", "alice", "--token-file", tokenFile],
                                 bannerLines: 2)
        defer { web.stop() }
        #expect(web.banner[0] == "listening on http://127.0.0.1:\(web.port)")
        #expect(web.port > 0)
        let tokenLine = web.banner.count > 1 ? web.banner[1] : ""
        #expect(tokenLine.range(of: "^token: [0-9a-f]{64}$", options: .regularExpression) != nil, "\(web.banner)")
        let token = String(tokenLine.dropFirst("token: ".count))
        #expect(try String(contentsOfFile: tokenFile, encoding: .utf8) == token + "\n")
        let mode = try FileManager.default.attributesOfItem(atPath: tokenFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let http = HTTPProbe(port: web.port)
        let status = try http.request("GET", "/api/status")
        #expect(status.status == 200)
        #expect(try JSON.parse(status.body)["tip"]?["height"]?.int == 3)
        let transfer = #"{"as": "alice", "to": "bob", "amount_mt": 7}"#
        let json = ["Content-Type": "application/json"]
        #expect(try http.request("POST", "/api/sign/transfer", headers: json, body: transfer).status == 401)
        #expect(try http.request("POST", "/api/sign/transfer", headers: json.merging(["Authorization": "Bearer \(token)", "Origin": "http://evil.example"]) { a, _ in a },
                                 body: transfer).status == 403)
        let signed = try http.request("POST", "/api/sign/transfer", headers: json.merging(["Authorization": "Bearer \(token)"]) { a, _ in a }, body: transfer)
        #expect(signed.status == 201, "\(signed.body)")
        // A Host that is not this machine (DNS rebinding) is refused even with the token.
        let rebound = try http.request("POST", "/api/sign/transfer", headers: json.merging(["Authorization": "Bearer \(token)", "Host": "attacker.example"]) { a, _ in a }, body: transfer)
        #expect(rebound.status == 403 || rebound.status == 400)
        #expect(web.stop() == 0)
        #expect(try JSON.parse(try chain.pot(["status", "--json"]))["pending"]!["transfers"]!.array.count == 1)
    }

    @Test("WEB-LOOPBACK: with --unlock, pot-web refuses an address other machines can reach unless --allow-remote-signing is given")
    func loopbackOnlyWhenSigning() throws {
        let chain = try WalkthroughChain.make(finish: false)
        defer { chain.remove() }
        for address in ["0.0.0.0:0", "192.0.2.1:0", "[::]:0"] {
            let refused = try runWeb(["--repo", chain.directory, "--listen", address, "--unlock", "alice"])
            #expect(refused.status == 1, "\(address)")
            #expect(refused.stderr.contains("--allow-remote-signing"), "\(refused.stderr)")
            #expect(refused.stdout.isEmpty)
        }
        // Read-only, any address is fine; with the flag, signing on one is too.
        let readOnly = try WebProcess(["--repo", chain.directory, "--listen", "0.0.0.0:0"])
        #expect(readOnly.banner.count == 1)
        #expect(readOnly.stop() == 0)
        let remote = try WebProcess(["--repo", chain.directory, "--listen", "0.0.0.0:0", "--unlock", "alice", "--allow-remote-signing"], bannerLines: 2)
        #expect(remote.banner.count >= 2)
        #expect(remote.stop() == 0)
    }

    @Test("WEB-START: bad arguments get one clear error and exit 1")
    func badArguments() throws {
        let chain = try WalkthroughChain.make(finish: false)
        defer { chain.remove() }
        let cases: [([String], String)] = [
            (["--repo", "/nonexistent/dir"], "not inside a git repository"),
            (["--repo", chain.directory, "--listen", "localhost"], "is not HOST:PORT"),
            (["--repo", chain.directory, "--listen", "127.0.0.1:70000"], "not a port"),
            (["--repo", chain.directory, "--unlock", "mallory"], "no key named 'mallory'"),
            (["--repo", chain.directory, "--static", "/nonexistent/dir"], "is not a directory"),
        ]
        for (arguments, message) in cases {
            let result = try runWeb(arguments + (arguments.contains("--listen") ? [] : ["--listen", "127.0.0.1:0"]))
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test("WEB-LIVE: /api/events announces a new tip as soon as main moves, and the server stops cleanly with a stream open")
    func eventsAnnounceNewTip() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let web = try WebProcess(["--repo", chain.directory, "--listen", "127.0.0.1:0", "--refresh-ms", "50"])
        defer { web.stop() }
        let events = try EventStreamReader(port: web.port)
        defer { events.close() }
        let first = try events.next(event: "chain", timeout: 30).map(JSON.parse)
        #expect(first?["tip_height"]?.int == 3)
        try chain.pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000400"])
        var announced: JSON?
        while let data = try events.next(event: "chain", timeout: 30) {
            let event = try JSON.parse(data)
            if event["tip_height"]?.int == 4 { announced = event; break }
        }
        #expect(announced?["finalized_height"]?.int == 2)
        let tip = try JSON.parse(try chain.pot(["status", "--json"]))["tip"]?["id"]
        #expect(announced?["tip"] == tip)
        // The page the browser reloads shows the new tip.
        let page = try HTTPProbe(port: web.port).request("GET", "/")
        #expect(page.body.contains("<strong id=\"tip-height\">4</strong>"))
        #expect(web.stop() == 0)
    }

    @Test("WEB-START: pot web runs the pot-web installed next to pot")
    func potDispatchesToPotWeb() throws {
        let viaPot = try Run.pot(["web", "--print-openapi"], in: "/")
        #expect(viaPot.status == 0, "\(viaPot.stderr)")
        let direct = try runWeb(["--print-openapi"])
        #expect(viaPot.stdout == direct.stdout)
        #expect(viaPot.stdout.contains("\"openapi\" : \"3.1.0\""))
        #expect(try Run.pot(["web", "--help"], in: "/").stdout.contains("USAGE: pot-web"))
    }
}
