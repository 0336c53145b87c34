import Testing
@testable import PoTCore

@Suite("Block header rules")
struct BlockRuleTests {
    @Test("BLK-HEIGHT: a block's height is its parent's height + 1")
    func height() throws {
        var state = Fx.genesis()
        #expect(Fx.rejection(Fx.header(on: state, height: 2), on: state) == .height)
        #expect(Fx.rejection(Fx.header(on: state, height: 1), on: state) == nil)
        try Fx.apply(&state)
        #expect(state.height == 1)
        #expect(Fx.rejection(Fx.header(on: state, height: 1), on: state) == .height)
        #expect(Fx.rejection(Fx.header(on: state, height: 3), on: state) == .height)
        #expect(Fx.rejection(Fx.header(on: state, height: 2), on: state) == nil)
    }

    @Test("BLK-PARENT: a block's parent is the tip (the chain id for the first block)")
    func parent() throws {
        var state = Fx.genesis()
        #expect(state.tip == state.chainId)
        #expect(Fx.rejection(Fx.header(on: state, parent: Fx.hash(7)), on: state) == .parent)
        let first = Fx.header(on: state)
        #expect(first.header.parent == state.chainId)
        state = try StateTransition.apply(first, payload: Payload(), to: state).0
        #expect(state.tip == first.id(chain: state.chainId))
        #expect(Fx.rejection(Fx.header(on: state, parent: state.chainId), on: state) == .parent)
        #expect(Fx.rejection(Fx.header(on: state, parent: first.id(chain: state.chainId)), on: state) == nil)
    }

    @Test("BLK-TIME: a timestamp is strictly after the parent's; the genesis uses params.createdAt")
    func timestamp() throws {
        var state = Fx.genesis()
        #expect(state.tipTimestamp == Fx.createdAt)
        #expect(Fx.rejection(Fx.header(on: state, timestamp: Fx.createdAt), on: state) == .timestamp)
        #expect(Fx.rejection(Fx.header(on: state, timestamp: Fx.createdAt - 1), on: state) == .timestamp)
        #expect(Fx.rejection(Fx.header(on: state, timestamp: 0), on: state) == .timestamp)
        #expect(Fx.rejection(Fx.header(on: state, timestamp: Fx.createdAt + 1), on: state) == nil)
        try Fx.apply(&state, timestamp: 2_000)
        #expect(state.tipTimestamp == 2_000)
        #expect(Fx.rejection(Fx.header(on: state, timestamp: 2_000), on: state) == .timestamp)
        #expect(Fx.rejection(Fx.header(on: state, timestamp: 1_999), on: state) == .timestamp)
        #expect(Fx.rejection(Fx.header(on: state, timestamp: 2_001), on: state) == nil)
    }

    @Test("BLK-SIG: the header carries a valid signature of its proposer for this chain")
    func proposerSignature() {
        let state = Fx.genesis()
        #expect(Fx.rejection(Fx.header(on: state, proposer: Fx.alice, signer: Fx.bob), on: state) == .proposerSignature)
        #expect(Fx.rejection(Fx.header(on: state, chain: Fx.params(k: 3).chainId), on: state) == .proposerSignature)
        var bad = Fx.header(on: state)
        bad.signature[0] ^= 1
        #expect(Fx.rejection(bad, on: state) == .proposerSignature)
        // Any key may propose, members or not.
        #expect(Fx.rejection(Fx.header(on: state, proposer: Fx.dave), on: state) == nil)
    }

    @Test("BLK-PAYLOAD-ROOT: the payload must match the header's payload root on this chain")
    func payloadRoot() {
        let state = Fx.genesis()
        let tx = Fx.transfer(Fx.alice, to: Fx.bob, amount: 1, nonce: 1, chain: state.chainId)
        let payload = Payload(transfers: [tx])
        // Header committing to the empty payload, block carrying a transfer.
        #expect(Fx.rejection(Fx.header(on: state, payload: Payload()), payload, on: state) == .payloadRoot)
        // Header committing to the transfer, block carrying nothing.
        #expect(Fx.rejection(Fx.header(on: state, payload: payload), Payload(), on: state) == .payloadRoot)
        // Root computed for another chain.
        let foreign = payload.root(chain: Fx.params(k: 3).chainId)
        #expect(Fx.rejection(Fx.header(on: state, payloadRoot: foreign), payload, on: state) == .payloadRoot)
        #expect(Fx.rejection(Fx.header(on: state, payload: payload), payload, on: state) == nil)
    }

    @Test("BLK-HEIGHT: an applied block becomes the tip and opens its height with the pre-block trust snapshot")
    func appliedBlockState() throws {
        var state = Fx.genesis()
        let tx = Fx.transfer(Fx.alice, to: Fx.bob, amount: 100, nonce: 1, chain: state.chainId)
        let payload = Payload(transfers: [tx])
        let signed = Fx.header(on: state, payload: payload, timestamp: 1_500)
        let before = state
        state = try StateTransition.apply(signed, payload: payload, to: state).0
        #expect(before.height == 0)
        #expect(state.height == 1)
        #expect(state.tip == signed.id(chain: state.chainId))
        #expect(state.tipTimestamp == 1_500)
        #expect(state.open[1]?.block == signed.id(chain: state.chainId))
        #expect(state.open[1]?.trustSnapshot == [Fx.alice.publicKey: 10_000, Fx.bob.publicKey: 5_000, Fx.carol.publicKey: 5_000])
        #expect(state.finalizedHeight == 0)
    }
}
