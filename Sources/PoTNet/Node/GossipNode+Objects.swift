import PoTCore

extension GossipNode {
    func receiveObject(_ object: WireObject, from id: PeerID, now: UInt64) {
        let item = object.item(chain: backend.chainId)
        stats.received[item.kind.description, default: 0] += 1
        peers[id]?.known.insert(item)
        let solicited = peers[id]?.inFlight.remove(item) != nil
        if requested[item]?.peer == id { requested[item] = nil }
        defer {
            refill(id)
            continueSync(with: id)
        }
        if rejected.contains(item) {
            reject(.repeatInvalid)
            penalize(id, .invalidObject, "resent an object already found invalid", now: now)
            return
        }
        if backend.has(item) {
            stats.duplicates += 1
            if !solicited { penalize(id, .unsolicitedDuplicate, "sent an object unasked that this node already has", now: now) }
            return
        }
        if !solicited {
            penalize(id, .unsolicited, "sent an object unasked", now: now)
            guard peers[id] != nil else { return }
        }
        process(object, item: item, from: id, now: now)
    }

    func process(_ object: WireObject, item: InventoryItem, from id: PeerID, now: UInt64) {
        switch backend.accept(object, item: item) {
        case .stored:
            stored(item, now: now, except: id)
        case .duplicate:
            stats.duplicates += 1
        case .missingParent(let parent):
            guard case .block(let bundle) = object else { return }
            keepOrphan(bundle, parent: parent, from: id)
        case .stale:
            rejected.insert(item)
            reject(.stale)
        case .notYet:
            reject(.notYet)
        case let .invalid(code, detail):
            rejected.insert(item)
            reject(code)
            penalize(id, .invalidObject, "invalid \(item.kind): \(detail)", now: now)
        }
    }

    func stored(_ item: InventoryItem, now: UInt64, except source: PeerID?) {
        stats.stored[item.kind.description, default: 0] += 1
        dirtySince = dirtySince ?? now
        announce(item, except: source)
        if item.kind == .block { adoptOrphans(of: item.id, now: now) }
    }

    func keepOrphan(_ bundle: BlockBundle, parent: Hash256, from id: PeerID) {
        guard orphanCount < config.maxOrphans else {
            reject(.orphanOverflow)
            return
        }
        orphans[parent, default: []].append((bundle, id))
        orphanCount += 1
        let parentItem = InventoryItem(.block, parent)
        if requested[parentItem] == nil, orphanParentRequests[parent] == nil {
            orphanParentRequests[parent] = id
            request([parentItem], from: id)
        }
    }

    /// Validates the blocks that were waiting for `parent`, now that it is stored.
    func adoptOrphans(of parent: Hash256, now: UInt64) {
        orphanParentRequests[parent] = nil
        guard let waiting = orphans.removeValue(forKey: parent) else { return }
        orphanCount -= waiting.count
        for orphan in waiting {
            let object = WireObject.block(orphan.bundle)
            let item = object.item(chain: backend.chainId)
            // The sender may be gone; then only its penalties and requests are skipped.
            if !backend.has(item) { process(object, item: item, from: orphan.from, now: now) }
        }
    }

    /// Queues an inventory announcement to every ready peer not known to have the item.
    func announce(_ item: InventoryItem, except source: PeerID?) {
        for (id, peer) in peers where id != source && peer.isReady && !peer.known.contains(item) {
            peers[id]?.announceQueue.append(item)
            peers[id]?.known.insert(item)
        }
    }

    func flushAnnouncements() {
        for id in peers.keys.sorted() {
            guard let queue = peers[id]?.announceQueue, !queue.isEmpty else { continue }
            peers[id]?.announceQueue = []
            stats.announced += queue.count
            for start in stride(from: 0, to: queue.count, by: Message.maxItems) {
                send(.inventory(Array(queue[start..<min(start + Message.maxItems, queue.count)])), to: id)
            }
        }
    }
}
