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
}
