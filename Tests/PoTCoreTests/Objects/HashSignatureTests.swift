import Testing
@testable import PoTCore
import PoTModules

@Suite("Domain-separated hashes and signatures")
struct HashSignatureTests {
    static let tags: [DomainTag] = [.genesis, .block, .payload, .vote, .transfer]

    @Test("HASH-DOMAIN: the same body hashed under different domain tags or chain ids gives different hashes")
    func domainSeparation() {
        let body = CBOR.map([1: .unsigned(7), 2: .bytes([1, 2, 3])])
        let chainA = Fx.hash(0xAA), chainB = Fx.hash(0xBB)
        let underA = Self.tags.map { DomainHash.hash($0, chain: chainA, body: body) }
        let underB = Self.tags.map { DomainHash.hash($0, chain: chainB, body: body) }
        #expect(Set(underA + underB).count == 10)
        // Deterministic, and exactly SHA-256 of CBOR([tag, chain id, body]).
        #expect(DomainHash.hash(.vote, chain: chainA, body: body) == DomainHash.hash(.vote, chain: chainA, body: body))
        let manual = DomainHash.sha256(CBOR.array([.text("pot/vote/v1"), .bytes(chainA.bytes), body]).encoded())
        #expect(DomainHash.hash(.vote, chain: chainA, body: body) == manual)
        #expect(DomainTag.transfer.rawValue == "pot/tx/v1")
        #expect(DomainTag.block.rawValue == "pot/block/v1")
        #expect(DomainTag.payload.rawValue == "pot/payload/v1")
    }

    @Test("HASH-DOMAIN: object ids and payload roots use their own tag and the chain id")
    func objectIds() {
        let chainA = Fx.params().chainId
        let chainB = Fx.params(k: 3).chainId
        #expect(chainA != chainB)
        let v = Fx.vote(Fx.alice, height: 1, [Fx.hash(1)], [1_000_000, 0], chain: chainA).vote
        #expect(v.id(chain: chainA) == DomainHash.hash(.vote, chain: chainA, body: v.cbor()))
        #expect(v.id(chain: chainA) != v.id(chain: chainB))
        let t = TrustTransfer(from: Fx.alice.publicKey, to: Fx.bob.publicKey, amount: 3, nonce: 1)
        #expect(t.id(chain: chainA) == DomainHash.hash(.transfer, chain: chainA, body: t.cbor()))
        #expect(t.id(chain: chainA) != t.id(chain: chainB))
        let p = Payload()
        #expect(p.root(chain: chainA) == DomainHash.hash(.payload, chain: chainA, body: .map([:])))
        #expect(p.root(chain: chainA) != p.root(chain: chainB))
        let h = Fx.header(on: ChainState(genesis: Fx.params())).header
        #expect(h.id(chain: chainA) == DomainHash.hash(.block, chain: chainA, body: h.cbor()))
        #expect(h.id(chain: chainA) != h.id(chain: chainB))
    }

    @Test("HASH-CHAIN-ID: the chain id is SHA-256 of CBOR [\"pot/genesis/v1\", params]")
    func chainId() {
        let params = Fx.params()
        let manual = DomainHash.sha256(CBOR.array([.text("pot/genesis/v1"), params.cbor()]).encoded())
        #expect(params.chainId == manual)
        #expect(ChainState(genesis: params).chainId == manual)
        // The genesis block id is the chain id.
        #expect(ChainState(genesis: params).tip == manual)
        // Every parameter is covered.
        let variants = [Fx.params(k: 3), Fx.params(alpha: 999), Fx.params(createdAt: 1_001), Fx.params(note: "n"),
                        Fx.params(balances: [(Fx.alice, 10_001), (Fx.bob, 5_000), (Fx.carol, 5_000)])]
        #expect(Set(variants.map(\.chainId) + [manual]).count == 6)
        // SHA-256 itself: the empty string.
        #expect(DomainHash.sha256([]).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("SIG-CHAIN: a vote, transfer or header signed for chain X is not valid for chain Y")
    func signaturesBoundToChain() {
        let x = Fx.params().chainId, y = Fx.params(k: 5).chainId
        let v = Fx.vote(Fx.alice, height: 1, [Fx.hash(1)], [600_000, 400_000], chain: x)
        #expect(v.hasValidSignature(chain: x))
        #expect(!v.hasValidSignature(chain: y))
        let t = Fx.transfer(Fx.alice, to: Fx.bob, amount: 1, nonce: 1, chain: x)
        #expect(t.hasValidSignature(chain: x))
        #expect(!t.hasValidSignature(chain: y))
        let h = Fx.header(on: ChainState(genesis: Fx.params()), chain: x)
        #expect(h.hasValidSignature(chain: x))
        #expect(!h.hasValidSignature(chain: y))
        // Signed by someone other than the named key.
        let forged = Fx.vote(Fx.alice, height: 1, [Fx.hash(1)], [600_000, 400_000], chain: x, signer: Fx.bob)
        #expect(!forged.hasValidSignature(chain: x))
        // Tampering with the body after signing breaks the signature.
        var tampered = t
        tampered.transfer.amount = 2
        #expect(!tampered.hasValidSignature(chain: x))
    }

    @Test("SIG-CHAIN: a signature over one kind is not valid for another kind with the same body bytes")
    func signaturesBoundToKind() {
        let chain = Fx.params().chainId
        let body = TrustTransfer(from: Fx.alice.publicKey, to: Fx.bob.publicKey, amount: 1, nonce: 1).cbor()
        let digests = Self.tags.map { DomainHash.hash($0, chain: chain, body: body) }
        for (i, tag) in Self.tags.enumerated() {
            let signature = Fx.alice.sign(digests[i])
            for (j, other) in Self.tags.enumerated() {
                #expect(Fx.alice.publicKey.verifies(signature, over: digests[j]) == (i == j), "\(tag) vs \(other)")
            }
        }
        // A transfer's signature, moved onto a payload-root digest of the same body, does not verify.
        let t = Fx.transfer(Fx.alice, to: Fx.bob, amount: 1, nonce: 1, chain: chain)
        #expect(!Fx.alice.publicKey.verifies(t.signature, over: DomainHash.hash(.vote, chain: chain, body: t.transfer.cbor())))
        #expect(Fx.alice.publicKey.verifies(t.signature, over: DomainHash.hash(.transfer, chain: chain, body: t.transfer.cbor())))
    }
}
