import PoTCore
import Testing

@Suite("Names in the chain parameters and name claims")
struct NameObjectTests {
    let alice = try! SigningKey(seed: [UInt8](repeating: 1, count: 32))
    let bob = try! SigningKey(seed: [UInt8](repeating: 2, count: 32))

    func params(labels: [String: PublicKey]) throws -> ChainParams {
        try ChainParams(confirmations: 2, alpha: 1000,
                        initialAccounts: [.init(key: alice.publicKey, balance: 10), .init(key: bob.publicKey, balance: 5)],
                        createdAt: 1_700_000_000, labels: labels)
    }

    @Test("NAME-GENESIS: genesis labels round-trip, change the chain id, and are omitted when there are none")
    func genesisLabelsRoundTrip() throws {
        let plain = try params(labels: [:])
        let named = try params(labels: ["bob": bob.publicKey, "alice": alice.publicKey])
        #expect(plain.cbor().encoded() == (try ChainParams(bytes: plain.cbor().encoded())).cbor().encoded())
        #expect(try ChainParams(bytes: named.cbor().encoded()) == named)
        #expect(plain.chainId != named.chainId)
        guard case .map(let fields) = plain.cbor() else { Issue.record("params are not a map"); return }
        #expect(fields[6] == nil)
        guard case .map(let namedFields) = named.cbor(), case .array(let entries) = namedFields[6]! else { Issue.record("no field 6"); return }
        #expect(entries.map { try! $0.array("entry", max: 2)[0].text("label", maxUTF8: 64) } == ["alice", "bob"])
    }

    @Test("NAME-GENESIS: a genesis label must be valid, name an initial account, and no account has two")
    func genesisLabelRules() throws {
        let stranger = try SigningKey(seed: [UInt8](repeating: 9, count: 32)).publicKey
        #expect(throws: ObjectError.self) { try params(labels: ["mallory": stranger]) }
        #expect(throws: ObjectError.self) { try params(labels: ["no/slash": alice.publicKey]) }
        #expect(throws: ObjectError.self) { try params(labels: [".hidden": alice.publicKey]) }
        #expect(throws: ObjectError.self) { try params(labels: [String(repeating: "a", count: 65): alice.publicKey]) }
        #expect(throws: ObjectError.self) { try params(labels: ["a1": alice.publicKey, "a2": alice.publicKey]) }
        #expect(throws: ObjectError.self) { try params(labels: [alice.publicKey.hex: alice.publicKey]) }
        #expect(try params(labels: [String(repeating: "g", count: 64): alice.publicKey]).labels.count == 1)
    }

    @Test("NAME-GENESIS: unsorted or duplicate genesis labels in an encoding are refused")
    func genesisLabelEncodingIsStrict() throws {
        let named = try params(labels: ["alice": alice.publicKey, "bob": bob.publicKey])
        guard case .map(var fields) = named.cbor(), case .array(let entries) = fields[6]! else { Issue.record("no field 6"); return }
        fields[6] = .array(entries.reversed())
        #expect(throws: ObjectError.self) { try ChainParams(cbor: .map(fields)) }
        fields[6] = .array([entries[0], entries[0]])
        #expect(throws: ObjectError.self) { try ChainParams(cbor: .map(fields)) }
    }

    @Test("NAME-CLAIM: a claim is signed by the key it names, for one chain, and decodes strictly")
    func claimSignature() throws {
        let chain = try params(labels: [:]).chainId
        let claim = SignedNameClaim.sign(try NameClaim(label: "alice", key: alice.publicKey), with: alice, chain: chain)
        let decoded = try SignedNameClaim(bytes: claim.encoded())
        #expect(decoded == claim)
        #expect(decoded.hasValidSignature(chain: chain))
        #expect(!decoded.hasValidSignature(chain: try params(labels: ["bob": bob.publicKey]).chainId))
        // Signed by another key than the one it names: never valid.
        let forged = Signed(try NameClaim(label: "alice", key: alice.publicKey), signature: bob.sign(claim.id(chain: chain)))
        #expect(!forged.hasValidSignature(chain: chain))
        #expect(throws: ObjectError.self) { try NameClaim(label: "bad label", key: alice.publicKey) }
        var bytes = claim.encoded()
        bytes.append(0)
        #expect(throws: (any Error).self) { try SignedNameClaim(bytes: bytes) }
    }
}
