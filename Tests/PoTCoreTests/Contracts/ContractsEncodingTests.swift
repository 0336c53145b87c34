import Testing
@testable import PoTCore
import PoTContracts
import PoTModules

@Suite("Contracts: encodings")
struct ContractsEncodingTests {
    @Test("CONTRACTS-CODEC: every object of the module round-trips and a section with an empty list is not canonical")
    func objects() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.disputed(&state)
        let members = DisputeTests.committee(state, task)
        let sealed = Cx.seal(members[0], .payWorker, on: task, state: state)
        let payload = Cx.section { s in
            s.posts = [Cx.post(chain: chain)]
            s.acceptances = [Cx.accept(task, chain: chain)]
            s.deliveries = [Cx.deliver(task, chain: chain)]
            s.approvals = [Cx.approve(task, chain: chain)]
            s.ratings = [Cx.rate(task, by: Cx.worker, 4, chain: chain)]
            s.disputes = [Cx.dispute(task, chain: chain)]
            s.seals = [sealed.seal]
            s.reveals = [Cx.reveal(members[0], .payWorker, salt: sealed.salt, on: task, chain: chain)]
            s.releases = [.sign(try! ShareRelease(dispute: task, sealer: members[0].publicKey, member: members[1].publicKey,
                                                  shareKey: [UInt8](repeating: 3, count: 32)), with: members[1], chain: chain)]
            s.decisions = [Cx.decision(members[0], .payWorker, voters: Array(members[0...2]), on: task, chain: chain)]
        }
        let bytes = payload.cbor().encoded()
        let decoded = try Payload(bytes: bytes)
        #expect(decoded.contracts == payload.contracts)
        #expect(decoded.cbor().encoded() == bytes)
        let empty = CBOR.map([1: .array([])])
        #expect(throws: ObjectError.self) { try ContractsSection(cbor: empty) }
        #expect(throws: ObjectError.self) { try ContractsSection(cbor: .map([:])) }
    }

    @Test("CONTRACTS-CODEC: objects with a text sent empty, a bad verdict, a short salt or a bad git id are refused by the decoder")
    func strictness() {
        let task = Fx.hash(1), key = Fx.alice.publicKey
        #expect(throws: ObjectError.self) { try TaskDelivery(cbor: .map([1: .bytes(task.bytes), 2: .bytes(key.bytes), 3: .bytes([1, 2, 3])])) }
        #expect(throws: ObjectError.self) {
            try TaskDelivery(cbor: .map([1: .bytes(task.bytes), 2: .bytes(key.bytes), 3: .bytes([UInt8](repeating: 1, count: 20)), 4: .text("")]))
        }
        #expect(throws: ObjectError.self) {
            try VerdictReveal(cbor: .map([1: .bytes(task.bytes), 2: .bytes(key.bytes), 3: .unsigned(1_000_001), 4: .bytes([UInt8](repeating: 0, count: 16))]))
        }
        #expect(throws: (any Error).self) {
            try VerdictReveal(cbor: .map([1: .bytes(task.bytes), 2: .bytes(key.bytes), 3: .unsigned(0), 4: .bytes([UInt8](repeating: 0, count: 15))]))
        }
        #expect(throws: ObjectError.self) { try TaskPost(requester: key, title: "", reward: 1, acceptBy: 1, deliverBy: 2, nonce: 0) }
        #expect(throws: ObjectError.self) { try TaskPost(requester: key, title: "t", reward: 0, acceptBy: 1, deliverBy: 2, nonce: 0) }
        #expect(throws: ObjectError.self) { try TaskPost(requester: key, title: "t", reward: 1, acceptBy: 2, deliverBy: 2, nonce: 0) }
    }

    @Test("the state cache round-trips a state with contracts in every phase, a dispute mid-recovery and service records")
    func cache() throws {
        var state = Cx.genesis()
        let chain = state.chainId
        let task = try Cx.disputed(&state)
        let members = DisputeTests.committee(state, task)
        let salts = try DisputeTests.sealAll(&state, task)
        try Fx.apply(&state, payload: Cx.section { s in
            s.reveals = (0..<4).map { Cx.reveal(members[$0], $0 == 3 ? .refundRequester : .payWorker, salt: salts[$0], on: task, chain: chain) }
            s.posts = [Cx.post(acceptBy: 20, deliverBy: 30, nonce: 9, chain: chain)]
        })
        while state.height < 13 { try Fx.apply(&state) }
        try Fx.apply(&state, payload: Cx.section { s in s.releases = [Cx.release(members[0], of: members[4].publicKey, on: task, state: state)] })
        let other = try Cx.delivered(&state)
        try Fx.apply(&state, payload: Cx.section { $0.approvals = [Cx.approve(other, chain: chain)] })
        try Fx.apply(&state, payload: Cx.section { $0.ratings = [Cx.rate(other, by: Cx.worker, 2, chain: chain)] })
        let encoded = state.contracts.cacheEncoding()
        let decoded = try ContractsState(cacheEncoding: try CBOR.decode(encoded.encoded()))
        #expect(decoded == state.contracts)
        #expect(throws: (any Error).self) { try ContractsState(cacheEncoding: .array([])) }
    }
}
