import BenchSupport
import Benchmark
import Foundation
import Logging
import PoTCore
import PoTLight
import PoTNet
import PoTNode
import PoTStore

// The network, measured against baselines from the same run:
//
//   net.votes.daemon      2 000 votes (one per member) offered by inventory to one daemon over
//                         TCP, until it has validated and stored every one in git
//   net.votes.rawVerify   the same 2 000 signatures checked one after the other on one thread
//                         (PublicKey.verifies over ids computed beforehand)
//   net.votes.batchVerify the same 2 000 signatures checked as the daemon checks a batch (SignatureBatch,
//                         on every core)
//   net.light.sync        pot-light's sync of the 10 000 headers a daemon serves, into an empty store
//   net.headers.rawVerify the same 10 000 header signatures checked on one thread
//   net.propagation16     a vote submitted at one of 16 loopback daemons, until all 16 stored it
//   net.tcp.roundtrip     64 bytes sent and echoed back over one loopback TCP connection

let voteCount = 2_000
let headerCount = 10_000
let quiet = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })

final class VoteFixture: @unchecked Sendable {
    let params: ChainParams
    /// The chain id, computed once (`params.chainId` hashes the parameters of 2 000 accounts).
    let chain: Hash256
    let votes: [SignedVote]
    /// Each vote's key, signature and id, computed once: the input of plain Ed25519 verification.
    let work: [(PublicKey, [UInt8], Hash256)]

    init(members: Int) throws {
        let keys = parallelMap(members) { benchKey($0, tag: 0x5E) }
        params = try ChainParams(confirmations: 2, alpha: 1000, initialAccounts: keys.map { .init(key: $0.publicKey, balance: 1000) },
                                 createdAt: ChainFixture.createdAt, note: "network benchmark")
        let chain = params.chainId
        self.chain = chain
        votes = parallelMap(members) { i in
            SignedVote.sign(try! Vote(voter: keys[i].publicKey, height: 1, candidates: [chain], probsPpm: [600_000, 400_000]),
                            with: keys[i], chain: chain)
        }
        work = votes.map { ($0.vote.voter, $0.signature, $0.id(chain: chain)) }
    }

    func freshNode(_ name: String, peers: [PeerAddress] = []) async throws -> NodeRuntime {
        let dir = BenchPaths.fixtures + "/\(name)-\(UUID().uuidString.prefix(8))"
        let store = try ChainFixture.initialize(at: dir, params: params)
        return try await NodeRuntime.start(store: store, options: NodeOptions(listen: PeerAddress(host: "127.0.0.1", port: 0), peers: peers),
                                           logger: quiet)
    }
}

/// Counts, per item, how many nodes stored it, and wakes a waiter when all have.
final class ArrivalCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [InventoryItem: Int] = [:]
    private var waiting: (item: InventoryItem, target: Int, done: DispatchSemaphore)?

    func stored(_ item: InventoryItem) {
        lock.lock()
        counts[item, default: 0] += 1
        if let w = waiting, w.item == item, counts[item]! >= w.target { waiting = nil; w.done.signal() }
        lock.unlock()
    }

    func wait(for item: InventoryItem, count: Int, timeout: Double = 10) -> Bool {
        let done = DispatchSemaphore(value: 0)
        lock.lock()
        if counts[item, default: 0] >= count { lock.unlock(); return true }
        waiting = (item, count, done)
        lock.unlock()
        return done.wait(timeout: .now() + timeout) == .success
    }
}

nonisolated(unsafe) var votes: VoteFixture?
nonisolated(unsafe) var lightNode: NodeRuntime?
nonisolated(unsafe) var lightChain: Hash256?
nonisolated(unsafe) var headerWork: [SignedHeader] = []
nonisolated(unsafe) var mesh: [NodeRuntime] = []
nonisolated(unsafe) var meshArrivals = ArrivalCounter()
nonisolated(unsafe) var meshKeys: [SigningKey] = []
nonisolated(unsafe) var meshRound = 0

