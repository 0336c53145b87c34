import Foundation

/// The walkthrough's chain, made with the real `pot`: three members, candidates A and B at
/// height 1, three votes, advance, two canonical blocks (tip 3, height 1 final).
public struct WalkthroughChain: Sendable {
    public let directory: String
    public let a: String
    public let b: String

    public static func make(finish: Bool = true) throws -> WalkthroughChain {
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
        return WalkthroughChain(directory: dir, a: a, b: b)
    }

    @discardableResult
    public func pot(_ arguments: [String]) throws -> String { try Run.ok(arguments, in: directory) }

    /// Every ref and the files under .git: what "changes nothing" compares.
    public func refsAndFiles() throws -> String {
        let refs = try Run.git(["for-each-ref", "--format=%(refname) %(objectname)"], in: directory).stdout
        let files = try Run.process("/bin/sh", ["-c", "cd .git && find . -type f ! -name index -printf '%p %s %T@\\n' | sort"],
                                    in: directory, environment: [:]).stdout
        return refs + files
    }

    /// bob declares "Ship v2 this week?" (yes/no, resolver carol, close 5, resolve by 7) and alice
    /// and bob bet 0.7/0.3 and 0.4/0.6; block 4 carries it all. Returns the market id.
    public func declareMarket() throws -> String {
        let id = try Run.pot(["market", "declare", "--question", "Ship v2 this week?", "--outcomes", "yes,no", "--resolver", "carol",
                              "--close-height", "5", "--resolve-by", "7", "--as", "bob"], in: directory).lastLine
        try pot(["market", "bet", "--market", id, "--probs", "0.7,0.3", "--as", "alice"])
        try pot(["market", "bet", "--market", id, "--probs", "0.4,0.6", "--as", "bob"])
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000400"])
        return id
    }

    /// `declareMarket`, then blocks 5 and 6 and carol resolving it "yes" in between: block 6
    /// settles it. Returns the market id.
    public func resolvedMarket() throws -> String {
        let id = try declareMarket()
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000500"])
        try pot(["market", "resolve", "--market", id, "--outcome", "yes", "--as", "carol"])
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000600"])
        return id
    }

    /// alice opens an admission game with bob for a new key, "newbie", committing to cooperate;
    /// the next block (timestamp 1700000450) carries it. Returns the game's id.
    public func openGame() throws -> String {
        try pot(["keygen", "--label", "newbie"])
        let id = try Run.pot(["sponsor", "open", "--as", "alice", "--with", "bob", "--newcomer", "newbie", "--move", "cooperate"], in: directory).lastLine
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000450"])
        return id
    }

    /// `openGame`, then bob joins (block at 1700000460) and both reveal cooperate (block at
    /// 1700000470): newbie is a member, sponsored by alice and bob. Returns the game's id.
    public func playGame() throws -> String {
        let id = try openGame()
        try pot(["sponsor", "join", "--as", "bob", "--game", id, "--move", "cooperate"])
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000460"])
        try pot(["sponsor", "reveal", "--as", "alice", "--game", id])
        try pot(["sponsor", "reveal", "--as", "bob", "--game", id])
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000470"])
        return id
    }

    /// alice posts a task of 300 mT and bob accepts it (blocks at 1700000480 and 1700000490).
    /// Returns the task's id.
    public func postTask() throws -> String {
        let id = try Run.pot(["contract", "post", "--as", "alice", "--title", "Review the decoder", "--reward", "300"], in: directory).lastLine
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000480"])
        try pot(["contract", "accept", "--as", "bob", id])
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000490"])
        return id
    }

    /// `postTask`, then bob delivers a commit of a branch `review` (block at 1700000500), alice
    /// disputes (1700000510) and two more blocks follow (1700000520, 1700000530): with three
    /// members no committee can be drawn, so the dispute is settled with the fallback split.
    public func disputedTask() throws -> String {
        let task = try postTask()
        _ = try Run.git(["checkout", "-q", "-b", "review"], in: directory)
        _ = try Run.git(["-c", "user.name=bob", "-c", "user.email=bob@example.org", "commit", "-q", "--allow-empty", "-m", "review"], in: directory)
        _ = try Run.git(["checkout", "-q", "main"], in: directory)
        try pot(["contract", "deliver", "--as", "bob", task, "--commit", "review"])
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000500"])
        try pot(["contract", "dispute", "--as", "alice", task, "--statement", "the review <b>missed</b> the tags"])
        for t in [1700000510, 1700000520, 1700000530] { try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "\(t)"]) }
        return task
    }

    /// alice registers the agent `name` over a synthetic dataset (block at `timestamp`). Returns its name.
    @discardableResult
    public func registerAgent(_ name: String = "lab-agent", at timestamp: Int = 1700001000) throws -> String {
        let blob = try Run.pot(["agent", "dataset", "synth", "--rows", "120", "--features", "4", "--classes", "3"], in: directory).lastLine
        try pot(["agent", "register", name, "--as", "alice", "--dataset", String(blob.prefix(12)), "--tags", "classify,synthetic",
                 "--bond", "500", "--hidden", "6", "--batch", "8", "--steps", "40", "--interval", "4"])
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "\(timestamp)"])
        return name
    }

    /// `registerAgent`, then alice trains it (nudging a weight after segment `fabricate`, if
    /// given) and proves it, and blocks follow until the chain selected its segments (a block
    /// every 10 seconds from `start`). Returns its name.
    @discardableResult
    public func provenAgent(_ name: String = "lab-agent", fabricate: Int? = nil, from start: Int = 1700001000) throws -> String {
        try registerAgent(name, at: start)
        var t = start + 10
        func block() throws { try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "\(t)"]); t += 10 }
        for _ in 0..<4 { try block() }
        try pot(["agent", "train", name] + (fabricate.map { ["--fabricate", "\($0)"] } ?? []))
        try pot(["agent", "prove", name, "--as", "alice"])
        for _ in 0..<5 { try block() }
        return name
    }

    /// `provenAgent`, then bob and carol attest it (block at 1700001200): a verified agent with
    /// its evaluation market open.
    public func verifiedAgent() throws -> String {
        let name = try provenAgent()
        try pot(["agent", "attest", name, "--as", "bob"])
        try pot(["agent", "attest", name, "--as", "carol"])
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700001200"])
        return name
    }

    public func statusJSON() throws -> String { try Run.ok(["status", "--json"], in: directory) }

    /// Every ref with its object, and the status document: what "a refused command changes nothing" compares.
    public func snapshot() throws -> String {
        try Run.git(["for-each-ref"], in: directory).stdout + (try statusJSON())
    }

    public func remove() { TestEnvironment.remove(directory) }
}
