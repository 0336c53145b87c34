import Foundation
import PoTTestSupport
import Testing

@Suite("README quick start and help")
struct QuickStartTests {
    @Test("README: the quick start is two commands, scripts/demo.sh and scripts/test.sh")
    func readmeNamesTheTwoCommands() throws {
        let readme = try TestEnvironment.read("README.md")
        let quick = readme.components(separatedBy: "## Quick start")[1].components(separatedBy: "```sh")[1].components(separatedBy: "```")[0]
        let commands = quick.split(separator: "\n").map { $0.split(separator: "#")[0].trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(commands == ["bash scripts/demo.sh", "bash scripts/test.sh"])
        #expect(try TestEnvironment.read(".ci/run").contains("bash scripts/test.sh"))
    }

    @Test("README: bash scripts/demo.sh plays the worked example, a market, an admission game, a contract and an agent's proof of training, prints their numbers and the explorer's address")
    func demoScriptRuns() throws {
        let result = try Run.process("/bin/bash", [TestEnvironment.packageRoot + "/scripts/demo.sh"], in: TestEnvironment.packageRoot,
                                     environment: ["POT_BIN": TestEnvironment.binDirectory])
        #expect(result.status == 0, "\(result.stderr)")
        for expected in ["= 12 000  proposed by alice", "= 7 250  proposed by bob", "Δ=+405 mT", "Δ=-182 mT", "Δ=-1792 mT",
                         "10 405 mT", "4 818 mT", "3 208 mT", "markets (payload key 4)", "+146 mT", "-414 mT",
                         "membership (payload key 5)", "outcome   C/C at height 9; admitted dana", "dana      9        alice+bob",
                         "contracts (payload key 6)", "closed     at height 13: approved; the worker's share 100.0%",
                         "agents (payload key 7)", "ok: re-executed 5 of 20 segments of agent cancer-mlp exactly", "status      verified",
                         "1. cancer-mlp [choice]: covers 2 of 2", "checked against the chain): malignant", "ok: 21 block(s) on main"] {
            #expect(result.stdout.contains(expected), "demo output lacks \(expected)")
        }
        // The last line names the explorer serving the demo chain, and what it answered.
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let pattern = #"^explorer: http://127\.0\.0\.1:[0-9]+/  \(HTTP/1\.1 200 OK for /api/status\)$"#
        #expect(last.range(of: pattern, options: .regularExpression) != nil, "last line: \(last)")
    }

    @Test("CLI-HELP: pot --help lists every verb, and each verb has help")
    func helpListsVerbs() throws {
        let help = try Run.ok(["--help"], in: "/")
        let verbs = ["init", "keygen", "keys", "transfer", "propose", "vote", "advance", "finalize", "status", "log", "verify", "clone", "fetch", "push"]
        for verb in verbs {
            #expect(help.contains("  \(verb) "), "help lacks \(verb)")
            #expect(try Run.ok([verb, "--help"], in: "/").contains("USAGE: pot \(verb)"))
        }
    }

    @Test("CLI-C: -C <path> runs in another directory, like git")
    func changeDirectoryOption() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        #expect(try Run.ok(["-C", chain.directory, "status", "--json"], in: "/") == chain.statusJSON())
        let outside = try Run.pot(["status"], in: "/")
        #expect(outside.status == 1)
        #expect(outside.stderr.hasPrefix("Error: "))
    }
}

@Suite("The benchmarks package")
struct BenchmarkPackageTests {
    @Test("BENCH: the benchmarks name the main package by its declared name, so they build in a checkout of any name")
    func benchmarksNameThePackage() throws {
        let manifest = try TestEnvironment.read("Benchmarks/Package.swift")
        let declared = try TestEnvironment.read("Package.swift").components(separatedBy: "name: \"")[1].prefix { $0 != "\"" }
        #expect(manifest.contains(".package(name: \"\(declared)\", path: \"..\")"))
        // Every product of the main package is taken from it by that name, never by a folder's.
        let references = manifest.components(separatedBy: "package: \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(references).subtracting(["benchmark", "swift-log"]) == [String(declared)])
    }
}