let benchmarks: @Sendable () -> Void = {
    let slow = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal], timeUnits: .microseconds, warmupIterations: 1,
        scalingFactor: .one, maxDuration: .seconds(60), maxIterations: 5)

    var voteConfig = slow
    voteConfig.setup = { votes = try VoteFixture(members: voteCount) }
    voteConfig.teardown = { votes = nil }

    Benchmark("net.votes.rawVerify", configuration: voteConfig) { benchmark in
        let fixture = votes!
        var valid = 0
        for (key, signature, digest) in fixture.work where key.verifies(signature, over: digest) { valid += 1 }
        if valid != voteCount { benchmark.error("\(valid) of \(voteCount) verified") }
    }

    Benchmark("net.votes.batchVerify", configuration: voteConfig) { benchmark in
        let fixture = votes!
        let chain = fixture.chain
        let batch = SignatureBatch(items: fixture.votes.map(SignedItem.init), chain: chain)
        let valid = fixture.votes.filter { batch.verified($0, chain: chain) }.count
        if valid != voteCount { benchmark.error("\(valid) of \(voteCount) verified") }
    }

    Benchmark("net.votes.daemon", configuration: voteConfig) { benchmark in
        let fixture = votes!
        let chain = fixture.chain
        let byItem = Dictionary(uniqueKeysWithValues: fixture.votes.map { (InventoryItem(.vote, $0.id(chain: chain)), $0) })
        let arrivals = ArrivalCounter()
        let done = InventoryItem(.vote, DomainHash.sha256(Array("all stored".utf8)))
        let runtime = try await fixture.freshNode("votes")
        let counted = NIOCounter()
        try await runtime.onNodeThread {
            runtime.backend.onStored = { _ in if counted.increment() == voteCount { arrivals.stored(done) } }
        }
        let peer = try BlockingPeer(port: runtime.listenAddress.port, chain: chain)
        benchmark.startMeasurement()
        for start in stride(from: 0, to: voteCount, by: Message.maxItems) {
            peer.send(.inventory(Array(byItem.keys.sorted { $0.id < $1.id }[start..<min(start + Message.maxItems, voteCount)])))
        }
        var served = 0
        while served < voteCount {
            guard case .getData(let items) = try peer.next() else { continue }
            var frames: [UInt8] = []
            for item in items { if let vote = byItem[item] { frames += PeerSession.frame(.object(.vote(vote))) } }
            peer.write(frames)
            served += items.count
        }
        let complete = arrivals.wait(for: done, count: 1, timeout: 60)
        benchmark.stopMeasurement()
        if !complete { benchmark.error("the daemon stored \(counted.value) of \(voteCount) votes") }
        await runtime.shutdown()
    }

    var light = slow
    light.setup = {
        let store = try ChainFixture.build(at: BenchPaths.fixtures + "/light-\(headerCount)", blocks: headerCount, members: 1, withVotes: false)
        lightChain = store.chainId
        headerWork = try store.currentStates().tip.height == UInt64(headerCount)
            ? try (1...UInt64(headerCount)).map { h in try store.loadBlock(height: h, id: store.blockIds(at: h)[0]).signed } : []
        lightNode = try await NodeRuntime.start(store: store, options: NodeOptions(listen: PeerAddress(host: "127.0.0.1", port: 0)), logger: quiet)
    }
    light.teardown = {
        if let node = lightNode { await node.shutdown() }
        lightNode = nil
        headerWork = []
    }

    Benchmark("net.headers.rawVerify", configuration: light) { benchmark in
        let chain = lightChain!
        var valid = 0
        for header in headerWork where header.hasValidSignature(chain: chain) { valid += 1 }
        if valid != headerCount { benchmark.error("\(valid) of \(headerCount) headers verified") }
    }

    Benchmark("net.light.sync", configuration: light) { benchmark in
        let dir = BenchPaths.fixtures + "/light-client-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let address = PeerAddress(host: "127.0.0.1", port: lightNode!.listenAddress.port)
        let report = try await LightSync(directory: dir).sync(peers: [address], chainId: lightChain!)
        if report.tip.height != UInt64(headerCount) { benchmark.error("synced \(report.tip.height) headers") }
    }

    var latency = Benchmark.Configuration(
        metrics: [.wallClock], timeUnits: .microseconds, warmupIterations: 10,
        scalingFactor: .one, maxDuration: .seconds(30), maxIterations: 400)
    latency.setup = {
        meshKeys = parallelMap(400 + 20) { benchKey($0, tag: 0x6D) }
        let params = try ChainParams(confirmations: 2, alpha: 1000, initialAccounts: meshKeys.map { .init(key: $0.publicKey, balance: 1000) },
                                     createdAt: ChainFixture.createdAt, note: "mesh")
        meshArrivals = ArrivalCounter()
        var nodes: [NodeRuntime] = []
        for i in 0..<16 {
            let peers = i == 0 ? [] : [nodes[(i - 1)].listenAddress] + (i >= 4 ? [nodes[i / 2].listenAddress] : [])
            let dir = BenchPaths.fixtures + "/mesh-\(i)-\(UUID().uuidString.prefix(6))"
            let store = try ChainFixture.initialize(at: dir, params: params)
            let node = try await NodeRuntime.start(store: store, options: NodeOptions(listen: PeerAddress(host: "127.0.0.1", port: 0), peers: peers),
                                                   logger: quiet)
            let arrivals = meshArrivals
            try await node.onNodeThread { node.backend.onStored = { arrivals.stored($0) } }
            nodes.append(node)
        }
        mesh = nodes
        // Wait for the mesh to form.
        for _ in 0..<100 {
            var ready = true
            for node in nodes where try await node.status().peers.filter(\.ready).count < 2 { ready = false }
            if ready { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        meshRound = 0
    }
    latency.teardown = {
        for node in mesh { await node.shutdown() }
        mesh = []
    }

    Benchmark("net.propagation16", configuration: latency) { benchmark in
        let chain = mesh[0].store.chainId
        let key = meshKeys[meshRound % meshKeys.count]
        meshRound += 1
        let vote = SignedVote.sign(try Vote(voter: key.publicKey, height: 1, candidates: [chain],
                                            probsPpm: [UInt64(meshRound), 1_000_000 - UInt64(meshRound)]), with: key, chain: chain)
        let item = InventoryItem(.vote, vote.id(chain: chain))
        benchmark.startMeasurement()
        _ = try await mesh[0].submit(.vote(vote))
        let all = meshArrivals.wait(for: item, count: 16)
        benchmark.stopMeasurement()
        if !all { benchmark.error("a vote did not reach all 16 daemons") }
    }

    var echo = latency
    echo.setup = { try EchoServer.shared.start() }
    Benchmark("net.tcp.roundtrip", configuration: echo) { benchmark in
        let message = [UInt8](repeating: 7, count: 64)
        benchmark.startMeasurement()
        EchoServer.shared.roundTrip(message)
        benchmark.stopMeasurement()
    }
}

/// A counter shared between threads.
final class NIOCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
}
