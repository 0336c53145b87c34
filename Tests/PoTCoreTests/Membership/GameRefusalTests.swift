import Testing
@testable import PoTCore
import PoTMembership
import PoTModules

@Suite("Admission game: refusals")
struct GameRefusalTests {
    static let dave = Fx.dave, erin = Fx.erin, frank = Fx.key(6), grace = Fx.key(7), heidi = Fx.key(8)

    /// The rule with which the next block refuses `payload` on `state`, and its message.
    static func refused(_ payload: Payload, on state: ChainState) -> (BlockRejection.Rule, String)? {
        Gx.refusal(payload, on: state).map { ($0.rule, $0.detail) }
    }

    @Test("SPONSOR-OPEN: a non-member, self-sponsorship, a partner who is not a member, and a newcomer who is a member or named by a running game are refused")
    func opening() throws {
        var state = Gx.genesis()
        let chain = state.chainId
        #expect(Self.refused(Gx.payload(opens: [Gx.open(Self.dave, with: Fx.bob, newcomer: Self.erin, .cooperate, chain: chain)]), on: state)?.0 == .sponsorNotMember)
        #expect(Self.refused(Gx.payload(opens: [Gx.open(Fx.alice, with: Fx.alice, newcomer: Self.erin, .cooperate, chain: chain)]), on: state)?.0 == .sponsorSelf)
        #expect(Self.refused(Gx.payload(opens: [Gx.open(Fx.alice, with: Self.dave, newcomer: Self.erin, .cooperate, chain: chain)]), on: state)?.0 == .sponsorPartner)
        let member = Self.refused(Gx.payload(opens: [Gx.open(Fx.alice, with: Fx.bob, newcomer: Fx.carol, .cooperate, chain: chain)]), on: state)
        #expect(member?.0 == .sponsorNewcomer && member?.1.contains("already a member") == true)
        let forged = Gx.open(Fx.alice, with: Fx.bob, newcomer: Self.dave, .cooperate, chain: chain, signer: Fx.bob)
        #expect(Self.refused(Gx.payload(opens: [forged]), on: state)?.0 == .sponsorSignature)
        try Fx.apply(&state, payload: Gx.payload(opens: [Gx.open(Fx.alice, with: Fx.bob, newcomer: Self.dave, .cooperate, chain: chain)]))
        let named = Self.refused(Gx.payload(opens: [Gx.open(Fx.carol, with: Fx.bob, newcomer: Self.dave, .cooperate, chain: chain)]), on: state)
        #expect(named?.0 == .sponsorNewcomer && named?.1.contains("already named by running game") == true)
        let again = Self.refused(Gx.payload(opens: [Gx.open(Fx.alice, with: Fx.bob, newcomer: Self.dave, .defect, chain: chain)]), on: state)
        #expect(again?.0 == .sponsorDuplicate)
    }

    @Test("SPONSOR-ELIGIBLE: a sponsor already staked in a game, cooling down or too recently admitted cannot open or join")
    func eligibility() throws {
        var state = Gx.genesis()
        let chain = state.chainId
        let first = Gx.open(Fx.alice, with: Fx.bob, newcomer: Self.dave, .cooperate, chain: chain)
        try Fx.apply(&state, payload: Gx.payload(opens: [first]))
        let staked = Self.refused(Gx.payload(opens: [Gx.open(Fx.alice, with: Fx.carol, newcomer: Self.erin, .cooperate, chain: chain)]), on: state)
        #expect(staked?.0 == .sponsorStaked)
        // bob joins alice's game; carol's game naming bob can then not be joined by him.
        let carolGame = Gx.open(Fx.carol, with: Fx.bob, newcomer: Self.erin, .cooperate, chain: chain)
        try Fx.apply(&state, payload: Gx.payload(opens: [carolGame], joins: [Gx.join(Fx.bob, first.open.gameId(chain: chain), .cooperate, chain: chain)]))
        let busy = Self.refused(Gx.payload(joins: [Gx.join(Fx.bob, carolGame.open.gameId(chain: chain), .cooperate, chain: chain)]), on: state)
        #expect(busy?.0 == .sponsorStaked)

        var cooled = Gx.genesis()
        try Gx.play(&cooled, newcomer: Self.dave, .cooperate, .cooperate)
        let open = Gx.open(Fx.alice, with: Fx.carol, newcomer: Self.erin, .cooperate, chain: chain)
        let cooling = Self.refused(Gx.payload(opens: [open]), on: cooled)
        #expect(cooling?.0 == .sponsorCooling && cooling?.1.contains("cooling down until height 6") == true)
        // dave, admitted at height 3, may sponsor from height 5 (minimum age 2).
        let young = Gx.open(Self.dave, with: Fx.carol, newcomer: Self.erin, .cooperate, chain: chain)
        #expect(Self.refused(Gx.payload(opens: [young]), on: cooled)?.0 == .sponsorAge)
        try Fx.apply(&cooled)
        #expect(Self.refused(Gx.payload(opens: [young]), on: cooled) == nil)
        try Fx.apply(&cooled)
        #expect(Self.refused(Gx.payload(opens: [open]), on: cooled) == nil, "alice's cooldown ends at height 6")
    }

