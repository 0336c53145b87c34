import Testing
@testable import PoTCore
import PoTMembership
import PoTModules

@Suite("Admission game: outcomes")
struct GameOutcomeTests {
    static let dave = Fx.dave, erin = Fx.erin, frank = Fx.key(6), grace = Fx.key(7)

    @Test("SPONSOR-OUTCOME: C/C admits the newcomer, records both sponsors and cools both players down")
    func bothCooperate() throws {
        var state = Gx.genesis()
        let game = try Gx.play(&state, newcomer: Self.dave, .cooperate, .cooperate)
        let ended = state.membership.games[game]!
        #expect(ended.phase == .finished && ended.outcome?.label == "C/C" && ended.outcome?.height == 3)
        #expect(state.isMember(Self.dave.publicKey))
        #expect(state.membership.admissions[Self.dave.publicKey] == MemberAdmission(
            key: Self.dave.publicKey, game: game, height: 3, sponsors: [Fx.alice.publicKey, Fx.bob.publicKey], byDefection: false))
        for player in [Fx.alice, Fx.bob] {
            #expect(state.membership.privilege(player.publicKey) == SponsorPrivilege(coolingUntil: 6))
        }
        #expect(state.membership.reserved.isEmpty && state.membership.running.isEmpty)
    }

    @Test("SPONSOR-OUTCOME: D/C admits the defector's two reward keys, not the newcomer; the cooperator is suspended, the defector cools down")
    func oneDefects() throws {
        var state = Gx.genesis()
        let game = try Gx.play(&state, newcomer: Self.dave, .defect, .cooperate, aRewards: [Self.frank, Self.grace])
        #expect(state.membership.games[game]!.outcome?.label == "D/C")
        #expect(!state.isMember(Self.dave.publicKey))
        #expect(state.isMember(Self.frank.publicKey) && state.isMember(Self.grace.publicKey))
        #expect(state.membership.admissions[Self.frank.publicKey]?.sponsors == [Fx.alice.publicKey])
        #expect(state.membership.admissions[Self.frank.publicKey]?.byDefection == true)
        #expect(state.membership.privilege(Fx.alice.publicKey) == SponsorPrivilege(coolingUntil: 6))
        #expect(state.membership.privilege(Fx.bob.publicKey) == SponsorPrivilege(suspendedUntil: 9))
    }

    @Test("SPONSOR-OUTCOME: C/D is D/C seen from the other side")
    func partnerDefects() throws {
        var state = Gx.genesis()
        try Gx.play(&state, newcomer: Self.dave, .cooperate, .defect, bRewards: [Self.erin])
        #expect(state.isMember(Self.erin.publicKey) && !state.isMember(Self.dave.publicKey))
        #expect(state.membership.privilege(Fx.alice.publicKey) == SponsorPrivilege(suspendedUntil: 9))
        #expect(state.membership.privilege(Fx.bob.publicKey) == SponsorPrivilege(coolingUntil: 6))
    }

    @Test("SPONSOR-OUTCOME: D/D admits nobody and suspends both, for longer than a betrayed cooperator")
    func bothDefect() throws {
        var state = Gx.genesis()
        let game = try Gx.play(&state, newcomer: Self.dave, .defect, .defect, aRewards: [Self.frank], bRewards: [Self.grace])
        #expect(state.membership.games[game]!.outcome?.admitted == [])
        #expect(![Self.dave, Self.frank, Self.grace].contains { state.isMember($0.publicKey) })
        for player in [Fx.alice, Fx.bob] {
            #expect(state.membership.privilege(player.publicKey) == SponsorPrivilege(suspendedUntil: 12))
        }
    }

    @Test("SPONSOR-OUTCOME: a missing reveal counts as defect with no reward, at the end of the reveal window")
    func missingReveal() throws {
        var state = Gx.genesis()
        let game = try Gx.play(&state, newcomer: Self.dave, .cooperate, nil)
        let outcome = state.membership.games[game]!.outcome!
        #expect(outcome.label == "C/D" && outcome.missing == [Fx.bob.publicKey] && outcome.admitted.isEmpty && outcome.height == 4)
        #expect(state.membership.privilege(Fx.alice.publicKey) == SponsorPrivilege(suspendedUntil: 10))
        #expect(state.membership.privilege(Fx.bob.publicKey) == SponsorPrivilege(coolingUntil: 7))
        var silent = Gx.genesis()
        let both = try Gx.play(&silent, newcomer: Self.dave, nil, nil)
        #expect(silent.membership.games[both]!.outcome?.label == "D/D")
    }

    @Test("SPONSOR-LAPSE: a game nobody joins lapses at the end of the commit window; the opener's stake is released without penalty")
    func lapse() throws {
        var state = Gx.genesis()
        let chain = state.chainId
        let open = Gx.open(Fx.alice, with: Fx.bob, newcomer: Self.dave, .cooperate, chain: chain)
        let game = open.open.gameId(chain: chain)
        try Fx.apply(&state, payload: Gx.payload(opens: [open]))
        #expect(state.membership.privilege(Fx.alice.publicKey).stakedIn == game)
        #expect(state.membership.reserved[Self.dave.publicKey] == game)
        try Fx.apply(&state)
        #expect(state.membership.games[game]!.phase == .awaitingJoin)
        let effects = try Fx.apply(&state)
        #expect(state.membership.games[game]!.phase == .lapsed && effects.membership.ended.map(\.game) == [game])
        #expect(state.membership.privilege(Fx.alice.publicKey) == SponsorPrivilege())
        #expect(state.membership.reserved.isEmpty && !state.isMember(Self.dave.publicKey))
        let late = Gx.refusal(Gx.payload(joins: [Gx.join(Fx.bob, game, .cooperate, chain: chain)]), on: state)
        #expect(late?.rule == .joinClosed && late?.detail.contains("lapsed at height 3") == true)
    }

    @Test("SPONSOR-VOTE: a member admitted by a game votes and bets from the block after its admission, not before")
    func admittedMemberVotes() throws {
        var state = Gx.genesis()
        let chain = state.chainId
        let early = Fx.vote(Self.dave, height: 1, [Fx.hash(9)], [1_000_000, 0], chain: chain)
        #expect(Gx.refusal(Gx.payload(votes: [early]), on: state)?.rule == .voteNonMember)
        // A market declared by alice at height 1, closing at 20: dave's bet is refused until he is a member.
        let declaration = Mx.declaration(close: 20, resolveBy: 25, chain: chain)
        let market = declaration.id(chain: chain)
        try Fx.apply(&state, payload: Mx.payload(declarations: [declaration]))
        let bet = Mx.bet(Self.dave, on: market, [400_000, 300_000, 300_000], chain: chain)
        #expect(Fx.rejection(of: Mx.payload(bets: [bet]), on: state) == .betNonMember)
        try Gx.play(&state, newcomer: Self.dave, .cooperate, .cooperate)
        #expect(state.isMember(Self.dave.publicKey))
        let vote = Fx.vote(Self.dave, height: state.height, [state.tip], [1_000_000, 0], chain: chain)
        #expect(Gx.refusal(Gx.payload(votes: [vote]), on: state) == nil)
        #expect(Fx.rejection(of: Mx.payload(bets: [bet]), on: state) == nil)
    }
}
