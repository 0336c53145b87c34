import FuzzSupport
import PoTAgents
import PoTContracts
import PoTCore
import PoTMembership

/// The bodies of the membership and contracts objects, of the contracts module's leader votes
/// and relayed committee messages, and of the agents objects. The first input byte picks one
/// (modulo their count); new kinds go at the end, so that the corpus keeps its meaning.
let bodies: [any SignableBody.Type] = [
    GameOpen.self, GameJoin.self, GameReveal.self,
    TaskPost.self, TaskAcceptance.self, TaskDelivery.self, TaskApproval.self, TaskRating.self, TaskDispute.self,
    ArbiterKey.self, VerdictSeal.self, VerdictReveal.self, ShareRelease.self, LeaderVote.self, ArbitrationDecision.self,
    CommitteeMessage.self,
    AgentRegistration.self, TrainingProof.self, SegmentAttestation.self, FraudProof.self, AgentForecast.self, EvaluationResult.self, AgentUsage.self,
]

extension SignableBody {
    /// Checks `input` as a signed object of this kind and as its body.
    static func check(_ input: [UInt8]) { expectCanonicalSigned(Self.self, input) }
}

/// Signed module objects and their bodies, of the kind the first byte picks: refused, or canonical.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Entry.bytes(data, size)
    guard let first = input.first else { return 0 }
    bodies[Int(first) % bodies.count].check(Array(input.dropFirst()))
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        var seeds: [(name: String, bytes: [UInt8])] = []
        var count = [Int](repeating: 0, count: bodies.count)
        for object in try SeedChain().moduleObjects {
            let body = object.anyBody
            guard let selector = bodies.firstIndex(where: { $0 == type(of: body) }) else {
                fatalError("no selector for a \(type(of: body).objectName)")
            }
            count[selector] += 1
            let name = "\(selector < 10 ? "0" : "")\(selector)-\(type(of: body).objectName.split(separator: " ").joined(separator: "-"))-\(count[selector])"
            seeds.append((name: name + "-signed", bytes: [UInt8(selector)] + object.encodedBytes))
            seeds.append((name: name + "-body", bytes: [UInt8(selector)] + body.cbor().encoded()))
        }
        if let missing = count.firstIndex(of: 0) { fatalError("no seed for a \(bodies[missing].objectName)") }
        return seeds
    }
    return 0
}
