import NIOCore
import NIOPosix
import PoTCore
import PoTNet

/// The header-only light client: downloads and verifies the canonical headers from the first
/// peer that serves them honestly, compares the result with the other peers, and optionally
/// audits random full blocks.
public struct LightSync: Sendable {
    /// The chain's store directory (see `HeaderStore.defaultDirectory`).
    public var directory: String
    public var identity: SigningKey
    public var connectTimeout: Duration
    public var requestTimeout: Duration
    /// Headers asked for per request.
    public var batchSize: UInt64
    /// Other peers are asked for the block at every multiple of this height, and at our tip.
    public var checkpointInterval: UInt64
    public var group: any EventLoopGroup

    public init(directory: String, identity: SigningKey = .generate(),
                connectTimeout: Duration = .seconds(10), requestTimeout: Duration = .seconds(30),
                batchSize: UInt64 = Message.maxHeaders, checkpointInterval: UInt64 = 1000,
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.directory = directory
        self.identity = identity
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.batchSize = batchSize
        self.checkpointInterval = checkpointInterval
        self.group = group
    }

    /// Syncs from the first peer that completes, dropping each one that serves an invalid
    /// header (and the headers it served), then compares with the remaining peers and audits
    /// `audit` random blocks. Throws when no peer completes.
    public func sync(peers: [PeerAddress], chainId: Hash256, audit: Int = 0,
                     progress: (SyncEvent) -> Void = { _ in }) async throws -> SyncReport {
        guard !peers.isEmpty else { throw LightSyncError.noPeers }
        let store = try HeaderStore.open(directory: directory, chainId: chainId)
        let startHeight = store.height
        progress(.opened(height: startHeight, tornBytes: store.tornBytes))
        var failures: [PeerFailure] = []
        var source: PeerClient?
        for peer in peers {
            progress(.connecting(peer))
            let client: PeerClient
            do {
                client = try await connect(peer, chainId: chainId, tipHeight: store.height)
            } catch {
                failures.append(PeerFailure(peer: peer, cause: .unreachable(error)))
                progress(.peerFailed(failures[failures.count - 1]))
                continue
            }
            let failure: PeerFailure?
            do {
                failure = try await download(from: client, into: store, progress: progress)
            } catch {
                await client.close()
                throw error
            }
            if let failure {
                failures.append(failure)
                progress(.peerFailed(failure))
                await client.close()
                continue
            }
            source = client
            break
        }
        guard let source, let tip = store.tip else { throw LightSyncError.noHonestPeer(failures) }
        let dropped = Set(failures.map(\.peer))
        var comparisons: [PeerComparison] = []
        for peer in peers where peer != source.address && !dropped.contains(peer) {
            progress(.comparing(peer))
            comparisons.append(await compare(with: peer, store: store))
        }
        let auditReport = audit > 0 ? await self.audit(audit, from: source, store: store, progress: progress) : nil
        await source.close()
        return SyncReport(chainId: chainId, source: source.address, startHeight: startHeight, tip: tip,
                          failures: failures, comparisons: comparisons, audit: auditReport)
    }

    private func connect(_ peer: PeerAddress, chainId: Hash256, tipHeight: UInt64) async throws(PeerClientError) -> PeerClient {
        try await PeerClient.connect(host: peer.host, port: peer.port, chainId: chainId, identity: identity,
                                     timeout: connectTimeout, tipHeight: tipHeight, group: group)
    }

