import PoTCore

extension GossipNode {
    /// NET-SLOTS: whether a new connection may start its handshake. Established peers are limited
    /// by `maxPeers`. Inbound connections still in their handshake are limited by
    /// `maxPendingInbound`; when those slots are full, the pending connection that has not sent a
    /// hello for longest (else the oldest) is closed to make room, so idle connections can never
    /// keep a newcomer out. Returns the reason to refuse, if any.
    func admit(outbound: Bool, now: UInt64) -> DisconnectReason? {
        if readyPeerCount >= config.maxPeers { return DisconnectReason(.full, "too many peers") }
        guard !outbound else { return nil }
        let pending = peers.filter { !$0.value.outbound && !$0.value.isReady }
        guard pending.count >= config.maxPendingInbound else { return nil }
        let victim = pending.min { a, b in Self.evictionRank(a.key, a.value) < Self.evictionRank(b.key, b.value) }
        if let victim {
            close(victim.key, DisconnectReason(.evicted, "handshake slots are full; the longest silent connection makes room"),
                  tellPeer: true, now: now)
        }
        return nil
    }

    /// Lower ranks are evicted first: no hello yet, then connected earliest.
    private static func evictionRank(_ id: PeerID, _ peer: PeerState) -> (Int, UInt64, PeerID) {
        (peer.session.peerHello == nil ? 0 : 1, peer.connectedAt, id)
    }

    /// A handshake that completes when every peer slot is taken ends the connection.
    func hasRoomForEstablished(_ id: PeerID) -> Bool {
        peers.filter { $0.key != id && $0.value.isReady }.count < config.maxPeers
    }
}
