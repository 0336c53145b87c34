import Foundation
import PoTCore
import PoTModules
import PoTTestSupport
import Testing

@Suite("pot params and pot init --param")
struct ParamsCLITests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("MOD-PARAMS: pot init --param sets a module parameter; pot params shows it beside its default, in text and JSON")
    func setAndShow() throws {
        let dir = TestEnvironment.temporaryDirectory("params")
        defer { TestEnvironment.remove(dir) }
        let out = try Run.ok(["init", "--endow", "alice=100", "--param", "markets.max_resolution_window=50", "--timestamp", "1700000000"], in: dir)
        #expect(out.contains("markets.max_resolution_window: 50"))
        let text = try Run.ok(["params"], in: dir)
        #expect(text.contains("markets (payload key 4)") && text.contains("set at genesis; default 100 000"), "\(text)")
        let document = try Self.json(try Run.ok(["params", "--json"], in: dir))
        let modules = try #require(document["modules"] as? [[String: Any]])
        let row = try #require((modules.first?["parameters"] as? [[String: Any]])?.first)
        #expect(row["name"] as? String == "markets.max_resolution_window" && row["value"] as? Int == 50 && row["default"] as? Int == 100_000)
        #expect(row["set_at_genesis"] as? Bool == true)
        let plain = TestEnvironment.temporaryDirectory("params-plain")
        defer { TestEnvironment.remove(plain) }
        try Run.ok(["init", "--endow", "alice=100", "--timestamp", "1700000000"], in: plain)
        let defaults = try Self.json(try Run.ok(["params", "--json"], in: plain))
        let plainRow = try #require(((defaults["modules"] as? [[String: Any]])?.first?["parameters"] as? [[String: Any]])?.first)
        #expect(plainRow["value"] as? Int == 100_000 && plainRow["set_at_genesis"] as? Bool == false)
    }

    @Test("MOD-PARAMS: an unknown name, a value out of range, a malformed or repeated --param is one line, exit 1, and no repository")
    func refusals() throws {
        let cases: [([String], String)] = [
            (["nope=1"], "unknown chain parameter 'nope'"),
            (["markets.max_resolution_window=0"], "must be between 1 and 100000, got 0"),
            (["markets.max_resolution_window=x"], "'x' is not a whole number"),
            (["markets.max_resolution_window"], "must look like"),
            (["markets.max_resolution_window=5", "markets.max_resolution_window=6"], "names markets.max_resolution_window twice"),
        ]
        for (params, message) in cases {
            let dir = TestEnvironment.temporaryDirectory("params-bad")
            defer { TestEnvironment.remove(dir) }
            let result = try Run.pot(["init", "--endow", "alice=100"] + params.flatMap { ["--param", $0] }, in: dir)
            let lines = result.stderr.split(separator: "\n")
            #expect(result.status == 1 && lines.count == 1 && lines[0].contains(message), "\(params): \(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "\(params) left files behind")
        }
    }
}

@Suite("pot verbs and module names")
struct VerbRegistryTests {
    @Test("MOD-REGISTRY CLI-MODULES: every verb of pot is the kernel's or a module's, and each module's verbs are verbs of pot")
    func verbs() throws {
        let dir = TestEnvironment.temporaryDirectory("verbs")
        defer { TestEnvironment.remove(dir) }
        let help = try Run.pot(["--help"], in: dir).stdout
        let section = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let verbs = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), let first = line.dropFirst(2).first, first.isLowercase else { return nil }
            return line.dropFirst(2).split(separator: " ").first.map(String.init)
        }
        let modules = Set(ChainModules.standard.all.flatMap(\.verbs))
        #expect(verbs.count >= 15, "\(verbs)")
        for verb in verbs { #expect(ChainModules.kernelVerbs.contains(verb) || modules.contains(verb), "\(verb) is claimed by nobody") }
        for module in modules { #expect(verbs.contains(module), "pot has no verb \(module)") }
        let markets = try Run.pot(["markets", "--help"], in: dir)
        #expect(markets.status == 0 && ["declare", "bet", "resolve", "list", "show"].allSatisfy(markets.stdout.contains))
        let sponsor = try Run.pot(["sponsor", "--help"], in: dir)
        #expect(sponsor.status == 0 && ["open", "join", "reveal", "list", "show"].allSatisfy(sponsor.stdout.contains))
    }
}
