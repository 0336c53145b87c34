import PoTCore
import PoTNet
import Testing

/// An agent that judges a relay by its first byte: 1 forward, 2 drop, anything else invalid.
final class ByteAgent: RelayAgent {
    let topic: UInt64 = 6
    var judged: [[UInt8]] = []
    func receive(_ body: [UInt8], now: UInt64) -> RelayVerdict {
        judged.append(body)
        switch body.first {
        case 1: return .forward
        case 2: return .drop("not for us")
        default: return .invalid("a bad relay")
        }
    }
    func tick(now: UInt64) -> AgentOutput { AgentOutput() }
}

@Suite("Relays")
struct RelayTests {
    func relays(_ h: NodeHarness, from node: Int) -> [[UInt8]] {
        h.sent.compactMap { if $0.from == node, case .relay(_, let body) = $0.message { body } else { nil } }
    }

    @Test("NET-RELAY: a relay is flooded: judged once by each node's agent however many peers send it, passed on to every other peer, never back to its sender")
    func flood() {
        let h = NodeHarness(count: 4)
        let agents = (0..<4).map { _ in ByteAgent() }
        for (node, agent) in zip(h.nodes, agents) { node.addAgent(agent) }
        // A square: 0–1, 1–2, 2–3, 3–0.
        h.connect(0, 1); h.connect(1, 2); h.connect(2, 3); h.connect(3, 0)
        h.perform(h.nodes[0].broadcastRelay(topic: 6, body: [1, 7, 7], now: h.now), by: 0)
        #expect(agents[0].judged.isEmpty, "the maker does not judge its own relay")
        for i in 1...3 { #expect(agents[i].judged == [[1, 7, 7]], "node \(i) judged \(agents[i].judged.count) copies") }
        #expect(h.nodes[2].stats.relays["forwarded"] == 1)
        #expect((h.nodes[2].stats.relays["duplicate"] ?? 0) >= 1, "node 2 hears it from both sides")
        #expect(relays(h, from: 0).count == 2 && h.nodes[0].stats.relaysSent == 1)
        // Node 1 got it from 0 and passes it to 2 only.
        #expect(relays(h, from: 1).count == 1)
    }

    @Test("NET-RELAY: a relay its agent drops goes no further and costs nothing; one it finds invalid costs the sender 25 points; a topic without an agent goes no further")
    func judged() {
        let h = NodeHarness(count: 3)
        let agent = ByteAgent()
        h.nodes[1].addAgent(agent)
        h.connect(0, 1); h.connect(1, 2)
        h.perform(h.nodes[0].broadcastRelay(topic: 6, body: [2], now: h.now), by: 0)
        #expect(relays(h, from: 1).isEmpty && h.nodes[1].stats.relays["dropped"] == 1)
        h.perform(h.nodes[0].broadcastRelay(topic: 6, body: [3], now: h.now), by: 0)
        #expect(relays(h, from: 1).isEmpty && h.nodes[1].stats.relays["invalid"] == 1)
        #expect(h.nodes[1].stats.penalties["invalid-relay"] == 25)
        h.perform(h.nodes[0].broadcastRelay(topic: 9, body: [1], now: h.now), by: 0)
        #expect(relays(h, from: 1).isEmpty && h.nodes[1].stats.relays["unknown-topic"] == 1)
        // Four invalid relays reach the ban threshold.
        for byte in 4...6 { h.perform(h.nodes[0].broadcastRelay(topic: 6, body: [UInt8(byte)], now: h.now), by: 0) }
        #expect(h.closed.contains { $0.node == 1 && $0.reason.kind == .misbehavior })
    }

    @Test("NET-RELAY: a peer may send relayBurst relays at once and relayRate per second after that; the excess is dropped without blame and not remembered, so the same relay from a calmer peer still passes")
    func allowance() {
        var config = NodeConfig()
        config.relayBurst = 5
        config.relayRate = 10
        let h = NodeHarness(count: 3, config: config)
        let agent = ByteAgent()
        h.nodes[1].addAgent(agent)
        h.connect(0, 1); h.connect(2, 1)
        for i in 0..<8 { h.perform(h.nodes[0].broadcastRelay(topic: 6, body: [1, UInt8(i)], now: h.now), by: 0) }
        #expect(agent.judged.count == 5 && h.nodes[1].stats.relays["flood"] == 3)
        #expect(h.nodes[1].stats.penalties.isEmpty)
        h.perform(h.nodes[2].broadcastRelay(topic: 6, body: [1, 7], now: h.now), by: 2)
        #expect(agent.judged.last == [1, 7], "the relay refused from node 0 passes from node 2")
        h.now += 200  // two more relays earned at 10 per second
        for i in 10..<13 { h.perform(h.nodes[0].broadcastRelay(topic: 6, body: [1, UInt8(i)], now: h.now), by: 0) }
        #expect(agent.judged.count == 8 && h.nodes[1].stats.relays["flood"] == 4)
    }

    @Test("NET-MSG NET-RELAY: a relay is {0: 18, 1: topic, 2: body} with a body of at most 8 KiB")
    func encoding() throws {
        let message = Message.relay(topic: 6, body: [1, 2, 3])
        #expect(message.encoded() == CBOR.map([0: .unsigned(18), 1: .unsigned(6), 2: .bytes([1, 2, 3])]).encoded())
        #expect(try Message(bytes: message.encoded(), modules: .standard) == message)
        let big = CBOR.map([0: .unsigned(18), 1: .unsigned(6), 2: .bytes([UInt8](repeating: 0, count: Message.maxRelayBytes + 1))]).encoded()
        #expect(throws: (any Error).self) { try Message(bytes: big, modules: .standard) }
        #expect(throws: (any Error).self) { try Message(bytes: CBOR.map([0: .unsigned(18), 1: .unsigned(6)]).encoded(), modules: .standard) }
    }
}
