import Foundation
import Testing
@testable import PoTCore
import PoTMembership
import PoTModules

@Suite("Admission game: parameters")
struct GameParameterTests {
    @Test("SPONSOR-PARAMS: under the defaults a defector's two reward keys are worth less to a ring than what cooperation brings, and D/D is the longest penalty")
    func defaults() {
        let c = MembershipModule.sponsorCooldown.defaultValue, s = MembershipModule.suckerPenalty.defaultValue
        let m = MembershipModule.mutualDefectPenalty.defaultValue, a = MembershipModule.minSponsorAge.defaultValue
        let r = MembershipModule.rewardSponsorAge.defaultValue
        #expect((c, s, m, a, r) == (100, 400, 600, 100, 800))
        // A ring that cooperates inside grows ×1.5 per cycle of c + 2 blocks; a key that may
        // sponsor d blocks later is worth 1.5^(−d / (c + 2)) of one that may now.
        func worth(_ wait: UInt64) -> Double { pow(1.5, -Double(wait) / Double(c + 2)) }
        // Inside the ring, a pair brings one key (C/C) or two reward keys (D/C).
        #expect(2 * worth(r) < worth(a))
        // Against an outsider, one ring identity brings two reward keys; cooperating inside it brings half a key.
        #expect(2 * worth(r) < 0.5 * worth(a))
        #expect(m > s)
        #expect(MembershipModule.admissionGrant.defaultValue == 0)
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
