import Foundation
import PoTTestSupport
import Testing

/// What git's own tools and habits do to a chain: fsck, a refused clone, a tampered tip, a plain commit on main.
@Suite("The chain under git's own tools and habits")
struct RepositoryHygieneTests {
    static func fsck(_ dir: String) throws -> CommandResult {
        try Run.git(["fsck", "--strict", "--full", "--no-progress"], in: dir)
    }

    @Test("GIT-FSCK: git fsck --strict --full finds nothing after pot init and after the walkthrough")
    func fsckIsClean() throws {
        let dir = TestEnvironment.temporaryDirectory("fsck")
        defer { TestEnvironment.remove(dir) }
        try Run.ok(["init", "--endow", "alice=100", "--timestamp", "1700000000"], in: dir)
        let fresh = try Self.fsck(dir)
        #expect(fresh.status == 0, "\(fresh.stdout)\(fresh.stderr)")
        #expect(fresh.stdout.isEmpty && fresh.stderr.isEmpty, "\(fresh.stdout)\(fresh.stderr)")
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        _ = try chain.declareMarket()
        let walked = try Self.fsck(chain.directory)
        #expect(walked.status == 0, "\(walked.stdout)\(walked.stderr)")
        #expect(walked.stdout.isEmpty && walked.stderr.isEmpty, "\(walked.stdout)\(walked.stderr)")
    }

    @Test("GIT-FSCK: a chain whose empty tree is missing is repaired by the next write and by pot clone")
    func missingEmptyTreeIsRepaired() throws {
        let chain = try WalkthroughChain.make(finish: false)
        defer { chain.remove() }
        let dir = chain.directory
        // Rebuild the repository without the empty tree, as chains made before GIT-FSCK are.
        let script = """
        git repack -a -d -q && mv .git/objects/pack/*.pack kept.pack && rm .git/objects/pack/*.idx && \
        git unpack-objects -q < kept.pack && rm kept.pack && rm .git/objects/4b/825dc642cb6eb9a060e54bf8d69288fbee4904
        """
        let unpack = try Run.process("/bin/sh", ["-c", script], in: dir, environment: [:])
        #expect(unpack.status == 0, "\(unpack.stderr)")
        #expect(try Self.fsck(dir).stdout.contains("missing tree 4b825dc"))
        let parent = TestEnvironment.temporaryDirectory("fsck-clone")
        defer { TestEnvironment.remove(parent) }
        try Run.ok(["clone", dir, parent + "/copy"], in: parent)
        #expect(try Self.fsck(parent + "/copy").status == 0)
        try Run.ok(["advance"], in: dir)
        #expect(try Self.fsck(dir).status == 0)
    }

