import PoTCore
import PoTStore
import Testing

@Suite("Which key a label names")
struct NameBookTests {
    let k1 = try! SigningKey(seed: [UInt8](repeating: 1, count: 32)).publicKey
    let k2 = try! SigningKey(seed: [UInt8](repeating: 2, count: 32)).publicKey
    let k3 = try! SigningKey(seed: [UInt8](repeating: 3, count: 32)).publicKey

    @Test("NAME-PRECEDENCE: a local name wins over a genesis label and a claim; a genesis label over a claim")
    func precedence() {
        let book = NameBook(local: [("bob", k1)], genesis: ["bob": k2, "carol": k3], claims: [("bob", k3), ("carol", k1), ("dave", k2)])
        #expect(book.labels == ["bob": k1, "carol": k3, "dave": k2])
        #expect(book.bindings["bob"]?.source == .local)
        #expect(book.bindings["carol"]?.source == .genesis)
        #expect(book.bindings["dave"]?.source == .claim)
        // Both settled conflicts are still shown, with every key and its source.
        #expect(book.conflicts.map(\.label) == ["bob", "carol"])
        #expect(book.conflicts[0].candidates.map(\.source) == [.local, .genesis, .claim])
        #expect(book.conflicts[0].winner?.key == k1)
    }

    @Test("NAME-CONFLICT: two keys claiming one label leave it naming neither, and the conflict names both")
    func claimsAloneConflict() {
        let book = NameBook(local: [], genesis: [:], claims: [("bob", k2), ("bob", k1)])
        #expect(book.labels["bob"] == nil)
        let conflict = book.unresolvedConflict("bob")
        #expect(conflict != nil)
        #expect(conflict!.description.contains(k1.hex) && conflict!.description.contains(k2.hex))
        #expect(conflict!.description.contains("names none of them"))
        #expect(book.names[k1] == nil && book.names[k2] == nil)
    }

    @Test("NAME-CONFLICT: the same key named twice by different sources is no conflict")
    func sameKeyTwice() {
        let book = NameBook(local: [("alice", k1)], genesis: ["alice": k1], claims: [("alice", k1)])
        #expect(book.conflicts.isEmpty)
        #expect(book.bindings["alice"]?.source == .local)
    }

    @Test("NAME-PRECEDENCE: a key's name in reports is its strongest, then smallest, label")
    func reverseNames() {
        let book = NameBook(local: [("zed", k1)], genesis: ["alpha": k1], claims: [("aaa", k1), ("bee", k2), ("abe", k2)])
        #expect(book.names[k1] == "zed")
        #expect(book.names[k2] == "abe")
    }
}
