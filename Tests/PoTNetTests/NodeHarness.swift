import PoTCore
import PoTModules
import PoTNet

/// A backend in memory: accepts validly signed votes for any height and blocks whose parent it
/// has, enough to test the gossip node's logic without git.
final class MemoryBackend: GossipBackend {
    let chainId = DomainHash.sha256(Array("memory chain".utf8))
    let genesisParams: [UInt8] = [0xA0]
    let modules = ChainModules.standard
    var objects: [InventoryItem: WireObject] = [:]
    var blockHeights: [Hash256: UInt64] = [:]
    var settles = 0
    var tipHeight: UInt64 { blockHeights.values.max() ?? 0 }
    var finalizedHeight: UInt64 = 0

    func has(_ item: InventoryItem) -> Bool { objects[item] != nil }
    func object(for item: InventoryItem) -> WireObject? { objects[item] }

    func accept(_ object: WireObject, item: InventoryItem) -> Acceptance {
        if objects[item] != nil { return .duplicate }
        switch object {
        case .vote(let v):
            guard v.hasValidSignature(chain: chainId) else { return .invalid(code: .badSignature, detail: "vote") }
        case .transfer(let t):
            guard t.hasValidSignature(chain: chainId) else { return .invalid(code: .badSignature, detail: "transfer") }
        case .block(let b):
            guard b.header.hasValidSignature(chain: chainId) else { return .invalid(code: .badSignature, detail: "header") }
            if b.header.header.parent != chainId && blockHeights[b.header.header.parent] == nil { return .missingParent(b.header.header.parent) }
            blockHeights[item.id] = b.header.header.height
        case .module(let m):
            guard m.object.hasValidSignature(chain: chainId) else { return .invalid(code: .badSignature, detail: m.kind.shortName) }
        }
        objects[item] = object
        return .stored
    }

    func canonicalHeaders(from: UInt64, count: Int) -> [SignedHeader] {
        objects.values.compactMap { if case .block(let b) = $0 { b.header } else { nil } }
            .filter { $0.header.height >= from }.sorted { $0.header.height < $1.header.height }.prefix(count).map { $0 }
    }

    func syncPage(from: UInt64, maxItems: Int) -> (items: [InventoryItem], next: UInt64?) {
        let all = objects.keys.sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
        return (Array(all.prefix(maxItems)), all.count > maxItems ? from + 1 : nil)
    }

    func settle() { settles += 1 }

    // Object makers.
    let member = try! SigningKey(seed: [UInt8](repeating: 42, count: 32))

    func vote(_ height: UInt64) -> WireObject {
        .vote(SignedVote.sign(try! Vote(voter: member.publicKey, height: height, candidates: [chainId], probsPpm: [500_000, 500_000]),
                              with: member, chain: chainId))
    }

    func block(_ height: UInt64, parent: Hash256? = nil) -> WireObject {
        let header = try! BlockHeader(height: height, parent: parent ?? chainId, proposer: member.publicKey, timestamp: height,
                                      tree: [UInt8](repeating: 0, count: 20), codeCommits: [], payloadRoot: Payload().root(chain: chainId))
        return .block(BlockBundle(header: SignedHeader.sign(header, with: member, chain: chainId), payload: Payload()))
    }
}

/// Two or more gossip nodes wired back to back with no delay, on a clock the test moves.
final class NodeHarness {
    var nodes: [GossipNode] = []
    var backends: [MemoryBackend] = []
    var now: UInt64 = 1_000
    /// (node, peer id) → (other node, other peer id)
    var links: [[PeerID: (Int, PeerID)]] = []
    var nextID = 1
    var sent: [(from: Int, message: Message)] = []
    var closed: [(node: Int, reason: DisconnectReason)] = []

    convenience init(count: Int, config: NodeConfig = NodeConfig()) {
        self.init(count: count) { _ in config }
    }

    init(count: Int, configs: (Int) -> NodeConfig) {
        for i in 0..<count {
            let config = configs(i)
            let backend = MemoryBackend()
            backends.append(backend)
            nodes.append(GossipNode(config: config, identity: try! SigningKey(seed: [UInt8](repeating: UInt8(i + 1), count: 32)),
                                    backend: backend, random: SystemRandomNumberGenerator()))
            links.append([:])
        }
    }

    func connect(_ a: Int, _ b: Int) {
        let ea = nextID, eb = nextID + 1
        nextID += 2
        links[a][ea] = (b, eb)
        links[b][eb] = (a, ea)
        let first = nodes[a].peerConnected(ea, address: "n\(b):1", outbound: true, now: now)
        let second = nodes[b].peerConnected(eb, address: nil, outbound: false, now: now)
        // Both hellos are on the wire before either side answers, as with TCP.
        draining = true
        perform(first, by: a)
        perform(second, by: b)
        draining = false
        perform([], by: a)
    }

    private var queue: [(to: Int, end: PeerID, bytes: [UInt8])] = []
    private var draining = false

    /// Carries out actions; frames are delivered in the order they were sent, as over TCP.
    func perform(_ actions: [NodeAction], by owner: Int) {
        for action in actions {
            switch action {
            case let .send(peer, bytes):
                if let m = try? Message(bytes: Array(bytes.dropFirst(4)), modules: .standard) { sent.append((owner, m)) }
                guard let (other, otherEnd) = links[owner][peer] else { continue }
                queue.append((other, otherEnd, bytes))
            case let .close(peer, reason):
                closed.append((owner, reason))
                guard let (other, otherEnd) = links[owner].removeValue(forKey: peer) else { continue }
                links[other][otherEnd] = nil
                nodes[other].peerDisconnected(otherEnd, now: now)
            case .connect:
                break
            }
        }
        guard !draining else { return }
        draining = true
        while !queue.isEmpty {
            let next = queue.removeFirst()
            perform(nodes[next.to].received(next.bytes, from: next.end, now: now), by: next.to)
        }
        draining = false
    }

    func tick(by ms: UInt64) {
        now += ms
        for i in nodes.indices { perform(nodes[i].tick(now: now), by: i) }
    }
}
