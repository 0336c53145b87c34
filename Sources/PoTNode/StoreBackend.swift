import GitKit
import PoTCore
import PoTModules
import PoTNet
import PoTStore

/// The gossip backend of a node whose chain lives in a git repository: received objects are
/// validated against the chain's rules and written under the same refs the `pot` CLI uses.
public final class StoreBackend: GossipBackend {
    public let store: ChainStore
    public let genesisParams: [UInt8]
    var index: StoreIndex
    /// States after recently validated blocks, so a chain of new blocks validates in one pass.
    var states: [Hash256: (state: ChainState, commit: GitOID)] = [:]
    /// The blocks of main by height (index 0 is height 1), and the height of each of their commits.
    public internal(set) var canonicalLinks: [MainLink] = []
    var commitHeights: [GitOID: Int] = [:]
    var canonicalCommit: GitOID
    var headerCache: [Hash256: SignedHeader] = [:]
    var final: (state: ChainState, commit: GitOID)
    public internal(set) var tipState: ChainState
    /// Called on the node's thread after an object is stored.
    public var onStored: ((InventoryItem) -> Void)?
    /// Called after fork choice moved main.
    public var onSettle: ((ForkChoiceResult) -> Void)?
    public internal(set) var lastProblem: String?
    /// The signatures of the current batch, checked together (`beginBatch`).
    var preverified: SignatureBatch?
    /// Votes accepted in the current batch, written together when it ends (`endBatch`).
    var batchVotes: [(signed: SignedVote, id: Hash256)]?

    public var chainId: Hash256 { store.chainId }
    public var modules: ChainModules { .standard }
    public var tipHeight: UInt64 { tipState.height }
    public var finalizedHeight: UInt64 { tipState.finalizedHeight }
    public var storedObjectCount: Int { index.refs.count }

    public init(store: ChainStore) throws {
        self.store = store
        store.journalsWrites = false
        self.genesisParams = store.params.cbor().encoded()
        self.index = try StoreIndex.scan(store)
        let states = try store.currentStates()
        self.final = (states.final, states.finalCommit)
        self.tipState = states.tip
        self.canonicalCommit = store.genesisCommit
        try readMain()
    }

    // MARK: Queries

    public func has(_ item: InventoryItem) -> Bool { index.refs[item] != nil }

    public func object(for item: InventoryItem) -> WireObject? {
        guard let ref = index.refs[item] else { return nil }
        do {
            func blob() throws -> [UInt8]? { try store.git.reference(ref).map { try store.git.readBlob($0) } }
            switch item.kind {
            case .vote: return try blob().map { .vote(try SignedVote(bytes: $0)) }
            case .transfer: return try blob().map { .transfer(try SignedTransfer(bytes: $0)) }
            case .block:
                guard let height = index.blockHeights[item.id] else { return nil }
                let block = try store.loadBlock(height: height, id: item.id)
                let parentCommit = try store.git.readCommit(block.commit).parents[0]
                let pack = try CodePack.make(for: block.header, parentCommit: parentCommit, store: store)
                return .block(BlockBundle(header: block.signed, payload: block.payload, pack: pack))
            default:
                guard let kind = modules.kind(wire: item.kind.rawValue)?.kind else { return nil }
                return try blob().map { .module(ModuleObject(try kind.decode($0), kind: kind)) }
            }
        } catch {
            lastProblem = "cannot serve \(item): \(error)"
            return nil
        }
    }

    public func canonicalHeaders(from: UInt64, count: Int) -> [SignedHeader] {
        guard from >= 1, count > 0, from <= UInt64(canonicalLinks.count) else { return [] }
        let end = min(UInt64(canonicalLinks.count), from + UInt64(count) - 1)
        var headers: [SignedHeader] = []
        for height in from...end {
            let id = canonicalLinks[Int(height - 1)].id
            if let cached = headerCache[id] {
                headers.append(cached)
                continue
            }
            guard let block = try? store.loadBlock(height: height, id: id) else { break }
            headerCache[id] = block.signed
            headers.append(block.signed)
        }
        return headers
    }

    public func syncPage(from: UInt64, maxItems: Int) -> (items: [InventoryItem], next: UInt64?) {
        var items: [InventoryItem] = []
        let top = index.heights.keys.max() ?? 0
        var height = max(from, 1)
        while height <= top {
            let here = (index.heights[height] ?? []).sorted { ($0.kind.rawValue, $0.id) > ($1.kind.rawValue, $1.id) }
            if !items.isEmpty && items.count + here.count > maxItems { return (items, height) }
            items += here
            height += 1
        }
        // Module objects in the dependency order of their kinds (a declaration before its bets).
        let order = Dictionary(uniqueKeysWithValues: ObjectKind.all(modules).enumerated().map { ($1, $0) })
        let loose = index.transfers + index.moduleItems.sorted { order[$0.kind, default: .max] < order[$1.kind, default: .max] }
        return (items + loose.prefix(max(0, maxItems - items.count)), nil)
    }
}
