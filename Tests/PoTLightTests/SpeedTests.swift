import PoTCore
import PoTLight
import Testing

@Suite("Speed with 10 000 headers", .serialized)
struct SpeedTests {
    static let clock = ContinuousClock()

    func measure<T>(_ what: String, _ body: () throws -> T) rethrows -> (T, Duration) {
        let start = Self.clock.now
        let result = try body()
        let elapsed = Self.clock.now - start
        print("\(what): \(elapsed)")
        return (result, elapsed)
    }

    @Test("verifying, storing and reloading 10 000 headers each take well under a few seconds")
    func verifyStoreReload() throws {
        let chain = LongChain.chain
        let base = TemporaryDirectory.make()
        defer { TemporaryDirectory.remove(base) }

        let (_, verify) = try measure("verify 10 000 headers with signatures") {
            var verifier = HeaderVerifier(genesis: chain.params)
            return try verifier.verify(chain.headers)
        }
        let (_, linkage) = try measure("verify 10 000 headers, linkage only") {
            var verifier = HeaderVerifier(genesis: chain.params)
            return try verifier.verifyLinkageOnly(chain.headers)
        }
        let (_, store) = try measure("verify and store 10 000 headers in batches of 2000") {
            let store = try HeaderStore.open(directory: base + "/chain", chainId: chain.chainId)
            try store.storeGenesis(chain.genesis)
            for start in stride(from: 0, to: 10_000, by: 2000) { try store.append(Array(chain.headers[start..<start + 2000])) }
        }
        let (reloaded, reload) = try measure("reload 10 000 stored headers") {
            try HeaderStore.read(directory: base + "/chain", chainId: chain.chainId)
        }
        #expect(reloaded.tip?.id == chain.id(at: 10_000))
        #expect(linkage < verify)
        for elapsed in [verify, linkage, store, reload] { #expect(elapsed < .seconds(5)) }
    }
}
