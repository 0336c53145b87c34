import Foundation
import Hummingbird
import HummingbirdTesting
import PoTTestSupport
import PoTMarketsWeb
import PoTModuleExplorers
@testable import PoTWeb
import Testing

@Suite("The model follows main block by block")
struct IncrementalModelTests {
    @Test("WEB-INCREMENTAL: a model that follows main forward, through a reorganisation and forward again serves byte for byte the documents of one built from genesis, and replays only the new blocks")
    func followsMainLikeAFreshBuild() async throws {
        let dir = TestEnvironment.temporaryDirectory("chain")
        defer { TestEnvironment.remove(dir) }
        @discardableResult
        func pot(_ arguments: [String]) throws -> String {
            try Run.ok(arguments, in: dir).split(separator: "\n").last.map(String.init) ?? ""
        }
        try Run.ok(["init", "--k", "2", "--alpha", "1000", "--endow", "alice=10000", "--endow", "bob=8000",
                    "--endow", "carol=8000", "--timestamp", "1700000000"], in: dir)
        let followed = try ChainReader(repository: dir, modules: ModuleExplorers.all)
        var replayed = 0
        /// Refreshes the followed model (only looking at main when only main moved, as the
        /// watcher does), checks it replayed `blocks` blocks, and compares it with a fresh one.
        func check(_ step: String, replaying blocks: Int, mainOnly: Bool = false) async throws {
            try await followed.refresh(mainOnly: mainOnly)
            let now = try await followed.blocksReplayed()
            #expect(now - replayed == blocks, "\(step): replayed \(now - replayed) blocks")
            replayed = now
            try await expectSameDocuments(followed, dir: dir, step: step)
        }
        try await check("genesis", replaying: 0)

        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000001"])
        try await check("block 1", replaying: 1, mainOnly: true)
        try pot(["transfer", "--as", "alice", "--to", "bob", "--amount", "1500", "--memo", "rent"])
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000002"])
        let third = try pot(["propose", "--as", "bob", "--canonical", "--timestamp", "1700000003"])
        try await check("blocks 2 and 3", replaying: 2, mainOnly: true)

        // Two candidates at height 4, both carrying a vote for height 3 and a transfer; alice's
        // vote puts A on main, and block 5 on A scores height 3: both change balances.
        try pot(["vote", "--as", "alice", "--height", "3", "--candidates", third, "--probs", "0.9,0.1"])
        try pot(["transfer", "--as", "carol", "--to", "alice", "--amount", "700"])
        let a = try pot(["propose", "--as", "alice", "--timestamp", "1700000004"])
        let b = try pot(["propose", "--as", "bob", "--timestamp", "1700000005"])
        try await check("candidates A and B", replaying: 0)
        try pot(["vote", "--as", "alice", "--height", "4", "--candidates", "\(a),\(b)", "--probs", "0.9,0.05,0.05"])
        try pot(["advance"])
        try await check("A on main", replaying: 1)
        try pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000006"])
        try await check("block 5 on A", replaying: 1, mainOnly: true)

        // bob and carol back B: it wins height 4, and main drops A and block 5.
        for voter in ["bob", "carol"] {
            try pot(["vote", "--as", voter, "--height", "4", "--candidates", "\(a),\(b)", "--probs", "0.05,0.9,0.05"])
        }
        try pot(["advance"])
        try await check("B on main", replaying: 1)
        #expect(followed.snapshot.height(4)?.canonical?.hex == b)

        for time in 7...9 { try pot(["propose", "--as", "carol", "--canonical", "--timestamp", "170000000\(time)"]) }
        try await check("blocks 5 to 7 on B", replaying: 3, mainOnly: true)
        #expect(followed.snapshot.finalizedHeight == 5)
        #expect(followed.snapshot.height(4)?.finalization?.winner.hex == b)
    }

    @Test("WEB-INCREMENTAL: a listing of the refs begun before main moved neither takes main's new blocks away nor shows the old main")
    func staleListingKeepsMainsNewBlocks() async throws {
        let dir = TestEnvironment.temporaryDirectory("chain")
        defer { TestEnvironment.remove(dir) }
        try Run.ok(["init", "--k", "2", "--alpha", "1000", "--endow", "alice=10000", "--endow", "bob=8000", "--timestamp", "1700000000"], in: dir)
        try Run.ok(["propose", "--as", "alice", "--canonical", "--timestamp", "1700000001"], in: dir)
        let followed = try ChainReader(repository: dir, modules: ModuleExplorers.all)
        let stale = try await followed.withStore { try RefsFingerprint.read($0) }
        try Run.ok(["transfer", "--as", "alice", "--to", "bob", "--amount", "10"], in: dir)
        try Run.ok(["propose", "--as", "bob", "--canonical", "--timestamp", "1700000002"], in: dir)
        try await followed.refresh(mainOnly: true)
        #expect(followed.snapshot.state.height == 2)
        // The listing from before block 2 arrives after main followed it.
        try await followed.refresh(listed: stale)
        #expect(followed.snapshot.state.height == 2)
        try await expectSameDocuments(followed, dir: dir, step: "after the stale listing")
        // The next listing brings the transfer stored since (it is in block 2, so not pending).
        try await followed.refresh()
        try await expectSameDocuments(followed, dir: dir, step: "after a fresh listing")
    }
}

/// Every page and JSON document `reader` serves (the status, markets, each block, height and
/// account, and a search) equals, byte for byte, what a model built from genesis now serves.
private func expectSameDocuments(_ reader: ChainReader, dir: String, step: String) async throws {
    let s = reader.snapshot
    let fresh = try ChainReader(repository: dir, modules: ModuleExplorers.all, revision: s.revision - 1)
    let f = fresh.snapshot
    #expect(f.revision == s.revision)
    #expect(Set(f.blocks.keys) == Set(s.blocks.keys) && Set(f.accounts.keys) == Set(s.accounts.keys) && f.heights.count == s.heights.count,
            "\(step): the models hold different blocks, accounts or heights")
    var uris = ["/", "/api/status", "/markets", "/api/markets", "/search?q=zzz", "/api/search?q=1", "/api/search?q=alice"]
    for id in s.blocks.keys { uris += ["/blocks/\(id.hex)", "/api/blocks/\(id.hex)"] }
    for h in s.heights { uris += ["/heights/\(h.height)", "/api/heights/\(h.height)"] }
    for key in s.accounts.keys { uris += ["/accounts/\(key.hex)", "/api/accounts/\(key.hex)"] }
    for market in s.part(of: MarketsExplorer.self).markets { uris += ["/markets/\(market.id)", "/api/markets/\(market.id)"] }
    let followedBodies = try await documents(uris, from: reader, dir: dir)
    let freshBodies = try await documents(uris, from: fresh, dir: dir)
    for uri in uris {
        #expect(followedBodies[uri] == freshBodies[uri], "\(step): \(uri) differs from a fresh build")
    }
}

/// The bodies `reader`'s server answers for `uris`, each of which must answer 200.
private func documents(_ uris: [String], from reader: ChainReader, dir: String) async throws -> [String: String] {
    let app = try WebFixture.application(reader: reader, directory: dir)
    return try await app.test(.router) { client in
        var bodies: [String: String] = [:]
        for uri in uris {
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .ok, "\(uri): \(response.status)")
            bodies[uri] = response.text
        }
        return bodies
    }
}
