import GitKit
import PoTCore
import PoTModules

/// A module object waiting under `refs/pot/<root>/…` for a block.
public struct PendingModuleObject: Sendable {
    public let kind: ModuleObjectKind
    public let object: any SignedObject
    public let ref: String
}

/// Pending objects of every module, stored and listed by their kinds (`ChainModule.kinds`): the
/// store knows no module by name.
extension ChainStore {
    /// Stores a module object after checking its signature for this chain (`storeModuleObject`).
    @discardableResult
    public func addModuleObject(_ object: any SignedObject, kind: ModuleObjectKind) throws -> Bool {
        guard object.hasValidSignature(chain: chainId) else {
            throw StoreError("the \(kind.name)'s signature is invalid for this chain (signed for another chain or tampered)")
        }
        return try storeModuleObject(object, kind: kind)
    }

    /// Stores a module object whose signature the caller has checked, under its kind's ref.
    /// Returns false when the identical object is already there; a different object in its
    /// place is refused.
    @discardableResult
    public func storeModuleObject(_ object: any SignedObject, kind: ModuleObjectKind) throws -> Bool {
        guard let ref = kind.ref(of: object, chain: chainId) else {
            throw StoreError("this object is not a \(kind.name)")
        }
        let blob = try git.writeBlob(object.encodedBytes)
        if let existing = try git.reference(ref) {
            if existing == blob { return false }
            throw StoreError("a different \(kind.name) is already stored at \(ref)")
        }
        try git.setReference(ref, to: blob, expecting: .some(nil), message: "pot \(kind.shortName)")
        noteInJournal(ref)
        return true
    }

    /// The stored objects of one kind under `glob` (default: all of them), keeping those validly
    /// signed for this chain and stored under the ref their content gives them; the others are
    /// named in `problems`.
    public func pendingModuleObjects(_ kind: ModuleObjectKind, glob: String? = nil,
                                     problems: inout [String]) throws -> [PendingModuleObject] {
        var found: [PendingModuleObject] = []
        for ref in try git.references(matching: glob ?? "refs/pot/\(kind.refRoot)/**") {
            do {
                let object = try kind.decode(try git.readBlob(ref.oid))
                guard object.hasValidSignature(chain: chainId) else {
                    problems.append("\(ref.name): the \(kind.name) in blob \(ref.oid.hex) is not validly signed for this chain (signed for another chain, or tampered)")
                    continue
                }
                guard ref.name == kind.ref(of: object, chain: chainId) else {
                    problems.append("\(ref.name): blob \(ref.oid.hex) does not hold the \(kind.name) its name promises (tampered)")
                    continue
                }
                found.append(PendingModuleObject(kind: kind, object: object, ref: ref.name))
            } catch {
                problems.append("\(ref.name): blob \(ref.oid.hex) is not a valid \(kind.name): \(error)")
            }
        }
        return found
    }

    /// Every stored object of every module, gathered into each module's section: what a new
    /// block chooses from.
    public func pendingModuleSections(problems: inout [String]) throws -> ModuleSections {
        var sections = ModuleSections()
        for module in ChainModules.standard.all {
            var objects: [any SignedObject] = []
            for kind in module.kinds { objects += try pendingModuleObjects(kind, problems: &problems).map(\.object) }
            module.gatherPending(objects, &sections)
        }
        return sections
    }

    /// The refs of stored module objects that can no longer enter a block on top of `final`.
    func spentModuleRefs(final: ChainState, problems: inout [String]) throws -> [String] {
        var spent: [String] = []
        for module in ChainModules.standard.all {
            for kind in module.kinds {
                spent += try pendingModuleObjects(kind, problems: &problems).filter { module.isSpent($0.object, final) }.map(\.ref)
            }
        }
        return spent
    }
}
