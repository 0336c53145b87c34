import Testing
@testable import PoTCore
import PoTModules

@Suite("Limits enforced by the state transition")
struct LimitRuleTests {
    @Test("TX-MEMO: a transfer memo longer than 256 bytes makes the block invalid")
    func memoLimit() throws {
        let state = Fx.genesis()
        let long = Fx.transfer(Fx.alice, to: Fx.bob, amount: 1, nonce: 1, memo: String(repeating: "m", count: 257), chain: state.chainId)
        #expect(Fx.rejection(of: Payload(transfers: [long]), on: state) == .transferMemo)
        let fits = Fx.transfer(Fx.alice, to: Fx.bob, amount: 1, nonce: 1, memo: String(repeating: "m", count: 256), chain: state.chainId)
        #expect(Fx.rejection(of: Payload(transfers: [fits]), on: state) == nil)
        let selected = PayloadSelection.select(forBlockAt: 1, on: state, transfers: [long], votes: [])
        #expect(selected.transfers.isEmpty)
    }

    @Test("BLK-LIMITS: a payload with more transfers than a block may carry is invalid")
    func transferCountLimit() throws {
        let state = Fx.genesis(balances: [(Fx.alice, 1_000_000)])
        let many = (1...UInt64(ObjectLimits.maxTransfersPerBlock + 1)).map {
            Fx.transfer(Fx.alice, to: Fx.bob, amount: 1, nonce: $0, chain: state.chainId)
        }
        #expect(Fx.rejection(of: Payload(transfers: many), on: state) == .payloadLimits)
        #expect(Fx.rejection(of: Payload(transfers: Array(many.dropLast())), on: state) == nil)
    }
}
