import Foundation
import PoTTestSupport
import Testing

@Suite("The state cache is never trusted over the chain")
struct CacheTests {
    var cache: (WalkthroughChain) -> String = { $0.directory + "/.git/pot/cache/state-v1.cbor" }

    @Test("GIT-CACHE: a missing cache is rebuilt to the same status")
    func missingCacheIsRebuilt() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let before = try chain.statusJSON()
        try FileManager.default.removeItem(atPath: cache(chain))
        #expect(try chain.statusJSON() == before)
        #expect(FileManager.default.fileExists(atPath: cache(chain)))
    }

    @Test("GIT-CACHE: a corrupt cache is ignored and rebuilt")
    func corruptCacheIsRebuilt() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let before = try chain.statusJSON()
        try Data([0xff, 0x00, 0x13]).write(to: URL(fileURLWithPath: cache(chain)))
        #expect(try chain.statusJSON() == before)
    }

    @Test("GIT-CACHE: a stale cache (main moved by plain git) is recomputed for the new main")
    func staleCacheFollowsMain() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let atTip = try chain.statusJSON()
        try Run.git(["update-ref", "refs/heads/main", "main~1"], in: chain.directory)
        let rewound = try chain.statusJSON()
        #expect(rewound.contains("\"finalized_height\" : 0"))
        #expect(rewound != atTip)
        try Run.ok(["advance"], in: chain.directory)
        #expect(try chain.statusJSON() == atTip)
    }
}
