import PoTCore

/// What became of a relay a peer sent: the label of `NodeStats.relays` and of the
/// `pot_relays_received_total` metric.
public enum RelayOutcome: String, Sendable, CaseIterable {
    /// Valid and passed on to the other peers.
    case forwarded
    /// Seen before (from another peer, or sent by this node).
    case duplicate
    /// Over the peer's allowance (NET-RELAY); dropped without blame.
    case flood
    /// Judged harmless but not worth passing on by its module.
    case dropped
    /// Broke its module's rules; the sender is blamed.
    case invalid
    /// A topic no agent on this node takes.
    case unknownTopic = "unknown-topic"
}

extension GossipNode {
    /// Hands the relays of `agent.topic` to `agent` from now on.
    public func addAgent(_ agent: any RelayAgent) { agents[agent.topic] = agent }

    /// Floods a relay made on this machine to every ready peer.
    public func broadcastRelay(topic: UInt64, body: [UInt8], now: UInt64) -> [NodeAction] {
        currentTime = now
        seenRelays.insert(Self.relayDigest(topic: topic, body: body))
        forwardRelay(topic: topic, body: body, except: nil)
        stats.relaysSent += 1
        return takeActions()
    }

    func receiveRelay(topic: UInt64, body: [UInt8], from id: PeerID, now: UInt64) {
        let digest = Self.relayDigest(topic: topic, body: body)
        if seenRelays.contains(digest) { return count(.duplicate) }
        // Over the allowance the relay is not remembered, so the same one from a calmer peer passes.
        guard takeRelayAllowance(id, now: now) else { return count(.flood) }
        seenRelays.insert(digest)
        guard let agent = agents[topic] else { return count(.unknownTopic) }
        switch agent.receive(body, now: now) {
        case .forward:
            count(.forwarded)
            forwardRelay(topic: topic, body: body, except: id)
        case .drop:
            count(.dropped)
        case .invalid(let detail):
            count(.invalid)
            penalize(id, .invalidRelay, "invalid relay: \(detail)", now: now)
        }
    }

    func count(_ outcome: RelayOutcome) { stats.relays[outcome.rawValue, default: 0] += 1 }

    func forwardRelay(topic: UInt64, body: [UInt8], except source: PeerID?) {
        for id in peers.keys.sorted() where id != source && peers[id]!.isReady {
            send(.relay(topic: topic, body: body), to: id)
        }
    }

    /// A token bucket per peer: `relayBurst` relays at once, refilled at `relayRate` per second.
    func takeRelayAllowance(_ id: PeerID, now: UInt64) -> Bool {
        guard var peer = peers[id] else { return false }
        let elapsed = min(now > peer.relayRefilledAt ? now - peer.relayRefilledAt : 0, 3_600_000)
        let earned = elapsed * config.relayRate / 1000
        if earned > 0 {
            peer.relayAllowance = min(config.relayBurst, peer.relayAllowance + earned)
            // The milliseconds of a token not yet whole count towards the next one.
            peer.relayRefilledAt = peer.relayAllowance == config.relayBurst ? now : peer.relayRefilledAt + earned * 1000 / config.relayRate
        }
        guard peer.relayAllowance > 0 else {
            peers[id] = peer
            return false
        }
        peer.relayAllowance -= 1
        peers[id] = peer
        return true
    }

    static func relayDigest(topic: UInt64, body: [UInt8]) -> Hash256 {
        DomainHash.sha256(CBOR.array([.unsigned(topic), .bytes(body)]).encoded())
    }
}
