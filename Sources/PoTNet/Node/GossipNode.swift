import PoTCore

/// The gossip protocol of one node, without I/O: the driver feeds it connection events, bytes
/// and clock ticks, and carries out the actions it returns.
public final class GossipNode {
    public private(set) var config: NodeConfig
    public let identity: SigningKey
    public let backend: any GossipBackend
    public internal(set) var stats = NodeStats()

    var random: any RandomNumberGenerator
    var peers: [PeerID: PeerState] = [:]
    var requested: [InventoryItem: (peer: PeerID, deadline: UInt64)] = [:]
    var rejected = BoundedSet<InventoryItem>(capacity: 100_000)
    /// Digests of the relays seen lately, so each is judged and passed on once.
    var seenRelays = BoundedSet<Hash256>(capacity: 50_000)
    var agents: [UInt64: any RelayAgent] = [:]
    var orphans: [Hash256: [(bundle: BlockBundle, from: PeerID)]] = [:]
    var orphanCount = 0
    /// Parents asked for because of an orphan, and from whom.
    var orphanParentRequests: [Hash256: PeerID] = [:]
    var bannedKeys: [PublicKey: UInt64] = [:]
    var staticPeers: [String] = []
    var addressBook: [String: UInt64] = [:]
    var dialing: Set<String> = []
    var dirtySince: UInt64?
    var nextSyncAt: UInt64 = 0
    var actions: [NodeAction] = []
    /// The driver's clock at the call being handled.
    var currentTime: UInt64 = 0

    public init(config: NodeConfig, identity: SigningKey, backend: any GossipBackend,
                random: any RandomNumberGenerator = SystemRandomNumberGenerator()) {
        self.config = config
        self.identity = identity
        self.backend = backend
        self.random = random
    }

    // MARK: Driver interface

    /// Sets the address this node tells peers it accepts connections on (known once bound).
    public func setListenAddress(_ address: String?) { config.listenAddress = address }

    /// Peers to stay connected to: dialed at start and again whenever the connection is lost.
    public func addStaticPeers(_ addresses: [String]) {
        for address in addresses where !staticPeers.contains(address) {
            staticPeers.append(address)
            addressBook[address] = addressBook[address] ?? 0
        }
    }

    public func peerConnected(_ id: PeerID, address: String?, outbound: Bool, now: UInt64) -> [NodeAction] {
        currentTime = now
        if let address { dialing.remove(address) }
        if let refusal = admit(outbound: outbound, now: now) {
            stats.disconnects[refusal.kind.rawValue, default: 0] += 1
            return [.close(id, refusal)]
        }
        var nonce = [UInt8](repeating: 0, count: 32)
        for i in nonce.indices { nonce[i] = UInt8.random(in: .min ... .max, using: &random) }
        let session = PeerSession(identity: identity, chainId: backend.chainId, modules: backend.modules, nonce: nonce,
                                  listenAddress: config.listenAddress, tipHeight: backend.tipHeight,
                                  maxFrameBytes: config.maxFrameBytes)
        peers[id] = PeerState(session: session, address: address, outbound: outbound, connectedAt: now,
                              lastReceivedAt: now, lastPingAt: now, relayAllowance: config.relayBurst, relayRefilledAt: now,
                              known: BoundedSet(capacity: config.knownItemsPerPeer))
        actions.append(.send(id, session.start()))
        return takeActions()
    }

    /// A dial the driver could not complete.
    public func dialFailed(_ address: String) { dialing.remove(address) }

    public func peerDisconnected(_ id: PeerID, now: UInt64) {
        guard let peer = peers.removeValue(forKey: id) else { return }
        stats.disconnects[DisconnectReason.Kind.closedByPeer.rawValue, default: 0] += 1
        forgetRequests(of: id, peer: peer)
    }

    public func received(_ bytes: [UInt8], from id: PeerID, now: UInt64) -> [NodeAction] {
        currentTime = now
        guard var peer = peers[id] else { return [] }
        let wasPartial = peer.session.bufferedBytes > 0
        let events = peer.session.receive(bytes)
        peer.lastReceivedAt = now
        // A frame's clock starts when its first bytes arrive; any completed frame restarts it.
        if peer.session.bufferedBytes == 0 {
            peer.partialSince = nil
        } else if !wasPartial || !events.isEmpty {
            peer.partialSince = now
        }
        peers[id] = peer
        let arrivals: [(object: WireObject, item: InventoryItem)] = events.compactMap {
            guard case .message(.object(let object)) = $0 else { return nil }
            return (object, object.item(chain: backend.chainId))
        }
        if arrivals.count > 1 { backend.beginBatch(arrivals) }
        defer { if arrivals.count > 1 { backend.endBatch() } }
        for event in events {
            guard peers[id] != nil else { break }
            switch event {
            case .send(let bytes): actions.append(.send(id, bytes))
            case .established(let hello): established(id, hello: hello, now: now)
            case .message(let message): handle(message, from: id, now: now)
            case .close(let reason): close(id, reason, tellPeer: reason.kind != .goodbye, now: now)
            }
        }
        flushAnnouncements()
        return takeActions()
    }

