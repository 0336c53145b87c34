import Testing
@testable import PoTCore
import PoTContracts
import PoTModules

@Suite("Contracts: refusals")
struct ContractRefusalTests {
    static let outsider = Fx.key(9)

    @Test("CONTRACT-POST: a reward above the balance, a past acceptance height, a span over max_span, a non-member and a repost are refused")
    func posts() throws {
        var state = Cx.genesis(["contracts.max_span": 20])
        let chain = state.chainId
        let rich = Cx.refused(Cx.section { $0.posts = [Cx.post(reward: 10_001, chain: chain)] }, on: state)
        #expect(rich?.rule == .contractReward && rich?.detail.contains("balance of 10000 mT") == true)
        #expect(Cx.refused(Cx.section { $0.posts = [Cx.post(acceptBy: 0, deliverBy: 3, chain: chain)] }, on: state)?.rule == .contractDeadline)
        #expect(Cx.refused(Cx.section { $0.posts = [Cx.post(acceptBy: 2, deliverBy: 22, chain: chain)] }, on: state)?.rule == .contractDeadline)
        #expect(Cx.refused(Cx.section { $0.posts = [Cx.post(Self.outsider, chain: chain)] }, on: state)?.rule == .contractNotMember)
        let post = Cx.post(chain: chain)
        try Fx.apply(&state, payload: Cx.section { $0.posts = [post] })
        #expect(Cx.refused(Cx.section { $0.posts = [post] }, on: state)?.rule == .contractDuplicate)
        var forged = post
        forged.signature = Cx.post(nonce: 2, chain: chain).signature
        #expect(Cx.refused(Cx.section { $0.posts = [forged] }, on: Cx.genesis(["contracts.max_span": 20]))?.rule == .contractsSignature)
    }

    @Test("CONTRACT-ACCEPT: the requester itself, a second worker and a late worker are refused")
    func acceptances() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let post = Cx.post(acceptBy: 2, chain: chain)
        let task = post.post.taskId(chain: chain)
        try Fx.apply(&state, payload: Cx.section { $0.posts = [post] })
        #expect(Cx.refused(Cx.section { $0.acceptances = [Cx.accept(task, by: Cx.requester, chain: chain)] }, on: state)?.rule == .acceptSelf)
        #expect(Cx.refused(Cx.section { $0.acceptances = [Cx.accept(task, by: Self.outsider, chain: chain)] }, on: state)?.rule == .contractNotMember)
        try Fx.apply(&state, payload: Cx.section { $0.acceptances = [Cx.accept(task, chain: chain)] })
        let second = Cx.refused(Cx.section { $0.acceptances = [Cx.accept(task, by: Fx.carol, chain: chain)] }, on: state)
        #expect(second?.rule == .acceptClosed && second?.standing == .stale)
        var late = Cx.genesis()
        try Fx.apply(&late, payload: Cx.section { $0.posts = [post] })
        try Fx.apply(&late)
        #expect(late.contracts.contracts[task]?.closing?.reason == .unaccepted)
        #expect(Cx.refused(Cx.section { $0.acceptances = [Cx.accept(task, chain: chain)] }, on: late)?.rule == .acceptClosed)
    }

    @Test("CONTRACT-DELIVER: a delivery by someone other than the worker, or a second one, is refused")
    func deliveries() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let post = Cx.post(chain: chain)
        let task = post.post.taskId(chain: chain)
        try Fx.apply(&state, payload: Cx.section { $0.posts = [post] })
        #expect(Cx.refused(Cx.section { $0.deliveries = [Cx.deliver(task, chain: chain)] }, on: state)?.standing == .notYet)
        try Fx.apply(&state, payload: Cx.section { $0.acceptances = [Cx.accept(task, chain: chain)] })
        let other = Cx.refused(Cx.section { $0.deliveries = [Cx.deliver(task, by: Fx.carol, chain: chain)] }, on: state)
        #expect(other?.rule == .deliveryNotWorker && other?.detail.contains("only") == true)
        try Fx.apply(&state, payload: Cx.section { $0.deliveries = [Cx.deliver(task, chain: chain)] })
        #expect(Cx.refused(Cx.section { $0.deliveries = [Cx.deliver(task, chain: chain)] }, on: state)?.rule == .deliveryClosed)
    }

    @Test("CONTRACT-APPROVE: an approval by someone other than the requester, or before a delivery, is refused")
    func approvals() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let post = Cx.post(chain: chain)
        let task = post.post.taskId(chain: chain)
        try Fx.apply(&state, payload: Cx.section { $0.posts = [post] })
        try Fx.apply(&state, payload: Cx.section { $0.acceptances = [Cx.accept(task, chain: chain)] })
        #expect(Cx.refused(Cx.section { $0.approvals = [Cx.approve(task, chain: chain)] }, on: state)?.rule == .approvalClosed)
        try Fx.apply(&state, payload: Cx.section { $0.deliveries = [Cx.deliver(task, chain: chain)] })
        #expect(Cx.refused(Cx.section { $0.approvals = [Cx.approve(task, by: Cx.worker, chain: chain)] }, on: state)?.rule == .approvalNotRequester)
        #expect(Cx.refused(Cx.section { $0.approvals = [Cx.approve(task, by: Fx.carol, chain: chain)] }, on: state)?.rule == .approvalNotRequester)
    }

    @Test("CONTRACT-DISPUTE: a dispute after approval, by an outsider, or twice is refused")
    func disputes() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.delivered(&state)
        #expect(Cx.refused(Cx.section { $0.disputes = [Cx.dispute(task, by: Fx.carol, chain: chain)] }, on: state)?.rule == .disputeNotParty)
        var approved = state
        try Fx.apply(&approved, payload: Cx.section { $0.approvals = [Cx.approve(task, chain: chain)] })
        let late = Cx.refused(Cx.section { $0.disputes = [Cx.dispute(task, chain: chain)] }, on: approved)
        #expect(late?.rule == .disputeClosed && late?.detail.contains("approved") == true)
        try Fx.apply(&state, payload: Cx.section { $0.disputes = [Cx.dispute(task, by: Cx.worker, chain: chain)] })
        #expect(Cx.refused(Cx.section { $0.disputes = [Cx.dispute(task, chain: chain)] }, on: state)?.rule == .disputeClosed)
        #expect(Cx.refused(Cx.section { $0.approvals = [Cx.approve(task, chain: chain)] }, on: state)?.rule == .approvalClosed)
    }

    @Test("CONTRACT-RATE: a rating outside 1 to 5 cannot be made; a rating before the close or by an outsider is refused")
    func ratings() throws {
        #expect(throws: ObjectError.self) { try TaskRating(task: Fx.hash(1), rater: Fx.alice.publicKey, stars: 6) }
        #expect(throws: ObjectError.self) { try TaskRating(task: Fx.hash(1), rater: Fx.alice.publicKey, stars: 0) }
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.delivered(&state)
        #expect(Cx.refused(Cx.section { $0.ratings = [Cx.rate(task, by: Cx.requester, 3, chain: chain)] }, on: state)?.rule == .ratingClosed)
        try Fx.apply(&state, payload: Cx.section { $0.approvals = [Cx.approve(task, chain: chain)] })
        #expect(Cx.refused(Cx.section { $0.ratings = [Cx.rate(task, by: Fx.carol, 3, chain: chain)] }, on: state)?.rule == .ratingNotParty)
    }
}
