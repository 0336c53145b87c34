import GitKit
import PoTCore

/// Names of accounts. A name is trusted when it is a key on this machine, a genesis label (bound
/// by the chain id), or a claim signed by the named key under refs/pot/names/<label>/<key>.
/// Names are a convenience for people, never consulted by consensus.
extension ChainStore {
    /// Publishes `label` for a key of this machine as a signed claim; refuses a label that
    /// already names another key here.
    public func publishName(_ label: String, for key: SigningKey) throws {
        try checkNameFree(label, for: key.publicKey)
        let claim = SignedNameClaim.sign(try NameClaim(label: label, key: key.publicKey), with: key, chain: chainId)
        let ref = ChainLayout.nameRef(label: label, key: key.publicKey)
        let blob = try git.writeBlob(claim.encoded())
        if try git.reference(ref) == blob { return }
        try git.setReference(ref, to: blob, message: "pot name")
    }

    /// Refuses a label that a genesis label or another key's claim already binds to a key other than `key`.
    public func checkNameFree(_ label: String, for key: PublicKey? = nil) throws {
        try KeyRing.validate(label: label)
        let taken = (params.labels[label].map { [($0, NameSource.genesis)] } ?? [])
            + readNameClaims().claims.filter { $0.label == label }.map { ($0.key, NameSource.claim) }
        if let (other, source) = taken.first(where: { $0.0 != key }) {
            throw StoreError("the label '\(label)' already names another key (\(other.hex), \(source.rawValue)); choose another label")
        }
    }

    /// Every name this repository knows, with conflicts.
    public func nameBook() throws -> NameBook { nameBook(claims: readNameClaims().claims) }

    /// The name book over claims already read and checked.
    func nameBook(claims: [(label: String, key: PublicKey)]) -> NameBook {
        let local = KeyRing(store: self).all().map { (label: $0.label, key: $0.key.publicKey) }
        return NameBook(local: local, genesis: params.labels, claims: claims)
    }

    /// Label → key for every label that names one key.
    public func labels() throws -> [String: PublicKey] { try nameBook().labels }

    /// Key → label, the inverse of `labels()`.
    public func names() throws -> [PublicKey: String] { try nameBook().names }

    /// A label or a 64-digit hex public key.
    public func resolveAccount(_ text: String) throws -> PublicKey {
        if text.count == 64, let key = PublicKey(hex: text) { return key }
        let book = try nameBook()
        if let key = book.labels[text] { return key }
        if let conflict = book.unresolvedConflict(text) { throw StoreError(conflict.description) }
        throw StoreError("unknown account '\(text)' (give a label from pot keys or a 64-digit public key)")
    }

    /// The signed claims under refs/pot/names that check, and a line for each ref that does not.
    public func readNameClaims() -> (claims: [(label: String, key: PublicKey)], problems: [String]) {
        var claims: [(label: String, key: PublicKey)] = []
        var problems: [String] = []
        let refs: [(name: String, oid: GitOID)]
        do { refs = try git.references(matching: ChainLayout.allNamesGlob) } catch { return ([], ["refs/pot/names: \(error)"]) }
        for ref in refs {
            let parts = ref.name.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 5, let key = PublicKey(hex: String(parts[4])), key.hex == parts[4] else {
                problems.append("\(ref.name): not a name ref (refs/pot/names/<label>/<public key>); the name is ignored")
                continue
            }
            let label = String(parts[3])
            do {
                let claim = try SignedNameClaim(bytes: try git.readBlob(ref.oid))
                guard claim.body.label == label, claim.body.key == key else {
                    problems.append("\(ref.name): the claim inside names '\(claim.body.label)' for \(claim.body.key.hex); the name is ignored")
                    continue
                }
                guard claim.hasValidSignature(chain: chainId) else {
                    problems.append("\(ref.name): the claim is not signed by \(key.hex); the name is ignored")
                    continue
                }
                claims.append((label, key))
            } catch {
                problems.append("\(ref.name): not a signed name claim (\(error)); the name is ignored")
            }
        }
        do {
            for ref in try git.references(matching: ChainLayout.legacyLabelsGlob) {
                problems.append("\(ref.name): an unsigned label, bound to no key; it is ignored (delete it with git update-ref -d \(ref.name), and have the key's owner run pot keys --publish <label>)")
            }
        } catch { problems.append("refs/pot/labels: \(error)") }
        return (claims, problems)
    }
}
