import Foundation
import PoTTestSupport
import Testing

@Suite("Replicas over git transport")
struct ReplicaTests {
    @Test("GIT-CLONE: a pot clone rebuilds the identical pot status --json")
    func cloneRebuildsIdenticalStatus() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        // Leave something pending too: a transfer and a candidate at the next height.
        try Run.ok(["transfer", "--as", "bob", "--to", "carol", "--amount", "42"], in: chain.directory)
        try Run.ok(["propose", "--as", "carol", "--timestamp", "1700000400"], in: chain.directory)
        let parent = TestEnvironment.temporaryDirectory("clones")
        defer { TestEnvironment.remove(parent) }
        let out = try Run.ok(["clone", chain.directory, parent + "/copy"], in: parent)
        #expect(out.contains("tip at height 3"))
        #expect(try Run.ok(["status", "--json"], in: parent + "/copy") == chain.statusJSON())
        #expect(try Run.ok(["verify"], in: parent + "/copy").hasPrefix("ok:"))
    }

    @Test("GIT-PUSH-FETCH: push to a bare hub, fetch elsewhere, and fork choice agrees")
    func pushAndFetch() throws {
        let chain = try WalkthroughChain.make(finish: false)
        defer { chain.remove() }
        let hubParent = TestEnvironment.temporaryDirectory("hub")
        defer { TestEnvironment.remove(hubParent) }
        let hub = hubParent + "/hub.git"
        try Run.git(["init", "--quiet", "--bare", hub], in: hubParent)
        try Run.git(["remote", "add", "origin", hub], in: chain.directory)
        try Run.ok(["push"], in: chain.directory)
        try Run.ok(["clone", hub, hubParent + "/b"], in: hubParent)
        // The clone has the candidates and votes but main still at genesis; advance chooses A.
        #expect(try Run.ok(["advance", "--json"], in: hubParent + "/b").contains("\"canonical\" : \"\(chain.a)\""))
        // New canonical blocks made at the origin reach the clone through push and fetch.
        try Run.ok(["advance"], in: chain.directory)
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000200"], in: chain.directory)
        try Run.ok(["push"], in: chain.directory)
        let fetched = try Run.ok(["fetch"], in: hubParent + "/b")
        #expect(fetched.contains("tip at height 2"))
        #expect(try Run.ok(["status", "--json"], in: hubParent + "/b") == chain.statusJSON())
    }
}
