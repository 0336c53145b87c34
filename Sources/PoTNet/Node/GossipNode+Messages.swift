import PoTCore

extension GossipNode {
    func established(_ id: PeerID, hello: Hello, now: UInt64) {
        if isBanned(hello.nodeKey, now: now) {
            close(id, DisconnectReason(.banned, "node \(hello.nodeKey.short) is banned"), tellPeer: true, now: now)
            return
        }
        if peers.contains(where: { $0.key != id && $0.value.isReady && $0.value.nodeKey == hello.nodeKey }) {
            close(id, DisconnectReason(.duplicate, "already connected to node \(hello.nodeKey.short)"), tellPeer: true, now: now)
            return
        }
        guard hasRoomForEstablished(id) else {
            close(id, DisconnectReason(.full, "too many peers"), tellPeer: true, now: now)
            return
        }
        if let address = hello.listenAddress {
            peers[id]?.listenAddress = address
            if addressBook[address] == nil, addressBook.count < 1000 { addressBook[address] = 0 }
        }
        send(.getSync(from: backend.finalizedHeight + 1), to: id)
        if peers[id]?.outbound == true { send(.getAddresses, to: id) }
    }

    func handle(_ message: Message, from id: PeerID, now: UInt64) {
        switch message {
        case .ping(let n):
            send(.pong(n), to: id)
        case .pong, .headers, .genesis:
            break
        case .inventory(let items):
            for item in items { peers[id]?.known.insert(item) }
            want(items, from: id)
        case .getData(let items):
            serve(items, to: id)
        case .object(let object):
            receiveObject(object, from: id, now: now)
        case .notFound(let items):
            notFound(items, from: id, now: now)
        case let .getHeaders(from, count):
            let headers = backend.canonicalHeaders(from: from, count: Int(min(count, Message.maxHeaders)))
            send(.headers(from: from, headers), to: id)
        case .getSync(let from):
            let page = backend.syncPage(from: from, maxItems: Message.maxItems)
            send(.syncPage(items: page.items, next: page.next), to: id)
        case let .syncPage(items, next):
            for item in items { peers[id]?.known.insert(item) }
            peers[id]?.syncNext = next
            want(items, from: id)
            continueSync(with: id)
        case .getAddresses:
            let own = peers[id]?.listenAddress
            let list = addressBook.keys.filter { $0 != own }.sorted().prefix(Message.maxAddresses)
            send(.addresses(Array(list)), to: id)
        case .addresses(let list):
            for address in list where addressBook[address] == nil && addressBook.count < 1000
                && address != config.listenAddress && Self.isDialable(address) {
                addressBook[address] = 0
            }
        case .getGenesis:
            send(.genesis(params: backend.genesisParams), to: id)
        case let .relay(topic, body):
            receiveRelay(topic: topic, body: body, from: id, now: now)
        case .hello, .auth, .goodbye:
            break // the session handles these
        }
    }

    /// "host:port" with a port from 1 to 65535 (`HostPort`).
    static func isDialable(_ address: String) -> Bool { (try? HostPort(parsing: address)) != nil }

    func serve(_ items: [InventoryItem], to id: PeerID) {
        var missing: [InventoryItem] = []
        for item in items {
            if let object = backend.object(for: item) {
                send(.object(object), to: id)
                peers[id]?.known.insert(item)
                stats.relayed += 1
            } else {
                missing.append(item)
            }
        }
        if !missing.isEmpty { send(.notFound(missing), to: id) }
    }

    /// Asks for the next sync page once everything asked for from the last one has arrived.
    func continueSync(with id: PeerID) {
        guard let peer = peers[id], let next = peer.syncNext, peer.inFlight.isEmpty, peer.wanted.isEmpty else { return }
        peers[id]?.syncNext = nil
        send(.getSync(from: next), to: id)
    }

    /// Queues the items this node lacks for request from `id`, within its in-flight allowance.
    func want(_ items: [InventoryItem], from id: PeerID) {
        guard peers[id] != nil else { return }
        peers[id]!.wanted += items.filter(isMissing)
        refill(id)
    }

    func isMissing(_ item: InventoryItem) -> Bool {
        requested[item] == nil && !rejected.contains(item) && !backend.has(item)
    }

    /// Requests waiting items from `id` as its in-flight allowance frees up.
    func refill(_ id: PeerID) {
        guard let peer = peers[id], !peer.wanted.isEmpty else { return }
        var batch: [InventoryItem] = []
        var taken = 0
        let room = config.maxInFlightPerPeer - peer.inFlight.count
        while batch.count < room, taken < peer.wanted.count {
            let item = peer.wanted[taken]
            taken += 1
            if isMissing(item) { batch.append(item) }
        }
        peers[id]!.wanted.removeFirst(taken)
        request(batch, from: id)
    }

    /// Asks `id` for `items` now, and remembers who was asked until when.
    func request(_ items: [InventoryItem], from id: PeerID) {
        guard !items.isEmpty, peers[id] != nil else { return }
        for item in items {
            peers[id]!.inFlight.insert(item)
            requested[item] = (id, currentTime + config.requestTimeout)
        }
        for start in stride(from: 0, to: items.count, by: Message.maxItems) {
            send(.getData(Array(items[start..<min(start + Message.maxItems, items.count)])), to: id)
        }
    }

    func notFound(_ items: [InventoryItem], from id: PeerID, now: UInt64) {
        for item in items {
            guard peers[id]?.inFlight.remove(item) != nil else { continue }
            if requested[item]?.peer == id { requested[item] = nil }
            if item.kind == .block, orphanParentRequests[item.id] == id {
                orphanParentRequests[item.id] = nil
                let dropped = orphans.removeValue(forKey: item.id) ?? []
                orphanCount -= dropped.count
                for orphan in dropped where peers[orphan.from] != nil {
                    reject(.unknownParent)
                    penalize(orphan.from, .unknownParent, "sent a block whose parent it cannot supply", now: now)
                }
            }
        }
        refill(id)
        continueSync(with: id)
    }
}
