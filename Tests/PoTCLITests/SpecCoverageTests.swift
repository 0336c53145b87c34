import Foundation
import PoTTestSupport
import Testing

@Suite("docs/spec.md")
struct SpecCoverageTests {
    /// Rule ids are written in bold at the start of a rule: **TX-NONCE**.
    static func ruleIds(in spec: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"\*\*([A-Z]+(?:-[A-Z0-9]+)+)\.?\*\*"#)
        let range = NSRange(spec.startIndex..., in: spec)
        return Set(regex.matches(in: spec, range: range).map { String(spec[Range($0.range(at: 1), in: spec)!]) })
    }

    static func testTitles() throws -> String {
        let root = TestEnvironment.packageRoot + "/Tests"
        var all = ""
        let files = FileManager.default.enumerator(atPath: root)!
        for case let file as String in files where file.hasSuffix(".swift") && !file.hasSuffix("SpecCoverageTests.swift") {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains("@Test(\"") { all += line + "\n" }
        }
        return all
    }

    @Test("SPEC: every rule id in docs/spec.md is named by the title of at least one test")
    func everyRuleHasATest() throws {
        let ids = Self.ruleIds(in: try TestEnvironment.read("docs/spec.md"))
        #expect(ids.count >= 40)
        let titles = try Self.testTitles()
        // A title names rules in its leading run of ids: "@Test("NET-A NET-B: …".
        let named = Set(titles.split(separator: "\n").flatMap { line -> [String] in
            guard let start = line.range(of: "@Test(\"") else { return [] }
            let head = line[start.upperBound...].prefix { $0 != ":" && $0 != "\"" }
            return head.split(separator: " ").map(String.init)
        })
        let untested = ids.filter { !named.contains($0) }.sorted()
        #expect(untested.isEmpty, "rules without a test: \(untested)")
    }
}