    @Test("SPONSOR-ELIGIBLE: a defector's reward key waits membership.reward_sponsor_age before it may sponsor, a newcomer of C/C membership.min_sponsor_age")
    func rewardKeysWaitLonger() throws {
        var state = Gx.genesis()
        let chain = state.chainId
        try Gx.play(&state, newcomer: Self.dave, .defect, .cooperate, aRewards: [Self.frank])
        // frank, admitted at height 3 as alice's reward, may sponsor from height 3 + 5 = 8.
        let open = Gx.open(Self.frank, with: Fx.carol, newcomer: Self.erin, .cooperate, chain: chain)
        while state.height + 1 < 8 {
            let refusal = Self.refused(Gx.payload(opens: [open]), on: state)
            #expect(refusal?.0 == .sponsorAge && refusal?.1.contains("may sponsor from height 8 (membership.reward_sponsor_age = 5)") == true)
            try Fx.apply(&state)
        }
        #expect(Self.refused(Gx.payload(opens: [open]), on: state) == nil)
    }

    @Test("SPONSOR-ELIGIBLE: a suspended sponsor is refused until its penalty ends and accepted after")
    func suspension() throws {
        var state = Gx.genesis()
        let chain = state.chainId
        try Gx.play(&state, newcomer: Self.dave, .defect, .cooperate, aRewards: [Self.frank])
        #expect(state.membership.privilege(Fx.bob.publicKey).suspendedUntil == 9)
        let open = Gx.open(Fx.bob, with: Fx.carol, newcomer: Self.erin, .cooperate, chain: chain)
        while state.height + 1 < 9 {
            let refusal = Self.refused(Gx.payload(opens: [open]), on: state)
            #expect(refusal?.0 == .sponsorSuspended && refusal?.1.contains("suspended from sponsoring until height 9") == true)
            try Fx.apply(&state)
        }
        #expect(Self.refused(Gx.payload(opens: [open]), on: state) == nil)
    }

    @Test("SPONSOR-JOIN: only the named partner joins, within the commit window, once")
    func joining() throws {
        var state = Gx.genesis()
        let chain = state.chainId
        let open = Gx.open(Fx.alice, with: Fx.bob, newcomer: Self.dave, .cooperate, chain: chain)
        let game = open.open.gameId(chain: chain)
        let unknown = Self.refused(Gx.payload(joins: [Gx.join(Fx.bob, game, .cooperate, chain: chain)]), on: state)
        #expect(unknown?.0 == .joinUnknown)
        try Fx.apply(&state, payload: Gx.payload(opens: [open]))
        let stranger = Self.refused(Gx.payload(joins: [Gx.join(Fx.carol, game, .cooperate, chain: chain)]), on: state)
        #expect(stranger?.0 == .joinNotPartner && stranger?.1.contains("may join it") == true)
        try Fx.apply(&state, payload: Gx.payload(joins: [Gx.join(Fx.bob, game, .cooperate, chain: chain)]))
        #expect(Self.refused(Gx.payload(joins: [Gx.join(Fx.bob, game, .defect, salt: 3, chain: chain)]), on: state)?.0 == .joinClosed)
    }

