import Foundation
import PoTTestSupport

/// The walkthrough's chain, built with the real `pot` binary in a temporary directory.
struct DemoChain {
    let directory: String
    let a: String
    let b: String

    /// init, two candidates at height 1, three votes; with `finish`, advance and two canonical blocks.
    static func make(finish: Bool = true) throws -> DemoChain {
        let dir = TestEnvironment.temporaryDirectory("chain")
        try Run.ok(["init", "--k", "2", "--alpha", "1000", "--endow", "alice=10000", "--endow", "bob=5000",
                    "--endow", "carol=5000", "--timestamp", "1700000000"], in: dir)
        let a = try Run.pot(["propose", "--as", "alice", "--timestamp", "1700000001"], in: dir).lastLine
        let b = try Run.pot(["propose", "--as", "bob", "--timestamp", "1700000002"], in: dir).lastLine
        for (voter, probs) in [("alice", "0.9,0.05,0.05"), ("bob", "0.5,0.5,0"), ("carol", "0.1,0.85,0.05")] {
            try Run.ok(["vote", "--as", voter, "--height", "1", "--candidates", "\(a),\(b)", "--probs", probs], in: dir)
        }
        if finish {
            try Run.ok(["advance"], in: dir)
            try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000200"], in: dir)
            try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000300"], in: dir)
        }
        return DemoChain(directory: dir, a: a, b: b)
    }

    func statusJSON() throws -> String { try Run.ok(["status", "--json"], in: directory) }

    /// Every ref with its object, and the status document: what "changes nothing" compares.
    func snapshot() throws -> String {
        try Run.git(["for-each-ref"], in: directory).stdout + (try statusJSON())
    }

    func remove() { TestEnvironment.remove(directory) }
}
