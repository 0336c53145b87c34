import PoTCore

extension GossipNode {
    func checkTimeouts(now: UInt64) {
        for id in peers.keys.sorted() {
            guard let peer = peers[id] else { continue }
            if !peer.isReady, now >= peer.connectedAt + config.handshakeTimeout {
                close(id, DisconnectReason(.timeout, "no handshake within \(config.handshakeTimeout) ms"), tellPeer: true, now: now)
            } else if let since = peer.partialSince, now >= since + config.frameTimeout {
                close(id, DisconnectReason(.timeout, "a frame took longer than \(config.frameTimeout) ms to arrive"), tellPeer: true, now: now)
            } else if now >= peer.lastReceivedAt + config.idleTimeout {
                close(id, DisconnectReason(.timeout, "silent for \(config.idleTimeout) ms"), tellPeer: true, now: now)
            } else if peer.isReady, now >= peer.lastPingAt + config.pingInterval {
                peers[id]?.lastPingAt = now
                send(.ping(now), to: id)
            }
        }
        bannedKeys = bannedKeys.filter { $0.value > now }
    }

    /// Requests that timed out go to another peer that announced the item, if any.
    func retryRequests(now: UInt64) {
        let expired = requested.filter { $0.value.deadline <= now }.map(\.key)
        for item in expired.sorted(by: { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }) {
            guard let owner = requested.removeValue(forKey: item)?.peer else { continue }
            peers[owner]?.inFlight.remove(item)
            orphanParentRequests[item.id] = nil
            let others = peers.filter { $0.key != owner && $0.value.isReady && $0.value.known.contains(item) }.map(\.key).sorted()
            if let next = others.first { request([item], from: next) }
        }
        for id in peers.keys.sorted() {
            refill(id)
            continueSync(with: id)
        }
    }

    func dialMissingPeers(now: UInt64) {
        let connected = Set(peers.values.flatMap { [$0.address, $0.listenAddress].compactMap { $0 } })
        var outbound = peers.values.filter(\.outbound).count + dialing.count
        let candidates = staticPeers + addressBook.keys.filter { !staticPeers.contains($0) }.sorted()
        for address in candidates {
            let isStatic = staticPeers.contains(address)
            guard isStatic || outbound < config.targetOutbound else { break }
            guard !connected.contains(address), !dialing.contains(address), address != config.listenAddress,
                  now >= (addressBook[address] ?? 0) else { continue }
            addressBook[address] = now + config.reconnectInterval
            dialing.insert(address)
            outbound += 1
            actions.append(.connect(address))
        }
    }
}
