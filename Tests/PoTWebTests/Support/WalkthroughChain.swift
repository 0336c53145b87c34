import Foundation
import PoTTestSupport

/// The walkthrough's chain, made with the real `pot`: three members, candidates A and B at
/// height 1, three votes, advance, two canonical blocks (tip 3, height 1 final).
struct WalkthroughChain {
    let directory: String
    let a: String
    let b: String

    static func make(finish: Bool = true) throws -> WalkthroughChain {
        let dir = TestEnvironment.temporaryDirectory("web-chain")
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
        return WalkthroughChain(directory: dir, a: a, b: b)
    }

    @discardableResult
    func pot(_ arguments: [String]) throws -> String { try Run.ok(arguments, in: directory) }

    /// Every ref and the files under .git: what "changes nothing" compares.
    func refsAndFiles() throws -> String {
        let refs = try Run.git(["for-each-ref", "--format=%(refname) %(objectname)"], in: directory).stdout
        let files = try Run.process("/bin/sh", ["-c", "cd .git && find . -type f ! -name index -printf '%p %s %T@\\n' | sort"],
                                    in: directory, environment: [:]).stdout
        return refs + files
    }

    func remove() { TestEnvironment.remove(directory) }
}
