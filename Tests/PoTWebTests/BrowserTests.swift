import Foundation
import PoTTestSupport
import Testing

@Suite("In a real browser")
struct BrowserTests {
    /// Debian's headless Chromium; the test says how to install it when it is missing.
    static func chromium() throws -> String {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        throw TestFailure("Chromium is not installed: run 'apt-get install -y chromium' (scripts/setup.sh does it)")
    }

    /// The DOM after the page's scripts ran.
    static func dom(_ url: String) throws -> String {
        let profile = TestEnvironment.temporaryDirectory("chromium-profile")
        defer { TestEnvironment.remove(profile) }
        let result = try run(try chromium(), [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile)", "--dump-dom", url,
        ], timeout: 120)
        guard result.status == 0, !result.stdout.isEmpty else {
            throw TestFailure("chromium failed on \(url) (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// A PNG of the page as a 1200-pixel-wide window shows it.
    static func screenshot(_ url: String) throws -> Data {
        let profile = TestEnvironment.temporaryDirectory("chromium-profile")
        defer { TestEnvironment.remove(profile) }
        let file = profile + "/page.png"
        let result = try run(try chromium(), [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=\(profile)", "--window-size=1200,1400", "--screenshot=\(file)", url,
        ], timeout: 120)
        guard result.status == 0, let png = FileManager.default.contents(atPath: file) else {
            throw TestFailure("chromium took no screenshot of \(url) (\(result.status)): \(result.stderr)")
        }
        return png
    }

    /// Markup of the pages' own kinds shown as text: what escaping a fragment twice prints.
    static func markupShownAsText(_ dom: String) -> [String] {
        dom.matches(of: /&lt;\/?(strong|a|span|code|div|p|svg|rect|em|dd|td)\b/).map { String(dom[$0.range]) }
    }

    /// Runs a program, killing it if it has not finished after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outReader = PipeReader(out), errReader = PipeReader(err)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw TestFailure("\(executable) did not finish within \(Int(timeout)) s")
        }
        return (process.terminationStatus, String(decoding: outReader.wait(), as: UTF8.self), String(decoding: errReader.wait(), as: UTF8.self))
    }