    @Test("SPONSOR-REVEAL: a reveal before both commitments, by a non-player, not matching its commitment, twice, or after the window is refused")
    func revealing() throws {
        var state = Gx.genesis()
        let chain = state.chainId
        let open = Gx.open(Fx.alice, with: Fx.bob, newcomer: Self.dave, .cooperate, chain: chain)
        let game = open.open.gameId(chain: chain)
        try Fx.apply(&state, payload: Gx.payload(opens: [open]))
        let early = Self.refused(Gx.payload(reveals: [Gx.reveal(Fx.alice, game, .cooperate, salt: 1, chain: chain)]), on: state)
        #expect(early?.0 == .revealEarly && early?.1.contains("once both commitments are on chain") == true)
        let join = Gx.join(Fx.bob, game, .cooperate, chain: chain)
        let sameBlock = Gx.payload(joins: [join], reveals: [Gx.reveal(Fx.alice, game, .cooperate, salt: 1, chain: chain)])
        #expect(Self.refused(sameBlock, on: state)?.0 == .revealEarly, "a reveal goes in a block after the join")
        try Fx.apply(&state, payload: Gx.payload(joins: [join]))
        #expect(Self.refused(Gx.payload(reveals: [Gx.reveal(Fx.carol, game, .cooperate, salt: 1, chain: chain)]), on: state)?.0 == .revealNotPlayer)
        let wrongMove = Self.refused(Gx.payload(reveals: [Gx.reveal(Fx.alice, game, .defect, salt: 1, chain: chain)]), on: state)
        #expect(wrongMove?.0 == .revealMismatch && wrongMove?.1.contains("do not match its commitment") == true)
        #expect(Self.refused(Gx.payload(reveals: [Gx.reveal(Fx.alice, game, .cooperate, salt: 9, chain: chain)]), on: state)?.0 == .revealMismatch)
        let twice = Gx.payload(reveals: [Gx.reveal(Fx.alice, game, .cooperate, salt: 1, chain: chain),
                                         Gx.reveal(Fx.alice, game, .cooperate, salt: 1, chain: chain)])
        #expect(Self.refused(twice, on: state)?.0 == .revealDuplicate)
        try Fx.apply(&state)
        try Fx.apply(&state)
        let late = Self.refused(Gx.payload(reveals: [Gx.reveal(Fx.alice, game, .cooperate, salt: 1, chain: chain)]), on: state)
        #expect(late?.0 == .revealClosed && late?.1.contains("reveal window is over") == true)
    }

    @Test("SPONSOR-REVEAL: a reward key that is a member or named by another running game is refused; three keys, or keys on a cooperating reveal, do not decode")
    func rewardKeys() throws {
        var state = Gx.genesis()
        let chain = state.chainId
        let open = Gx.open(Fx.alice, with: Fx.bob, newcomer: Self.dave, .defect, chain: chain)
        let game = open.open.gameId(chain: chain)
        let other = Gx.open(Fx.carol, with: Fx.bob, newcomer: Self.heidi, .cooperate, chain: chain)
        try Fx.apply(&state, payload: Gx.payload(opens: [open, other]))
        try Fx.apply(&state, payload: Gx.payload(joins: [Gx.join(Fx.bob, game, .cooperate, chain: chain)]))
        let member = Self.refused(Gx.payload(reveals: [Gx.reveal(Fx.alice, game, .defect, salt: 1, rewards: [Fx.carol], chain: chain)]), on: state)
        #expect(member?.0 == .revealRewardKey && member?.1.contains("already a member") == true)
        let named = Self.refused(Gx.payload(reveals: [Gx.reveal(Fx.alice, game, .defect, salt: 1, rewards: [Self.heidi], chain: chain)]), on: state)
        #expect(named?.0 == .revealRewardKey && named?.1.contains("already named by running game") == true)
        #expect(Self.refused(Gx.payload(reveals: [Gx.reveal(Fx.alice, game, .defect, salt: 1, rewards: [Self.frank, Self.grace], chain: chain)]), on: state) == nil)
        #expect(throws: ObjectError("a defecting reveal names at most 2 reward keys, got 3")) {
            try GameReveal(game: game, player: Fx.alice.publicKey, move: .defect, salt: Gx.salt(1),
                           rewardKeys: [Self.frank, Self.grace, Self.erin].map(\.publicKey))
        }
        #expect(throws: ObjectError("a cooperating reveal names no reward key (only a defector is rewarded)")) {
            try GameReveal(game: game, player: Fx.alice.publicKey, move: .cooperate, salt: Gx.salt(1), rewardKeys: [Self.frank.publicKey])
        }
        // The same refusals for bytes made by someone else.
        var bytes = try GameReveal(game: game, player: Fx.alice.publicKey, move: .defect, salt: Gx.salt(1), rewardKeys: [Self.frank.publicKey]).cbor()
        if case .map(var fields) = bytes { fields[3] = .unsigned(0); bytes = .map(fields) }
        #expect(throws: (any Error).self) { try GameReveal(cbor: bytes) }
    }

    @Test("SPONSOR-OPEN: a refused block changes nothing")
    func refusalChangesNothing() throws {
        var state = Gx.genesis()
        let chain = state.chainId
        let before = state
        let bad = Gx.payload(opens: [Gx.open(Fx.alice, with: Fx.bob, newcomer: Self.dave, .cooperate, chain: chain),
                                     Gx.open(Fx.carol, with: Fx.carol, newcomer: Self.erin, .cooperate, chain: chain)])
        #expect(throws: BlockRejection.self) { try Fx.apply(&state, payload: bad) }
        #expect(state == before)
    }
}
