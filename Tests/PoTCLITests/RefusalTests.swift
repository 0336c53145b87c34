import Foundation
import PoTTestSupport
import Testing

@Suite("Refused commands change nothing")
struct RefusalTests {
    static let badCommands: [(String, [String])] = [
        ("probabilities not summing", ["vote", "--as", "alice", "--height", "5", "--candidates", "@C", "--probs", "0.5,0.4"]),
        ("negative probability", ["vote", "--as", "alice", "--height", "5", "--candidates", "@C", "--probs=-0.5,1.5"]),
        ("NaN probability", ["vote", "--as", "alice", "--height", "5", "--candidates", "@C", "--probs", "NaN,1"]),
        ("unknown label", ["vote", "--as", "mallory", "--height", "5", "--candidates", "@C", "--probs", "1,0"]),
        ("non-member voter", ["vote", "--as", "dave", "--height", "5", "--candidates", "@C", "--probs", "1,0"]),
        ("wrong height", ["vote", "--as", "alice", "--height", "1", "--candidates", "@C", "--probs", "1,0"]),
        ("duplicate candidate", ["vote", "--as", "alice", "--height", "5", "--candidates", "@C,@C", "--probs", "0.5,0.5,0"]),
        ("unknown candidate prefix", ["vote", "--as", "alice", "--height", "5", "--candidates", "0000000000000000", "--probs", "1,0"]),
        ("overspend", ["transfer", "--as", "bob", "--to", "alice", "--amount", "4819"]),
        ("replayed nonce", ["transfer", "--as", "carol", "--to", "alice", "--amount", "1", "--nonce", "1"]),
        ("unknown recipient", ["transfer", "--as", "carol", "--to", "nobody", "--amount", "1"]),
        ("canonical with a competitor", ["propose", "--as", "alice", "--canonical"]),
        ("merge of something that is no commit", ["propose", "--as", "alice", "--merge", "HEAD^{tree}"]),
        ("timestamp not after the parent", ["propose", "--as", "alice", "--timestamp", "1700000300"]),
        ("duplicate label", ["keygen", "--label", "alice"]),
        ("bad label", ["keygen", "--label", "no/slashes"]),
        ("init over an existing chain", ["init", "--endow", "zed=1"]),
    ]

    @Test("CLI-REFUSE: bad input prints one Error line, exits 1 and changes no ref, object reachable from a ref, or state",
          arguments: badCommands.map(\.0))
    func refusedCommandChangesNothing(name: String) throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let dir = chain.directory
        try Run.ok(["keygen", "--label", "dave"], in: dir)
        // carol spends nonce 1 in block 4; then two candidates, C among them, compete at height 5.
        try Run.ok(["transfer", "--as", "carol", "--to", "alice", "--amount", "8"], in: dir)
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000400"], in: dir)
        let c = try Run.pot(["propose", "--as", "bob", "--timestamp", "1700000500"], in: dir).lastLine
        try Run.ok(["propose", "--as", "carol", "--timestamp", "1700000501"], in: dir)
        let before = try chain.snapshot()
        let arguments = Self.badCommands.first { $0.0 == name }!.1.map { $0.replacingOccurrences(of: "@C", with: String(c.prefix(12))) }
        let result = try Run.pot(arguments, in: dir)
        #expect(result.status == 1, "\(name): exit \(result.status), stdout \(result.stdout)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("Error: "), "\(name): stderr was \(result.stderr)")
        #expect(try chain.snapshot() == before, "\(name) changed the repository")
    }
}