    @Test("GIT-REF-RACE: writes and prunes during a git pack-refs and gc loop all succeed, and pruned refs stay pruned")
    func writesDuringMaintenance() throws {
        let chain = try WalkthroughChain.make(finish: false)
        defer { chain.remove() }
        let dir = chain.directory
        let loop = Process()
        loop.executableURL = URL(fileURLWithPath: "/bin/sh")
        loop.arguments = ["-c", "i=0; while [ $i -lt 20000 ] && [ ! -e .git/stop ]; do git pack-refs --all --prune; git gc --auto --quiet; i=$((i+1)); done"]
        loop.currentDirectoryURL = URL(fileURLWithPath: dir)
        try loop.run()
        var failures: [String] = []
        func pot(_ arguments: [String]) throws {
            let result = try Run.pot(arguments, in: dir)
            if result.status != 0 { failures.append("\(arguments.joined(separator: " ")): \(result.stderr)") }
        }
        try pot(["advance"])
        for step in 0..<6 {
            try pot(["transfer", "--as", "bob", "--to", "carol", "--amount", "1"])
            try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "\(1700000200 + 100 * step)"])
            let tip = try Run.git(["log", "-1", "--format=%s", "main"], in: dir).stdout
            let id = String(tip.split(separator: "=").last!).trimmingCharacters(in: .whitespacesAndNewlines)
            try pot(["vote", "--as", "carol", "--height", "\(step + 2)", "--candidates", id, "--probs", "0.9,0.1"])
        }
        try pot(["advance"])
        FileManager.default.createFile(atPath: dir + "/.git/stop", contents: nil)
        loop.waitUntilExit()
        #expect(failures.isEmpty, "\(failures)")
        // Everything final was pruned and stayed pruned: only votes above the finalized height remain.
        let status = try JSONSerialization.jsonObject(with: Data(try chain.statusJSON().utf8)) as! [String: Any]
        let finalized = status["finalized_height"] as! Int
        let votes = try Run.git(["for-each-ref", "--format=%(refname)", "refs/pot/votes"], in: dir).stdout.split(separator: "\n")
        #expect(votes.allSatisfy { Int($0.split(separator: "/")[3])! > finalized }, "\(votes)")
        #expect(try Run.ok(["verify"], in: dir).hasPrefix("ok:"))
    }

    @Test("CLI-CLONE: a refused pot clone leaves no directory behind, or an empty one as it was")
    func refusedCloneLeavesNothing() throws {
        let parent = TestEnvironment.temporaryDirectory("clone-refused")
        defer { TestEnvironment.remove(parent) }
        // A repository with a main branch but no chain.
        let plain = parent + "/plain"
        try Run.git(["init", "-q", "--initial-branch=main", plain], in: parent)
        try "x\n".write(toFile: plain + "/x.txt", atomically: true, encoding: .utf8)
        try Run.git(["add", "x.txt"], in: plain)
        try Run.git(["commit", "-qm", "x"], in: plain)
        let refused = try Run.pot(["clone", plain, parent + "/copy"], in: parent)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("Error: \(plain) holds no PoT chain"))
        #expect(!FileManager.default.fileExists(atPath: parent + "/copy"))
        // Nothing at all to clone.
        #expect(try Run.pot(["clone", parent + "/nowhere", parent + "/copy2"], in: parent).status == 1)
        #expect(!FileManager.default.fileExists(atPath: parent + "/copy2"))
        // An empty directory given by the user stays, empty.
        try FileManager.default.createDirectory(atPath: parent + "/empty", withIntermediateDirectories: true)
        #expect(try Run.pot(["clone", plain, parent + "/empty"], in: parent).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/empty").isEmpty)
    }

    @Test("CLI-VERIFY: a tampered tip header is named with how far the replay got")
    func tamperedTipIsNamed() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let dir = chain.directory
        let tipLine = try Run.git(["log", "-1", "--format=%s", "main"], in: dir).stdout
        let tip = String(tipLine.split(separator: "=").last!).trimmingCharacters(in: .whitespacesAndNewlines)
        // Flip the header's last signature byte, re-link the record: the tip no longer checks.
        let header = try Run.git(["rev-parse", "refs/pot/blocks/3/\(tip)^{tree}:header"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let payload = try Run.git(["rev-parse", "refs/pot/blocks/3/\(tip)^{tree}:payload"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let script = """
        git cat-file blob \(header) | python3 -c "import sys; b=bytearray(sys.stdin.buffer.read()); b[-1]^=1; sys.stdout.buffer.write(b)" > edited && \
        h=$(git hash-object -w edited) && t=$(printf '100644 blob %s\\theader\\n100644 blob %s\\tpayload\\n' $h \(payload) | git mktree) && \
        git update-ref refs/pot/blocks/3/\(tip) $(git commit-tree $t -p main -m 'pot: record')
        """
        #expect(try Run.process("/bin/sh", ["-c", script], in: dir, environment: [:]).status == 0)
        let result = try Run.pot(["verify"], in: dir)
        #expect(result.status == 1)
        #expect(result.lastLine.hasPrefix("FAILED: 2 block(s) on main replayed from genesis to height 2, stopped at block \(tip) (height 3)"), "\(result.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(try Run.pot(["verify", "--json"], in: dir).stdout.utf8)) as? [String: Any]
        #expect((json?["stopped_at"] as? [String: Any])?["block"] as? String == tip)
    }

    @Test("CLI-VERIFY: pot verify counts the pending transfers and votes that pot status lists")
    func verifyAndStatusAgree() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let dir = chain.directory
        // Two transfers carried by the next block stay under refs/pot/txs until finality prunes them.
        try chain.pot(["transfer", "--as", "bob", "--to", "carol", "--amount", "1"])
        try chain.pot(["transfer", "--as", "bob", "--to", "carol", "--amount", "2"])
        try chain.pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000400"])
        try chain.pot(["transfer", "--as", "carol", "--to", "bob", "--amount", "3"])
        #expect(try Run.git(["for-each-ref", "refs/pot/txs"], in: dir).stdout.split(separator: "\n").count == 3)
        let status = try JSONSerialization.jsonObject(with: Data(try chain.statusJSON().utf8)) as! [String: Any]
        let pending = status["pending"] as! [String: Any]
        let verify = try JSONSerialization.jsonObject(with: Data(try chain.pot(["verify", "--json"]).utf8)) as! [String: Any]
        #expect(verify["pending_transfers"] as? Int == (pending["transfers"] as! [Any]).count)
        #expect(verify["pending_transfers"] as? Int == 1)
        #expect(verify["pending_votes"] as? Int == (pending["votes"] as! [Any]).count)
    }

    @Test("GIT-MAIN-GUARD: a plain git commit on main is refused by the hook pot init installs, with the commands to use")
    func plainCommitOnMainIsRefused() throws {
        let dir = TestEnvironment.temporaryDirectory("guard")
        defer { TestEnvironment.remove(dir) }
        try Run.ok(["init", "--endow", "alice=100", "--timestamp", "1700000000"], in: dir)
        try "[[on_tip]]\n".write(toFile: dir + "/pot-deploy.toml", atomically: true, encoding: .utf8)
        try Run.git(["add", "pot-deploy.toml"], in: dir)
        let main = try Run.git(["rev-parse", "main"], in: dir).stdout
        let refused = try Run.git(["commit", "-qm", "deploy config"], in: dir)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("pot: refusing to commit on main"))
        #expect(refused.stderr.contains("pot propose --as <label> --merge my-change"))
        #expect(try Run.git(["rev-parse", "main"], in: dir).stdout == main)
        // The way the message gives works: the staged file comes along to the branch and becomes a block.
        try Run.git(["switch", "-q", "-c", "my-change"], in: dir)
        #expect(try Run.git(["commit", "-qm", "deploy config"], in: dir).status == 0)
        try Run.git(["switch", "-q", "main"], in: dir)
        try Run.ok(["propose", "--as", "alice", "--canonical", "--merge", "my-change", "--timestamp", "1700000001"], in: dir)
        #expect(FileManager.default.fileExists(atPath: dir + "/pot-deploy.toml"))
        #expect(try Run.ok(["verify"], in: dir).hasPrefix("ok:"))
        // A user's own hook is never replaced.
        let parent = TestEnvironment.temporaryDirectory("guard-clone")
        defer { TestEnvironment.remove(parent) }
        let cloned = try Run.pot(["clone", dir, parent + "/copy"], in: parent)
        #expect(cloned.status == 0)
        #expect(FileManager.default.isExecutableFile(atPath: parent + "/copy/.git/hooks/pre-commit"))
        let own = TestEnvironment.temporaryDirectory("guard-own")
        defer { TestEnvironment.remove(own) }
        try Run.git(["init", "-q", own], in: own)
        try "#!/bin/sh\nexit 0\n".write(toFile: own + "/.git/hooks/pre-commit", atomically: true, encoding: .utf8)
        let initialised = try Run.pot(["init", "--endow", "alice=100"], in: own)
        #expect(initialised.status == 0)
        #expect(initialised.stderr.contains("pre-commit exists and is not pot's"))
        #expect(try String(contentsOfFile: own + "/.git/hooks/pre-commit", encoding: .utf8) == "#!/bin/sh\nexit 0\n")
    }

    @Test("GIT-MAIN-GUARD: after a plain commit lands on main anyway, every command gives the way back, and it works")
    func plainCommitOnMainCanBeRecovered() throws {
        let dir = TestEnvironment.temporaryDirectory("guard")
        defer { TestEnvironment.remove(dir) }
        try Run.ok(["init", "--endow", "alice=100", "--timestamp", "1700000000"], in: dir)
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000001"], in: dir)
        let block = try Run.git(["rev-parse", "main"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try "x\n".write(toFile: dir + "/x.txt", atomically: true, encoding: .utf8)
        try Run.git(["add", "x.txt"], in: dir)
        #expect(try Run.git(["commit", "--no-verify", "-qm", "x"], in: dir).status == 0)
        let stray = try Run.git(["rev-parse", "main"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let status = try Run.pot(["status"], in: dir)
        #expect(status.status == 1)
        #expect(status.stderr.split(separator: "\n").count == 1)
        #expect(status.stderr.contains("main has 1 commit that is not a PoT block on top of block h=1 (\(block))"))
        let expectedSteps = "git branch rescued \(stray) && git reset --keep \(block)"
        #expect(status.stderr.contains(expectedSteps))
        // Follow the message word for word.
        let steps = try Run.process("/bin/sh", ["-c", expectedSteps], in: dir, environment: [:])
        #expect(steps.status == 0, "\(steps.stderr)")
        try Run.ok(["propose", "--as", "alice", "--canonical", "--merge", "rescued", "--timestamp", "1700000002"], in: dir)
        #expect(FileManager.default.fileExists(atPath: dir + "/x.txt"))
        #expect(try Run.ok(["verify"], in: dir).hasPrefix("ok: 2 block(s)"))
    }
}
