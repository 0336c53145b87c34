import GitKit
import PoTCore

/// Public names of accounts, shared with the chain under refs/pot/labels/<label> (a blob holding
/// the 32-byte public key). Labels are a convenience for people, never consulted by consensus.
extension ChainStore {
    public func publishLabel(_ label: String, for key: PublicKey) throws {
        try KeyRing.validate(label: label)
        let ref = ChainLayout.labelRef(label)
        let blob = try git.writeBlob(key.bytes)
        if let existing = try git.reference(ref) {
            guard existing == blob else { throw StoreError("the label '\(label)' already names another key") }
            return
        }
        try git.setReference(ref, to: blob, expecting: .some(nil), message: "pot label")
    }

    /// Label → key for every published label, plus the keys on this machine.
    public func labels() throws -> [String: PublicKey] {
        var book: [String: PublicKey] = [:]
        for ref in try git.references(matching: ChainLayout.allLabelsGlob) {
            let label = String(ref.name.dropFirst("refs/pot/labels/".count))
            if let key = PublicKey(bytes: try git.readBlob(ref.oid)) { book[label] = key }
        }
        for (label, key) in KeyRing(store: self).all() where book[label] == nil { book[label] = key.publicKey }
        return book
    }

    /// Key → label, the inverse of `labels()` (the smallest label wins when a key has several).
    public func names() throws -> [PublicKey: String] {
        var names: [PublicKey: String] = [:]
        for (label, key) in try labels().sorted(by: { $0.key < $1.key }) where names[key] == nil { names[key] = label }
        return names
    }

    /// A label or a 64-digit hex public key.
    public func resolveAccount(_ text: String) throws -> PublicKey {
        if text.count == 64, let key = PublicKey(hex: text) { return key }
        if let key = try labels()[text] { return key }
        throw StoreError("unknown account '\(text)' (give a label from pot keys or a 64-digit public key)")
    }
}
