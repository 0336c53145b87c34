import PoTCore
import PoTLight
import Testing

@Suite("HeaderVerifier")
struct HeaderVerifierTests {
    static let chain = TestChain(length: 20)

    func verify(_ headers: [SignedHeader], chain: TestChain = HeaderVerifierTests.chain) throws(HeaderRuleViolation) -> HeaderVerifier {
        var verifier = HeaderVerifier(genesis: chain.params)
        _ = try verifier.verify(headers)
        return verifier
    }

    func violation(_ headers: [SignedHeader]) -> HeaderRuleViolation? {
        do {
            _ = try verify(headers)
            return nil
        } catch {
            return error
        }
    }

    @Test("a valid chain verifies in batches, and the tip follows it")
    func valid() throws {
        var verifier = HeaderVerifier(genesis: Self.chain.params)
        let first = try verifier.verify(Array(Self.chain.headers[0..<8]))
        let rest = try verifier.verify(Array(Self.chain.headers[8...]))
        #expect(first + rest == (1...20).map(Self.chain.id(at:)))
        #expect(verifier.tip == ChainTip(height: 20, id: Self.chain.id(at: 20), timestamp: Self.chain.header(at: 20).header.timestamp))
    }

    @Test("LIGHT-GENESIS: genesis parameters must hash to the chain id")
    func genesis() throws {
        #expect(try HeaderVerifier.genesis(params: Self.chain.genesis, chainId: Self.chain.chainId) == Self.chain.params)
        let other = TestChain(length: 0, note: "other")
        #expect(throws: HeaderRuleViolation.self) { try HeaderVerifier.genesis(params: other.genesis, chainId: Self.chain.chainId) }
        do {
            _ = try HeaderVerifier.genesis(params: [0xa0, 0xff], chainId: Self.chain.chainId)
            Issue.record("undecodable genesis parameters were accepted")
        } catch {
            #expect(error.rule == .genesis && error.height == 0)
        }
    }

    @Test("LIGHT-HEIGHT: each header's height is the previous one + 1")
    func height() {
        let skipped = [Self.chain.header(at: 1), Self.chain.header(at: 3)]
        let error = violation(skipped)
        #expect(error?.rule == .height)
        #expect(error?.height == 2)
        #expect(error?.description == "height 2: LIGHT-HEIGHT: the header says height 3, expected 2")
    }

    @Test("LIGHT-PARENT: each header's parent is the previous block's id, the chain id for height 1")
    func parent() {
        let chain = Self.chain
        let forged = chain.nextHeader(height: 5, parent: chain.id(at: 3))
        let error = violation(Array(chain.replacing(5, with: forged).headers))
        #expect(error?.rule == .parent && error?.height == 5)

        let orphan = chain.nextHeader(height: 1, parent: chain.id(at: 1))
        #expect(violation([orphan])?.rule == .parent)
    }

    @Test("LIGHT-TIME: each timestamp is after the previous one, after created_at for height 1")
    func time() {
        let chain = Self.chain
        let late = chain.nextHeader(height: 6, timeStep: 0)
        let error = violation(Array(chain.headers[0..<5]) + [late])
        #expect(error?.rule == .time && error?.height == 6)
        #expect(violation([chain.nextHeader(height: 1, timeStep: 0)])?.rule == .time)
    }

    @Test("LIGHT-SIG: the proposer's signature verifies for this chain")
    func signature() {
        let chain = Self.chain
        var bad = chain.header(at: 9)
        bad.signature = TestChain.otherProposer.sign(bad.id(chain: chain.chainId))
        let error = violation(Array(chain.replacing(9, with: bad).headers))
        #expect(error?.rule == .signature && error?.height == 9)

        let other = TestChain(length: 1, note: "other")
        let signedForOther = SignedHeader.sign(chain.header(at: 1).header, with: TestChain.proposer, chain: other.chainId)
        #expect(violation([signedForOther])?.rule == .signature)
    }

    @Test("a failed batch leaves the tip where it was")
    func failedBatchKeepsTip() throws {
        var verifier = HeaderVerifier(genesis: Self.chain.params)
        _ = try verifier.verify(Array(Self.chain.headers[0..<4]))
        let before = verifier.tip
        #expect(throws: HeaderRuleViolation.self) { _ = try verifier.verify([Self.chain.header(at: 6)]) }
        #expect(verifier.tip == before)
    }

    @Test("linkage-only verification checks height, parent and time but not signatures")
    func linkageOnly() throws {
        var bad = Self.chain.header(at: 2)
        bad.signature = Array(repeating: 1, count: 64)
        var verifier = HeaderVerifier(genesis: Self.chain.params)
        _ = try verifier.verifyLinkageOnly(Array(Self.chain.replacing(2, with: bad).headers))
        #expect(verifier.tip.height == 20)
        #expect(throws: HeaderRuleViolation.self) { _ = try verifier.verifyLinkageOnly([Self.chain.header(at: 20)]) }
    }
}
