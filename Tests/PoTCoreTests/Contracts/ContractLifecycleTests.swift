import Testing
@testable import PoTCore
import PoTContracts
import PoTModules

@Suite("Contracts: life of a contract")
struct ContractLifecycleTests {
    @Test("CONTRACT-POST: posting escrows the reward from the requester's balance into its bond")
    func postEscrows() throws {
        var state = Cx.genesis()
        let post = Cx.post(chain: state.chainId)
        try Fx.apply(&state, payload: Cx.section { $0.posts = [post] })
        #expect(Cx.balance(state, Cx.requester) == 9_000)
        #expect(state.bonds[Cx.requester.publicKey] == 1_000)
        #expect(state.contracts.contracts[post.post.taskId(chain: state.chainId)]?.phase == .open)
    }

    @Test("CONTRACT-APPROVE: an approved delivery pays the worker the escrow; both sides gain service evidence")
    func approvalPays() throws {
        var state = Cx.genesis()
        let task = try Cx.delivered(&state)
        try Fx.apply(&state, payload: Cx.section { $0.approvals = [Cx.approve(task, chain: state.chainId)] })
        #expect(Cx.balance(state, Cx.requester) == 9_000)
        #expect(Cx.balance(state, Cx.worker) == 11_000)
        #expect(state.bonds[Cx.requester.publicKey] == nil)
        #expect(state.contracts.contracts[task]?.closing?.reason == .approved)
        #expect(state.contracts.record(Cx.worker.publicKey).contracts == 1)
        #expect(ServiceTrust.ppm(state.contracts.record(Cx.worker.publicKey)) == 666_666)
    }

    @Test("CONTRACT-RATE: each side rates the other once within the rating window; stars move service trust")
    func ratings() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.delivered(&state)
        try Fx.apply(&state, payload: Cx.section { $0.approvals = [Cx.approve(task, chain: chain)] })
        try Fx.apply(&state, payload: Cx.section { $0.ratings = [Cx.rate(task, by: Cx.requester, 5, chain: chain), Cx.rate(task, by: Cx.worker, 1, chain: chain)] })
        // worker: one contract (+1) and 5 stars (+1): (2+1)/(2+0+2) = 750 000 ppm.
        #expect(ServiceTrust.ppm(state.contracts.record(Cx.worker.publicKey)) == 750_000)
        // requester: one contract (+1) and 1 star (−1): (1+1)/(1+1+2) = 500 000 ppm.
        #expect(ServiceTrust.ppm(state.contracts.record(Cx.requester.publicKey)) == 500_000)
        let twice = Cx.refused(Cx.section { $0.ratings = [Cx.rate(task, by: Cx.requester, 4, chain: chain)] }, on: state)
        #expect(twice?.rule == .ratingDuplicate)
        for _ in 0..<4 { try Fx.apply(&state) }
        #expect(!state.contracts.live.contains(task), "retired once its rating window is over")
    }

    @Test("CONTRACT-EXPIRY: a task nobody accepts is refunded at its acceptance height")
    func unaccepted() throws {
        var state = Cx.genesis()
        let post = Cx.post(acceptBy: 3, deliverBy: 6, chain: state.chainId)
        try Fx.apply(&state, payload: Cx.section { $0.posts = [post] })
        try Fx.apply(&state)
        #expect(state.contracts.contracts[post.post.taskId(chain: state.chainId)]?.phase == .open)
        try Fx.apply(&state)
        #expect(state.contracts.contracts[post.post.taskId(chain: state.chainId)]?.closing?.reason == .unaccepted)
        #expect(Cx.balance(state, Cx.requester) == 10_000)
    }

    @Test("CONTRACT-EXPIRY: a worker who does not deliver by the delivery height is refunded against and loses service trust")
    func undelivered() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let post = Cx.post(acceptBy: 2, deliverBy: 4, chain: chain)
        let task = post.post.taskId(chain: chain)
        try Fx.apply(&state, payload: Cx.section { $0.posts = [post] })
        try Fx.apply(&state, payload: Cx.section { $0.acceptances = [Cx.accept(task, chain: chain)] })
        try Fx.apply(&state)
        try Fx.apply(&state)
        #expect(state.contracts.contracts[task]?.closing?.reason == .undelivered)
        #expect(Cx.balance(state, Cx.requester) == 10_000 && Cx.balance(state, Cx.worker) == 10_000)
        #expect(ServiceTrust.ppm(state.contracts.record(Cx.worker.publicKey)) == 333_333)
    }

    @Test("CONTRACT-EXPIRY: a requester silent through its review window pays the worker and loses half a contract's evidence")
    func reviewLapsed() throws {
        var state = Cx.genesis()
        let task = try Cx.delivered(&state)
        for _ in 0..<3 { try Fx.apply(&state) }
        #expect(state.contracts.contracts[task]?.closing?.reason == .reviewLapsed)
        #expect(Cx.balance(state, Cx.worker) == 11_000)
        #expect(ServiceTrust.ppm(state.contracts.record(Cx.requester.publicKey)) == 400_000)
    }
}
