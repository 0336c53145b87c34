import GitKit
import PoTCore
import PoTModules
import PoTNet
import PoTStore

/// In-memory index of the signed objects under refs/pot/*: which ref holds each item, and what
/// is stored at each height. Built by one scan of the refs, then kept up to date.
struct StoreIndex {
    var refs: [InventoryItem: String] = [:]
    var heights: [UInt64: [InventoryItem]] = [:]
    var transfers: [InventoryItem] = []
    /// Module objects (market declarations, bets, resolutions …), not tied to a height.
    var moduleItems: [InventoryItem] = []
    var blockHeights: [Hash256: UInt64] = [:]
    var maxBlockHeight: UInt64 = 0

    mutating func addBlock(id: Hash256, height: UInt64, ref: String) {
        let item = InventoryItem(.block, id)
        guard refs[item] == nil else { return }
        refs[item] = ref
        blockHeights[id] = height
        heights[height, default: []].append(item)
        maxBlockHeight = max(maxBlockHeight, height)
    }

    mutating func addVote(id: Hash256, height: UInt64, ref: String) {
        let item = InventoryItem(.vote, id)
        guard refs[item] == nil else { return }
        refs[item] = ref
        heights[height, default: []].append(item)
    }

    mutating func removeVote(id: Hash256, height: UInt64) {
        let item = InventoryItem(.vote, id)
        guard refs.removeValue(forKey: item) != nil else { return }
        heights[height]?.removeAll { $0 == item }
    }

    mutating func addTransfer(id: Hash256, ref: String) {
        let item = InventoryItem(.transfer, id)
        guard refs[item] == nil else { return }
        refs[item] = ref
        transfers.append(item)
    }

    mutating func addModuleObject(_ item: InventoryItem, ref: String) {
        guard refs[item] == nil else { return }
        refs[item] = ref
        moduleItems.append(item)
    }

    /// Indexes one ref by its name (and, for transfers, its blob); returns the item, or nil when
    /// the ref is not an object ref or cannot be read.
    @discardableResult
    mutating func add(ref name: String, store: ChainStore) -> InventoryItem? {
        let parts = name.split(separator: "/").map(String.init)
        guard parts.count >= 4, parts[0] == "refs", parts[1] == "pot" else { return nil }
        switch parts[2] {
        case "blocks":
            guard parts.count == 5, let height = UInt64(parts[3]), let id = Hash256(hex: parts[4]) else { return nil }
            addBlock(id: id, height: height, ref: name)
            return InventoryItem(.block, id)
        case "votes":
            guard parts.count == 6, let height = UInt64(parts[3]), let id = Hash256(hex: parts[5]) else { return nil }
            addVote(id: id, height: height, ref: name)
            return InventoryItem(.vote, id)
        case "txs":
            guard let oid = try? store.git.reference(name), let bytes = try? store.git.readBlob(oid),
                  let signed = try? SignedTransfer(bytes: bytes) else { return nil }
            let id = signed.id(chain: store.chainId)
            addTransfer(id: id, ref: name)
            return InventoryItem(.transfer, id)
        default:
            // A module object: its kind's root names it, its blob gives its id.
            guard let kind = ChainModules.standard.kinds.first(where: { $0.refRoot == parts[2] }),
                  let oid = try? store.git.reference(name), let bytes = try? store.git.readBlob(oid),
                  let object = try? kind.decode(bytes) else { return nil }
            let item = InventoryItem(ObjectKind(kind), object.id(chain: store.chainId))
            addModuleObject(item, ref: name)
            return item
        }
    }

    static func scan(_ store: ChainStore) throws -> StoreIndex {
        var index = StoreIndex()
        let moduleGlobs = ChainModules.standard.kinds.map { "refs/pot/\($0.refRoot)/**" }
        for glob in ["refs/pot/blocks/**", ChainLayout.allVotesGlob, ChainLayout.allTransfersGlob] + moduleGlobs {
            for ref in try store.git.references(matching: glob) { index.add(ref: ref.name, store: store) }
        }
        return index
    }
}
