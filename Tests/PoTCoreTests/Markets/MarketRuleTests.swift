import Testing
@testable import PoTCore
@testable import PoTMarkets
import PoTModules

@Suite("Market rules")
struct MarketRuleTests {
    static let even: [UInt64] = [400_000, 300_000, 300_000]

    @Test("MARKET-DECLARE: a declaration needs a valid signature, a member creator, a later close height and a new id")
    func declare() throws {
        var state = Fx.genesis()
        let chain = state.chainId
        let forged = Mx.declaration(chain: chain, signer: Fx.bob)
        #expect(Fx.rejection(of: Mx.payload(declarations: [forged]), on: state) == .marketSignature)
        let outsider = Mx.declaration(Fx.dave, chain: chain)
        #expect(Fx.rejection(of: Mx.payload(declarations: [outsider]), on: state) == .marketCreator)
        let closesNow = Mx.declaration(close: 1, resolveBy: 2, chain: chain)
        #expect(Fx.rejection(of: Mx.payload(declarations: [closesNow]), on: state) == .marketCloseHeight)
        let good = Mx.declaration(chain: chain)
        #expect(Fx.rejection(of: Mx.payload(declarations: [good, good]), on: state) == .marketDuplicate)
        try Fx.apply(&state, payload: Mx.payload(declarations: [good]))
        #expect(Fx.rejection(of: Mx.payload(declarations: [good]), on: state) == .marketDuplicate)
        // A resolver need not be a member.
        #expect(Fx.rejection(of: Mx.payload(declarations: [Mx.declaration(resolver: Fx.dave, chain: chain)]), on: state) == nil)
    }

    @Test("MARKET-DECLARE: the shape of a declaration is checked when it is made and when it is decoded")
    func declarationShape() throws {
        let key = Fx.alice.publicKey
        func make(_ question: String = "q", _ outcomes: [String] = ["yes", "no"], close: UInt64 = 3, by: UInt64 = 5) throws {
            _ = try MarketDeclaration(creator: key, question: question, outcomes: outcomes, resolver: key, closeHeight: close, resolveBy: by)
        }
        #expect(throws: ObjectError.self) { try make("") }
        #expect(throws: ObjectError.self) { try make(String(repeating: "x", count: 513)) }
        #expect(throws: ObjectError.self) { try make("q", ["only"]) }
        #expect(throws: ObjectError.self) { try make("q", (0..<17).map { "o\($0)" }) }
        #expect(throws: ObjectError.self) { try make("q", ["yes", "yes"]) }
        #expect(throws: ObjectError.self) { try make("q", ["yes", ""]) }
        #expect(throws: ObjectError.self) { try make("q", ["yes", "no,maybe"]) }
        #expect(throws: ObjectError.self) { try make("q", ["yes", " no"]) }
        #expect(throws: ObjectError.self) { try make(close: 0, by: 5) }
        #expect(throws: ObjectError.self) { try make(close: 5, by: 5) }
        #expect(throws: ObjectError.self) { try make(close: 5, by: 5 + MarketLimits.maxResolutionWindow + 1) }
        try make("q", (0..<16).map { "o\($0)" }, close: 5, by: 5 + MarketLimits.maxResolutionWindow)
        // The decoder applies the same checks: a body edited to one outcome is refused.
        var body = Mx.declaration(chain: Fx.genesis().chainId).declaration.cbor()
        if case .map(var fields) = body { fields[3] = .array([.text("only")]); body = .map(fields) }
        #expect(throws: ObjectError.self) { _ = try MarketDeclaration(cbor: body) }
    }