    /// Fetches the genesis parameters if missing, then headers until the peer has no more.
    /// Returns why the peer was dropped, or nil when it served everything it has.
    private func download(from client: PeerClient, into store: HeaderStore,
                          progress: (SyncEvent) -> Void) async throws -> PeerFailure? {
        let before = store.height
        let peer = client.address
        progress(.downloading(peer, from: before + 1, peerHeight: client.peerHello.tipHeight))
        do {
            if store.params == nil {
                let reply = try await client.request(.getGenesis, timeout: requestTimeout)
                guard case .genesis(let params) = reply else {
                    throw PeerClientError.unexpectedReply(peer, request: "getgenesis", reply: reply.name)
                }
                try store.storeGenesis(params)
            }
            var target = max(client.peerHello.tipHeight, store.height)
            while true {
                let reply = try await client.request(.getHeaders(from: store.height + 1, count: batchSize), timeout: requestTimeout)
                guard case .headers(_, let batch) = reply else {
                    throw PeerClientError.unexpectedReply(peer, request: "getheaders", reply: reply.name)
                }
                if batch.isEmpty { return nil }
                try store.append(batch)
                target = max(target, store.height)
                progress(.stored(height: store.height, target: target))
            }
        } catch let violation as HeaderRuleViolation {
            let discarded = store.height - before
            try store.truncate(toHeight: before)
            return PeerFailure(peer: peer, cause: .invalid(violation, discarded: discarded))
        } catch let error as PeerClientError {
            return PeerFailure(peer: peer, cause: .stopped(error))
        }
    }

    /// Asks `peer` for its block at every checkpoint and at our tip, and whether it has more.
    private func compare(with peer: PeerAddress, store: HeaderStore) async -> PeerComparison {
        let height = store.height
        let interval = max(1, checkpointInterval)
        var heights = Array(stride(from: interval, through: height, by: Int(interval)))
        if heights.last != height && height > 0 { heights.append(height) }
        var disagreements: [Disagreement] = []
        func result(ahead: UInt64? = nil, _ error: PeerClientError? = nil) -> PeerComparison {
            PeerComparison(peer: peer, heights: heights, disagreements: disagreements, ourHeight: height,
                           aheadAt: ahead, error: error)
        }
        let client: PeerClient
        do {
            client = try await connect(peer, chainId: store.chainId, tipHeight: height)
        } catch {
            return result(error)
        }
        var ahead: UInt64?
        var failure: PeerClientError?
        do {
            for h in heights {
                let theirs = try await header(at: h, from: client)?.id(chain: store.chainId)
                let ours = store.id(at: h)!
                if theirs != ours { disagreements.append(Disagreement(peer: peer, height: h, ours: ours, theirs: theirs)) }
            }
            if try await header(at: height + 1, from: client) != nil {
                ahead = max(client.peerHello.tipHeight, height + 1)
            }
        } catch {
            failure = error
        }
        await client.close()
        return result(ahead: ahead, failure)
    }

    private func header(at height: UInt64, from client: PeerClient) async throws(PeerClientError) -> SignedHeader? {
        let reply = try await client.request(.getHeaders(from: height, count: 1), timeout: requestTimeout)
        guard case .headers(_, let list) = reply else {
            throw .unexpectedReply(client.address, request: "getheaders", reply: reply.name)
        }
        return list.first
    }

    /// Fetches the full blocks at `count` random heights and checks each against its header.
    private func audit(_ count: Int, from client: PeerClient, store: HeaderStore,
               progress: (SyncEvent) -> Void) async -> AuditReport {
        let heights = BlockAudit.randomHeights(count, upTo: store.height)
        var failures: [AuditFailure] = []
        for (done, height) in heights.enumerated() {
            progress(.auditing(done: done, total: heights.count))
            let header = store.header(at: height)!
            let item = InventoryItem(.block, store.id(at: height)!)
            do {
                switch try await client.request(.getData([item]), timeout: requestTimeout) {
                case .object(.block(let bundle)):
                    let problems = BlockAudit.problems(in: bundle, expected: header, chain: store.chainId)
                    failures += problems.map { AuditFailure(height: height, problem: $0) }
                case .notFound:
                    failures.append(AuditFailure(height: height, problem: "peer \(client.address) does not have it"))
                case let other:
                    failures.append(AuditFailure(height: height, problem: "peer \(client.address) answered with \(other.name)"))
                }
            } catch .unexpectedReply {
                failures.append(AuditFailure(height: height, problem: "peer \(client.address) served another block than the one asked for"))
            } catch {
                failures.append(AuditFailure(height: height, problem: error.description))
                break
            }
        }
        progress(.auditing(done: heights.count, total: heights.count))
        return AuditReport(heights: heights, failures: failures)
    }
}