    @Test("WEB-PAGES: headless Chromium shows the overview and a block page with the tip, block id, voters and W")
    func overviewAndBlockPage() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let web = try WebProcess(["--repo", chain.directory, "--listen", "127.0.0.1:0"])
        defer { web.stop() }
        let base = "http://127.0.0.1:\(web.port)"
        let overview = try Self.dom(base + "/")
        #expect(overview.contains("<strong id=\"tip-height\">3</strong>"))
        #expect(overview.contains("<strong id=\"finalized-height\">1</strong>"))
        for text in ["Chain overview", "Information per height", "Trust distribution", "10 405", "4 818", "3 208", ">alice<", ">bob<", ">carol<"] {
            #expect(overview.contains(text), "the overview lacks \(text)")
        }
        #expect(overview.contains("live connecting") || overview.contains("live on"), "the live-update script did not run")
        let block = try Self.dom(base + "/blocks/\(chain.a.prefix(12))")
        #expect(block.contains("<code id=\"block-id\">\(chain.a)</code>"))
        for text in ["Fork choice at height", "12 000", "7 250", "Finalization of height", "+405", "-182", "-1 792", ">alice<", ">bob<", ">carol<", "canonical"] {
            #expect(block.contains(text), "the block page lacks \(text)")
        }
        #expect(block.contains("<svg class=\"dist\""), "no vote is drawn as a bar")
    }

    @Test("WEB-PAGES: the overview, an account and a market page read right in Chromium: no markup shown as text, open heights charted, the balance axis fitted to the balances")
    func pagesReadRight() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let market = try chain.resolvedMarket()
        let web = try WebProcess(["--repo", chain.directory, "--listen", "127.0.0.1:0"])
        defer { web.stop() }
        let base = "http://127.0.0.1:\(web.port)"
        var doms: [String: String] = [:]
        for path in ["/", "/blocks/\(chain.a)", "/accounts/alice", "/markets", "/markets/\(market)"] {
            let png = try Self.screenshot(base + path)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(path): not a PNG")
            #expect(png.count > 20_000, "\(path): the screenshot is nearly empty (\(png.count) bytes)")
            let dom = try Self.dom(base + path)
            #expect(Self.markupShownAsText(dom).isEmpty, "\(path) shows markup as text: \(Self.markupShownAsText(dom))")
            doms[path] = dom
        }
        // The resolved market names its outcome in bold.
        #expect(doms["/markets/\(market)"]!.contains("<strong>yes</strong>"))
        // Heights 1 to 4 final, 5 and 6 open: a column for each, the open ones in their own colour.
        let overview = doms["/"]!
        #expect(overview.matches(of: /<rect class="col final"/).count == 4)
        #expect(overview.matches(of: /<rect class="col open"/).count == 2)
        // Alice's balance went from 10 000 to 10 405 and 10 551 mT: the line spans most of the chart's height.
        let account = doms["/accounts/alice"]!
        let ys = account.matches(of: /<circle class="dot" cx="[0-9.]+" cy="([0-9.]+)"/).compactMap { Double($0.output.1) }
        #expect(ys.count >= 2)
        #expect((ys.max() ?? 0) - (ys.min() ?? 0) > 76, "the balance line is flat: \(ys)")
        #expect(!account.contains(">0</text>"), "the balance axis starts at 0")
    }

    @Test("WEB-MEMBERSHIP: the membership page draws the sponsorship graph, and it, a game's page, the block that ended the game and the new member's account read right in Chromium")
    func membershipPagesReadRight() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let game = try chain.playGame()
        let web = try WebProcess(["--repo", chain.directory, "--listen", "127.0.0.1:0"])
        defer { web.stop() }
        let base = "http://127.0.0.1:\(web.port)"
        let ended = try Run.ok(["log", "--json"], in: chain.directory).matches(of: /"id" : "([0-9a-f]{64})"/).last.map { String($0.output.1) }!
        var doms: [String: String] = [:]
        for path in ["/membership", "/membership/games/\(game)", "/accounts/newbie", "/blocks/\(ended)"] {
            let png = try Self.screenshot(base + path)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "\(path): \(png.count) bytes")
            let dom = try Self.dom(base + path)
            #expect(Self.markupShownAsText(dom).isEmpty, "\(path) shows markup as text: \(Self.markupShownAsText(dom))")
            doms[path] = dom
        }
        let page = doms["/membership"]!
        #expect(page.contains("aria-label=\"Sponsorship graph: who admitted whom\""))
        #expect(page.matches(of: /<circle cx="[0-9]+" cy="[0-9]+" r="14"/).count == 4, "one node per member")
        #expect(page.matches(of: /<line x1="[0-9]+" y1="[0-9]+" x2="[0-9]+" y2="[0-9]+" stroke="#2457c5"/).count == 2, "an arrow from each sponsor")
        #expect(page.contains("C/C") && page.contains("cooling down until"))
        #expect(doms["/membership/games/\(game)"]!.contains("admitted"))
        #expect(doms["/accounts/newbie"]!.contains("sponsored by"))
        #expect(doms["/blocks/\(ended)"]!.contains("<h3>Moves revealed</h3>"))
        #expect(!page.contains("<script src=\"http"), "the page loads nothing from elsewhere")
    }

    @Test("WEB-CONTRACTS: the contracts page, a disputed task's page with its timeline, and the worker's account read right in Chromium")
    func contractsPagesReadRight() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let task = try chain.disputedTask()
        let web = try WebProcess(["--repo", chain.directory, "--listen", "127.0.0.1:0"])
        defer { web.stop() }
        let base = "http://127.0.0.1:\(web.port)"
        var doms: [String: String] = [:]
        for path in ["/contracts", "/contracts/\(task)", "/accounts/bob"] {
            let png = try Self.screenshot(base + path)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "\(path): \(png.count) bytes")
            let dom = try Self.dom(base + path)
            #expect(Self.markupShownAsText(dom).isEmpty, "\(path) shows markup as text: \(Self.markupShownAsText(dom))")
            doms[path] = dom
        }
        #expect(doms["/contracts"]!.contains("Review the decoder") && doms["/contracts"]!.contains("Service trust"))
        #expect(doms["/contracts/\(task)"]!.contains("aria-label=\"The dispute's timeline in heights\""))
        #expect(doms["/contracts/\(task)"]!.contains("settled without a committee"))
        #expect(doms["/accounts/bob"]!.contains("<h2>Service</h2>"))
    }

    @Test("WEB-AGENTS: the agent directory and a verified agent's page with its charts read right in Chromium")
    func agentsPagesReadRight() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let name = try chain.verifiedAgent()
        let web = try WebProcess(["--repo", chain.directory, "--listen", "127.0.0.1:0"])
        defer { web.stop() }
        let base = "http://127.0.0.1:\(web.port)"
        var doms: [String: String] = [:]
        for path in ["/agents", "/agents/\(name)"] {
            let png = try Self.screenshot(base + path)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "\(path): \(png.count) bytes")
            let dom = try Self.dom(base + path)
            #expect(Self.markupShownAsText(dom).isEmpty, "\(path) shows markup as text: \(Self.markupShownAsText(dom))")
            doms[path] = dom
        }
        #expect(doms["/agents"]!.contains(name) && doms["/agents"]!.contains("verified"))
        #expect(doms["/agents/\(name)"]!.contains("Training curve") && doms["/agents/\(name)"]!.contains("<svg"))
    }
}