    @Test("MARKET-BET: a bet needs a valid signature, a declared market, a member, an open market, one probability per outcome and a rising sequence")
    func bet() throws {
        var (state, market) = try Mx.declared()
        let chain = state.chainId
        #expect(Fx.rejection(of: Mx.payload(bets: [Mx.bet(Fx.bob, on: market, Self.even, chain: chain, signer: Fx.alice)]), on: state) == .betSignature)
        #expect(Fx.rejection(of: Mx.payload(bets: [Mx.bet(Fx.bob, on: Fx.hash(9), Self.even, chain: chain)]), on: state) == .marketUnknown)
        #expect(Fx.rejection(of: Mx.payload(bets: [Mx.bet(Fx.dave, on: market, Self.even, chain: chain)]), on: state) == .betNonMember)
        #expect(Fx.rejection(of: Mx.payload(bets: [Mx.bet(Fx.bob, on: market, [500_000, 500_000], chain: chain)]), on: state) == .betOutcomes)
        let second = Mx.bet(Fx.bob, on: market, Self.even, sequence: 2, chain: chain)
        let first = Mx.bet(Fx.bob, on: market, [100_000, 100_000, 800_000], sequence: 1, chain: chain)
        #expect(Fx.rejection(of: Mx.payload(bets: [second, first]), on: state) == .betSequence)
        try Fx.apply(&state, payload: Mx.payload(bets: [second]))
        #expect(Fx.rejection(of: Mx.payload(bets: [first]), on: state) == .betSequence, "an older bet cannot be replayed")
        #expect(Fx.rejection(of: Mx.payload(bets: [second]), on: state) == .betSequence, "nor the same one included twice")
        // Bets may be carried by the block at the close height (3), not after it.
        let third = Mx.bet(Fx.bob, on: market, Self.even, sequence: 3, chain: chain)
        #expect(Fx.rejection(of: Mx.payload(bets: [third]), on: state) == nil)
        try Mx.advance(&state, to: 3)
        #expect(Fx.rejection(of: Mx.payload(bets: [third]), on: state) == .betClosed)
        // A bet on a market declared earlier in the same block applies.
        let fresh = Mx.declaration(question: "Another?", close: 9, resolveBy: 10, chain: chain)
        let onFresh = Mx.bet(Fx.bob, on: fresh.id(chain: chain), Self.even, chain: chain)
        #expect(Fx.rejection(of: Mx.payload(declarations: [fresh], bets: [onFresh]), on: state) == nil)
        #expect(throws: ObjectError.self) { _ = try MarketBet(bettor: Fx.bob.publicKey, market: market, sequence: 1, probsPpm: [500_000, 400_000]) }
        #expect(throws: ObjectError.self) { _ = try MarketBet(bettor: Fx.bob.publicKey, market: market, sequence: 0, probsPpm: [500_000, 500_000]) }
    }

    @Test("MARKET-RESOLVE: only the resolver, only after the close, only by the resolve-by height, only a listed outcome, only once")
    func resolve() throws {
        var (state, market) = try Mx.declared(close: 3, resolveBy: 5)
        let chain = state.chainId
        try Fx.apply(&state, payload: Mx.payload(bets: [Mx.bet(Fx.bob, on: market, Self.even, chain: chain)]))
        let rain = Mx.resolution(of: market, outcome: 0, chain: chain)
        try Mx.advance(&state, to: 2)
        #expect(Fx.rejection(of: Mx.payload(resolutions: [rain]), on: state) == .resolutionEarly, "a block at the close height cannot resolve")
        try Mx.advance(&state, to: 3)
        #expect(Fx.rejection(of: Mx.payload(resolutions: [Mx.resolution(Fx.bob, of: market, outcome: 0, chain: chain)]), on: state) == .resolutionResolver)
        #expect(Fx.rejection(of: Mx.payload(resolutions: [Mx.resolution(of: market, outcome: 3, chain: chain)]), on: state) == .resolutionOutcome)
        #expect(Fx.rejection(of: Mx.payload(resolutions: [Mx.resolution(of: Fx.hash(7), outcome: 0, chain: chain)]), on: state) == .marketUnknown)
        var forged = rain
        forged.body.outcome = 1
        #expect(Fx.rejection(of: Mx.payload(resolutions: [forged]), on: state) == .resolutionSignature)
        let sun = Mx.resolution(of: market, outcome: 2, chain: chain)
        #expect(Fx.rejection(of: Mx.payload(resolutions: [rain, sun]), on: state) == .resolutionSettled)
        try Fx.apply(&state, payload: Mx.payload(resolutions: [rain]))
        #expect(Fx.rejection(of: Mx.payload(resolutions: [sun]), on: state) == .resolutionSettled)
        #expect(Fx.rejection(of: Mx.payload(resolutions: [rain]), on: state) == .resolutionSettled)
        #expect(throws: ObjectError.self) { _ = try MarketResolution(cbor: MarketResolution(resolver: Fx.carol.publicKey, market: market, outcome: 16).cbor()) }
    }

