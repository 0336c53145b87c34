import Testing
@testable import PoTCore
import PoTMembership
import PoTModules

@Suite("Admission game: parameters")
struct GameParameterTests {
    @Test("SPONSOR-PARAMS: the defaults make internal defection admit fewer members per privilege-block than cooperation, and D/D the longest penalty")
    func defaults() {
        let c = MembershipModule.sponsorCooldown.defaultValue, s = MembershipModule.suckerPenalty.defaultValue
        let m = MembershipModule.mutualDefectPenalty.defaultValue
        let g = MembershipModule.commitWindow.defaultValue + MembershipModule.revealWindow.defaultValue
        #expect((c, s, m, g) == (100, 400, 600, 40))
        // C/C: 1 member per 2 (c + g) member-blocks; D/C: 2 members per (c + g) + (s + g).
        #expect(1 * (c + g + s + g) > 2 * (2 * c + 2 * g), "D/C inside a ring must admit fewer members per privilege-block")
        #expect(m > s)
        #expect(MembershipModule.admissionGrant.defaultValue == 0 && MembershipModule.minSponsorAge.defaultValue == c)
    }

    @Test("SPONSOR-PARAMS: each parameter is refused outside its range and accepted at its ends")
    func ranges() throws {
        for parameter in MembershipModule.parameters {
            try ChainModules.standard.checkParameters([parameter.name: parameter.range.lowerBound])
            try ChainModules.standard.checkParameters([parameter.name: parameter.range.upperBound])
            #expect(throws: ObjectError.self) { try ChainModules.standard.checkParameters([parameter.name: parameter.range.upperBound + 1]) }
            if parameter.range.lowerBound > 0 {
                #expect(throws: ObjectError.self) { try ChainModules.standard.checkParameters([parameter.name: parameter.range.lowerBound - 1]) }
            }
        }
    }

    @Test("SPONSOR-PARAMS: with no sucker penalty the betrayed cooperator sponsors again in the next block; a grant is credited to each admitted key")
    func edges() throws {
        var state = Gx.genesis(["membership.sucker_penalty": 0, "membership.admission_grant_mt": 250])
        let chain = state.chainId
        try Gx.play(&state, newcomer: Fx.dave, .defect, .cooperate, aRewards: [Fx.erin, Fx.key(6)])
        #expect(state.accounts[Fx.erin.publicKey] == Account(balance: 250, member: true))
        #expect(state.accounts[Fx.key(6).publicKey]?.balance == 250)
        let open = Gx.open(Fx.bob, with: Fx.carol, newcomer: Fx.dave, .cooperate, nonce: 2, chain: chain)
        #expect(Gx.refusal(Gx.payload(opens: [open]), on: state) == nil)
    }
}
