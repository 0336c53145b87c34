import Testing
@testable import PoTCore

@Suite("Transfer rules")
struct TransferRuleTests {
    static func tx(_ state: ChainState, _ from: SigningKey = Fx.alice, to: SigningKey = Fx.bob, amount: UInt64 = 100,
                   nonce: UInt64 = 1, signer: SigningKey? = nil) -> SignedTransfer {
        Fx.transfer(from, to: to, amount: amount, nonce: nonce, chain: state.chainId, signer: signer)
    }

    @Test("TX-SIG: a transfer carries the sender's valid signature for this chain")
    func signature() throws {
        let state = Fx.genesis()
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, signer: Fx.bob)]), on: state) == .transferSignature)
        let foreign = Fx.transfer(Fx.alice, to: Fx.bob, amount: 100, nonce: 1, chain: Fx.params(k: 3).chainId)
        #expect(Fx.rejection(of: Payload(transfers: [foreign]), on: state) == .transferSignature)
        var tampered = Self.tx(state)
        tampered.transfer.amount = 9_000
        #expect(Fx.rejection(of: Payload(transfers: [tampered]), on: state) == .transferSignature)
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state)]), on: state) == nil)
    }

    @Test("TX-AMOUNT: a transfer moves at least 1 mT")
    func amount() throws {
        var state = Fx.genesis()
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, amount: 0)]), on: state) == .transferAmount)
        try Fx.apply(&state, payload: Payload(transfers: [Self.tx(state, amount: 1)]))
        #expect(Fx.balance(state, Fx.alice) == 9_999)
        #expect(Fx.balance(state, Fx.bob) == 5_001)
    }

    @Test("TX-SELF: a transfer to oneself is rejected")
    func toSelf() {
        let state = Fx.genesis()
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, to: Fx.alice)]), on: state) == .transferToSelf)
    }

    @Test("TX-NONCE: a transfer's nonce must be the sender's previous nonce + 1")
    func nonce() throws {
        var state = Fx.genesis()
        #expect(state.accounts[Fx.alice.publicKey]?.nonce == 0)
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, nonce: 0)]), on: state) == .transferNonce)
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, nonce: 2)]), on: state) == .transferNonce)
        // Two in one block: 1 then 2 is fine, 1 then 3 is not, 2 then 1 is not.
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, nonce: 1), Self.tx(state, nonce: 3)]), on: state) == .transferNonce)
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, nonce: 2), Self.tx(state, nonce: 1)]), on: state) == .transferNonce)
        try Fx.apply(&state, payload: Payload(transfers: [Self.tx(state, nonce: 1), Self.tx(state, amount: 50, nonce: 2)]))
        #expect(state.accounts[Fx.alice.publicKey]?.nonce == 2)
        #expect(Fx.balance(state, Fx.alice) == 9_850)
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, nonce: 4)]), on: state) == .transferNonce)
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, nonce: 3)]), on: state) == nil)
    }

    @Test("TX-NONCE: a replayed transfer is rejected, in the same block or a later one")
    func replay() throws {
        var state = Fx.genesis()
        let first = Self.tx(state)
        #expect(Fx.rejection(of: Payload(transfers: [first, first]), on: state) == .transferNonce)
        try Fx.apply(&state, payload: Payload(transfers: [first]))
        #expect(Fx.rejection(of: Payload(transfers: [first]), on: state) == .transferNonce)
        try Fx.apply(&state)
        #expect(Fx.rejection(of: Payload(transfers: [first]), on: state) == .transferNonce)
        #expect(Fx.balance(state, Fx.alice) == 9_900)
    }

    @Test("TX-BALANCE: a sender cannot send more than its balance")
    func balance() throws {
        var state = Fx.genesis()
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, amount: 10_001)]), on: state) == .transferBalance)
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, amount: .max)]), on: state) == .transferBalance)
        // Two transfers that together overspend.
        let two = [Self.tx(state, amount: 6_000, nonce: 1), Self.tx(state, to: Fx.carol, amount: 4_001, nonce: 2)]
        #expect(Fx.rejection(of: Payload(transfers: two), on: state) == .transferBalance)
        try Fx.apply(&state, payload: Payload(transfers: [Self.tx(state, amount: 10_000)]))
        #expect(Fx.balance(state, Fx.alice) == 0)
        #expect(Fx.balance(state, Fx.bob) == 15_000)
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, amount: 1, nonce: 2)]), on: state) == .transferBalance)
        // A key with no account has nothing to send.
        #expect(Fx.rejection(of: Payload(transfers: [Self.tx(state, Fx.dave, amount: 1)]), on: state) == .transferBalance)
    }

    @Test("TX-RECIPIENT: a new recipient is created with nonce 0 and is not a member; it can receive and send but not vote")
    func newRecipient() throws {
        var state = Fx.genesis()
        #expect(state.accounts[Fx.dave.publicKey] == nil)
        try Fx.apply(&state, payload: Payload(transfers: [Self.tx(state, to: Fx.dave, amount: 3_000)]))
        #expect(state.accounts[Fx.dave.publicKey] == Account(balance: 3_000, nonce: 0, member: false))
        #expect(!state.isMember(Fx.dave.publicKey))
        #expect(state.memberTrust[Fx.dave.publicKey] == nil)
        #expect(state.memberTrust.count == 3)
        // It can receive more and send.
        try Fx.apply(&state, payload: Payload(transfers: [
            Self.tx(state, to: Fx.dave, amount: 500, nonce: 2),
            Self.tx(state, Fx.dave, to: Fx.erin, amount: 1_000, nonce: 1),
        ]))
        #expect(state.accounts[Fx.dave.publicKey] == Account(balance: 2_500, nonce: 1, member: false))
        #expect(state.accounts[Fx.erin.publicKey] == Account(balance: 1_000, nonce: 0, member: false))
        #expect(Fx.balance(state, Fx.alice) == 6_500)
        // It cannot vote.
        let vote = Fx.vote(Fx.dave, height: 1, [state.open[1]!.block], [1_000_000, 0], chain: state.chainId)
        #expect(Fx.rejection(of: Payload(votes: [vote]), on: state) == .voteNonMember)
        // A transfer to a member keeps the member a member.
        try Fx.apply(&state, payload: Payload(transfers: [Self.tx(state, Fx.dave, to: Fx.bob, amount: 1, nonce: 2)]))
        #expect(state.accounts[Fx.bob.publicKey] == Account(balance: 5_001, nonce: 0, member: true))
    }
}