    @Test("MARKET-VOID: a market unresolved past its resolve-by height is voided and changes no balance")
    func void() throws {
        var (state, market) = try Mx.declared(close: 3, resolveBy: 5)
        let chain = state.chainId
        try Fx.apply(&state, payload: Mx.payload(bets: [Mx.bet(Fx.bob, on: market, [900_000, 50_000, 50_000], chain: chain),
                                                        Mx.bet(Fx.alice, on: market, [50_000, 50_000, 900_000], chain: chain)]))
        try Mx.advance(&state, to: 5)
        let balances = state.accounts
        let late = Mx.resolution(of: market, outcome: 0, chain: chain)
        #expect(Fx.rejection(of: Mx.payload(resolutions: [late]), on: state) == .resolutionLate)
        let effects = try Fx.apply(&state)
        #expect(effects.markets == [MarketSettlement(market: market, outcome: nil, totalTrust: 0, outcomeWeight: 0, scores: [])])
        #expect(state.markets[market]?.status == .voided(height: 6))
        #expect(state.accounts == balances)
        #expect(Fx.rejection(of: Mx.payload(resolutions: [late]), on: state) == .resolutionSettled)
        #expect(try Fx.apply(&state).markets.isEmpty, "a market is voided once")
    }

    @Test("MARKET-SCORE: with no closing trust behind the bets nobody is paid")
    func noTrust() throws {
        var state = Fx.genesis(balances: [(Fx.alice, 10_000), (Fx.bob, 0)])
        let chain = state.chainId
        let d = Mx.declaration(resolver: Fx.alice, chain: chain)
        let market = d.id(chain: chain)
        try Fx.apply(&state, payload: Mx.payload(declarations: [d], bets: [Mx.bet(Fx.bob, on: market, Self.even, chain: chain)]))
        try Mx.advance(&state, to: 3)
        let effects = try Fx.apply(&state, payload: Mx.payload(resolutions: [Mx.resolution(Fx.alice, of: market, outcome: 1, chain: chain)]))
        #expect(effects.markets.first?.scores == [])
        #expect(Fx.balance(state, Fx.bob) == 0)
        #expect(state.markets[market]?.status == .resolved(outcome: 1, height: 4))
    }

    @Test("MARKET-PAYLOAD: the markets section round-trips, omits empty lists, and counts toward the block limits")
    func payload() throws {
        let state = Fx.genesis()
        let chain = state.chainId
        let d = Mx.declaration(chain: chain)
        let p = Mx.payload(declarations: [d], bets: [Mx.bet(Fx.bob, on: d.id(chain: chain), Self.even, chain: chain)])
        #expect(try Payload(bytes: p.encoded()) == p)
        #expect(Payload().encoded() == CBOR.map([:]).encoded(), "an empty section is omitted")
        #expect(throws: ObjectError.self) { _ = try Payload(cbor: .map([4: .map([:])])) }
        #expect(throws: ObjectError.self) { _ = try Payload(cbor: .map([4: .map([1: d.cbor().asArray, 2: .array([])])])) }
        #expect(throws: (any Error).self) { _ = try Payload(cbor: .map([4: .map([9: .array([d.cbor()])])])) }
        let tooMany = MarketSection(resolutions: Array(repeating: Mx.resolution(of: d.id(chain: chain), outcome: 0, chain: chain),
                                                      count: MarketLimits.maxResolutionsPerBlock + 1))
        #expect(Fx.rejection(of: Payload(markets: tooMany), on: state) == .payloadLimits)
    }
}

private extension CBOR {
    /// A one-element array holding this value.
    var asArray: CBOR { .array([self]) }
}