    /// Offers an object made on this machine; it is validated like any other and announced.
    public func submit(_ object: WireObject, now: UInt64) -> (Acceptance, [NodeAction]) {
        currentTime = now
        let item = object.item(chain: backend.chainId)
        let result = backend.accept(object, item: item)
        if result == .stored { stored(item, now: now, except: nil) }
        flushAnnouncements()
        return (result, takeActions())
    }

    /// Announces objects that something else stored in this node's repository.
    public func announceStored(_ items: [InventoryItem], now: UInt64) -> [NodeAction] {
        currentTime = now
        for item in items { announce(item, except: nil) }
        if !items.isEmpty { dirtySince = dirtySince ?? now }
        flushAnnouncements()
        return takeActions()
    }

    /// Timers: handshake and idle timeouts, slow frames, pings, request retries, fork choice,
    /// periodic sync and redials.
    public func tick(now: UInt64) -> [NodeAction] {
        currentTime = now
        checkTimeouts(now: now)
        retryRequests(now: now)
        if let since = dirtySince, requested.isEmpty || now >= since + 2_000, now >= since + config.settleInterval {
            backend.settle()
            dirtySince = nil
        }
        if now >= nextSyncAt {
            nextSyncAt = now + config.syncInterval
            let ready = peers.filter { $0.value.isReady }.map(\.key).sorted()
            if !ready.isEmpty {
                let chosen = ready[Int.random(in: 0..<ready.count, using: &random)]
                send(.getSync(from: backend.finalizedHeight + 1), to: chosen)
            }
        }
        dialMissingPeers(now: now)
        flushAnnouncements()
        return takeActions()
    }

    // MARK: Inspection

    public var peerSummaries: [PeerSummary] {
        peers.sorted { $0.key < $1.key }.map { id, p in
            PeerSummary(id: id, address: p.address, outbound: p.outbound, ready: p.isReady, nodeKey: p.nodeKey,
                        tipHeight: p.session.peerHello?.tipHeight, score: p.score)
        }
    }

    public var readyPeerCount: Int { peers.values.filter(\.isReady).count }
    public var outstandingRequests: Int { requested.count }
    public var isSettled: Bool { dirtySince == nil && requested.isEmpty }

    public func isBanned(_ key: PublicKey, now: UInt64) -> Bool { (bannedKeys[key] ?? 0) > now }

    // MARK: Internals shared by the extensions

    func send(_ message: Message, to id: PeerID) {
        actions.append(.send(id, PeerSession.frame(message)))
    }

    func takeActions() -> [NodeAction] {
        defer { actions = [] }
        return actions
    }

    func close(_ id: PeerID, _ reason: DisconnectReason, tellPeer: Bool, now: UInt64) {
        guard var peer = peers.removeValue(forKey: id) else { return }
        if tellPeer { send(.goodbye(reason: String(reason.description.prefix(Message.maxReasonBytes))), to: id) }
        peer.session.markClosed()
        stats.disconnects[reason.kind.rawValue, default: 0] += 1
        if reason.isMisbehavior, let key = peer.nodeKey { ban(key, now: now) }
        actions.append(.close(id, reason))
        forgetRequests(of: id, peer: peer)
    }

    func forgetRequests(of id: PeerID, peer: PeerState) {
        for item in peer.inFlight where requested[item]?.peer == id { requested[item] = nil }
    }

    func ban(_ key: PublicKey, now: UInt64) {
        bannedKeys[key] = now + config.banDuration
        stats.bans += 1
    }

    func reject(_ reason: RejectReason) { stats.rejected[reason.rawValue, default: 0] += 1 }

    /// Adds misbehavior points; at the threshold the peer is banned and disconnected.
    func penalize(_ id: PeerID, _ offence: Offence, _ reason: String, now: UInt64) {
        guard var peer = peers[id] else { return }
        peer.score += offence.points
        stats.penalties[offence.rawValue, default: 0] += offence.points
        peers[id] = peer
        if peer.score >= config.banThreshold {
            close(id, DisconnectReason(.misbehavior, "misbehavior score \(peer.score): \(reason)"), tellPeer: true, now: now)
        }
    }
}
