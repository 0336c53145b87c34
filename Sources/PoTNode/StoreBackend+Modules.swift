import GitKit
import PoTCore
import PoTNet
import PoTStore

/// NET-MARKET-ACCEPT: a module object is stored when validly signed for this chain and its
/// module's admission check (MOD-ADMISSION) does not refuse it for the block after the finalized
/// state; one that only needs a later block is kept, one waiting for another object is not.
extension StoreBackend {
    func acceptModuleObject(_ m: ModuleObject, id: Hash256) throws -> Acceptance {
        guard let module = modules.kind(wire: m.kind.wireKind)?.module else {
            return .invalid(code: .brokenRule, detail: "this node keeps no \(m.kind.name)")
        }
        guard preverified?.verified(m.object, chain: chainId) == true || m.object.hasValidSignature(chain: chainId) else {
            return .invalid(code: .badSignature, detail: "\(m.kind.name) signature does not verify for this chain")
        }
        if let refusal = module.admit(m.object, final.state, storedObject, store.keyNamer()), refusal.standing != .early {
            // What waits on blocks not final yet (a delivery on an acceptance of the last block)
            // is kept when the tip admits it; a block that reorganizes it away just won't carry
            // it. Nobody is blamed for what only a block not final yet refuses.
            if refusal.standing == .notYet {
                let onTip = module.admit(m.object, tipState, storedObject, store.keyNamer())
                if onTip == nil || onTip?.standing == .early { return try keep(m, id: id) }
                if let onTip, onTip.standing == .stale { return .stale(onTip.detail) }
                return .notYet(refusal.detail)
            }
            switch refusal.standing {
            case .broken:
                return .invalid(code: module.memberRules.contains(refusal.rule) ? .notMember : .brokenRule, detail: refusal.detail)
            case .notYet: return .notYet(refusal.detail)
            case .stale, .early: return .stale(refusal.detail)
            }
        }
        return try keep(m, id: id)
    }

    /// Stores an admitted object under its ref, unless another object holds that ref.
    private func keep(_ m: ModuleObject, id: Hash256) throws -> Acceptance {
        guard let ref = m.kind.ref(of: m.object, chain: chainId) else {
            return .invalid(code: .brokenRule, detail: "not a \(m.kind.name)")
        }
        if let held = try store.git.reference(ref), try store.git.readBlob(held) != m.object.encodedBytes {
            return .stale("another \(m.kind.name) already holds \(ref)")
        }
        try store.storeModuleObject(m.object, kind: m.kind)
        index.addModuleObject(InventoryItem(ObjectKind(m.kind), id), ref: ref)
        return .stored
    }

    /// A module object this node keeps, by kind and the id its ref is named by
    /// (`refs/pot/<root>/<id>`: a market's declaration by the market's id, a game's opening by
    /// the game's id), read from that ref.
    private func storedObject(_ kind: ModuleObjectKind, _ id: Hash256) -> (any SignedObject)? {
        guard let oid = try? store.git.reference("refs/pot/\(kind.refRoot)/\(id.hex)"),
              let bytes = try? store.git.readBlob(oid) else { return nil }
        return try? kind.decode(bytes)
    }
}
