import Foundation
import PoTCore
import PoTNet
import PoTNode
import PoTStore
import Testing

@Suite("Gossip simulation")
struct GossipSimulationTests {
    static let memberCount = 8

    /// NET-CONVERGE: 16 honest nodes with random delays, 10% loss, a partition that heals and
    /// two hostile peers all end with the same main and the same state.
    @Test("NET-CONVERGE: 16 nodes, loss, a healed partition and hostile peers converge")
    func sixteenNodesConverge() throws {
        let root = NSTemporaryDirectory() + "pot-sim-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let members = (0..<Self.memberCount).map { try! SigningKey(seed: [UInt8](repeating: UInt8($0 + 1), count: 32)) }
        let params = try ChainParams(confirmations: 2, alpha: 1000,
                                     initialAccounts: members.map { .init(key: $0.publicKey, balance: 10_000) },
                                     createdAt: 1_700_000_000)
        let network = SimulatedNetwork(seed: 42)
        var config = NodeConfig()
        config.syncInterval = 5_000
        config.targetOutbound = 4
        config.requestTimeout = 1_000
        var nodes: [HonestNode] = []
        for i in 0..<16 {
            let node = try HonestNode(address: "n\(i)", directory: "\(root)/n\(i)", params: params, seed: UInt64(i + 1), config: config)
            node.node.addStaticPeers([(i + 1) % 16, (i + 5) % 16].map { "n\($0)" })
            nodes.append(node)
            network.add(node)
        }
        let hostiles = (0..<2).map { HostilePeer(address: "h\($0)", chainId: params.chainId, targets: nodes.map(\.address), seed: UInt64(100 + $0)) }
        hostiles.forEach(network.add)

        let rounds = 12
        for round in 0..<rounds {
            let start = UInt64(2_000 + round * 3_000)
            network.at(start) { Self.propose(on: nodes[round % Self.memberCount], key: members[round % Self.memberCount], now: network.now) }
            if round % 4 == 1 {
                let rival = (round + 3) % Self.memberCount
                network.at(start + 50) { Self.propose(on: nodes[rival], key: members[rival], now: network.now) }
            }
            network.at(start + 1_200) {
                for (i, key) in members.enumerated() { Self.vote(on: nodes[i], key: key) }
            }
        }
        network.at(17_000) {
            let tx = TrustTransfer(from: members[1].publicKey, to: members[2].publicKey, amount: 250, nonce: 1, memo: "sim")
            try! nodes[1].cli.withWriteLock { try nodes[1].cli.addTransfer(SignedTransfer.sign(tx, with: members[1], chain: params.chainId)) }
        }
        let partitioned = Set((12..<16).map { "n\($0)" })
        network.at(15_000) { network.partition = partitioned }
        network.at(40_000) { network.partition = [] }

        let heal: UInt64 = 40_000
        let lastEvent = max(heal, UInt64(2_000 + rounds * 3_000))
        network.run(until: lastEvent)
        var convergedAt: UInt64?
        while network.now < 240_000 {
            network.run(until: network.now + 500)
            let mains = Set(nodes.map(\.mainCommit))
            if mains.count == 1, nodes.allSatisfy({ $0.node.isSettled }) {
                convergedAt = network.now
                break
            }
        }
        print("simulation: 16 nodes, \(network.framesSent) frames sent, \(network.framesLost) lost; "
              + "converged \(convergedAt.map { "\(Double($0 - lastEvent) / 1000) s after the last event (sim time \(Double($0) / 1000) s)" } ?? "never")")
        print("simulation: heights \(nodes.map { (try? $0.store.currentState().height) ?? 0 })")
        #expect(convergedAt != nil)
        let states = try nodes.map { try $0.store.currentState() }
        #expect(states.allSatisfy { $0 == states[0] })
        #expect(states[0].height >= UInt64(rounds - 1))
        #expect(states[0].finalizedHeight >= UInt64(rounds - 3))
        #expect(states[0].accounts[members[2].publicKey]?.balance ?? 0 > 10_000)

        let totals = nodes.reduce(into: NodeStats()) { sum, node in
            for (k, v) in node.node.stats.rejected { sum.rejected[k, default: 0] += v }
            for (k, v) in node.node.stats.disconnects { sum.disconnects[k, default: 0] += v }
            sum.bans += node.node.stats.bans
        }
        print("simulation: rejected \(totals.rejected.sorted { $0.key < $1.key }), disconnects \(totals.disconnects.sorted { $0.key < $1.key }), bans \(totals.bans)")
        #expect(hostiles.allSatisfy { $0.attacksLaunched >= 7 })
        #expect(totals.rejected["bad-signature", default: 0] > 0)
        #expect(totals.rejected["unknown-parent", default: 0] > 0)
        #expect(totals.disconnects["wrongChain", default: 0] > 0)
        #expect(totals.disconnects["oversized", default: 0] > 0)
        #expect(totals.disconnects["malformed", default: 0] > 0)
        #expect(totals.bans > 0)
    }

    static func propose(on node: HonestNode, key: SigningKey, now: UInt64) {
        let time = 1_700_000_000 + now / 1000
        do {
            _ = try node.cli.withWriteLock {
                try node.cli.propose(as: key, merges: [], timestamp: time, now: time, canonical: false)
            }
        } catch {
            Issue.record("proposal at \(node.address) failed: \(error)")
        }
    }

    /// Each member votes on the newest height its node has blocks for, favoring the smallest id.
    static func vote(on node: HonestNode, key: SigningKey) {
        let store = node.cli
        guard let height = try? store.currentState().height, height >= 1,
              let candidates = try? store.blockIds(at: height), !candidates.isEmpty else { return }
        let ordered = candidates.sorted()
        let rest = ordered.count > 1 ? UInt64(200_000) / UInt64(ordered.count - 1) : 0
        var probs = [UInt64(700_000)] + Array(repeating: rest, count: ordered.count - 1)
        probs.append(1_000_000 - probs.reduce(0, +))
        guard let vote = try? Vote(voter: key.publicKey, height: height, candidates: ordered, probsPpm: probs) else { return }
        _ = try? store.withWriteLock { try store.addVote(SignedVote.sign(vote, with: key, chain: store.chainId)) }
    }
}
