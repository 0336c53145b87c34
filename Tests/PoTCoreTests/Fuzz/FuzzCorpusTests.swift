import Foundation
import PoTAgents
import PoTContracts
import PoTCore
import PoTMarkets
import PoTMembership
import PoTModules
import PoTTestSupport
import Testing

/// The committed seed corpus of the core fuzz targets (Fuzz/corpus/<target>/), decoded by the
/// product's decoders: every seed is a real object, so each must be accepted and re-encode to
/// exactly its bytes.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    /// A decoder that re-encodes what it accepts, per corpus folder.
    typealias Recode = @Sendable ([UInt8]) throws -> [UInt8]

    /// A signed object, or its bare body (the corpus holds both).
    static func signedOrBody<Body: SignableBody>(_ type: Body.Type) -> Recode {
        { bytes in
            if let signed = try? Signed<Body>(bytes: bytes) { return signed.encoded() }
            return try Body(cbor: try CBOR.decode(bytes)).cbor().encoded()
        }
    }

    static let targets: [String: Recode] = [
        "cbor": { try CBOR.decode($0).encoded() },
        "chain-params": { try ChainParams(bytes: $0).cbor().encoded() },
        "transfer": signedOrBody(TrustTransfer.self),
        "vote": signedOrBody(Vote.self),
        "header": signedOrBody(BlockHeader.self),
        "market-declaration": signedOrBody(MarketDeclaration.self),
        "market-bet": signedOrBody(MarketBet.self),
        "market-resolution": signedOrBody(MarketResolution.self),
        "name-claim": signedOrBody(NameClaim.self),
        "payload": { bytes in
            if let payload = try? Payload(bytes: bytes) { return payload.cbor().encoded() }
            let value = try CBOR.decode(bytes)
            if let section = try? MarketSection(cbor: value) { return section.cbor().encoded() }
            if let section = try? MembershipSection(cbor: value) { return section.cbor().encoded() }
            if let section = try? ContractsSection(cbor: value) { return section.cbor().encoded() }
            return try AgentsSection(cbor: value).cbor().encoded()
        },
        "module-object": { bytes in
            guard let first = bytes.first else { throw ObjectError("an empty module-object seed") }
            return [first] + (try moduleBodies[Int(first) % moduleBodies.count](Array(bytes.dropFirst())))
        },
        "agent-data": { bytes in
            guard let first = bytes.first else { throw ObjectError("an empty agent-data seed") }
            let blob = Array(bytes.dropFirst()), pick = Int(first) % (agentModels.count + 1)
            if pick == 0 { return [first] + (try Dataset(encoded: blob).encoded()) }
            return [first] + (try Checkpoint(encoded: blob, parameters: agentModels[pick - 1].parameterCount).encoded())
        },
    ]

    /// The kinds the module-object harness picks by its first byte, in its order.
    static let moduleBodies: [Recode] = [
        signedOrBody(GameOpen.self), signedOrBody(GameJoin.self), signedOrBody(GameReveal.self),
        signedOrBody(TaskPost.self), signedOrBody(TaskAcceptance.self), signedOrBody(TaskDelivery.self), signedOrBody(TaskApproval.self),
        signedOrBody(TaskRating.self), signedOrBody(TaskDispute.self), signedOrBody(ArbiterKey.self), signedOrBody(VerdictSeal.self),
        signedOrBody(VerdictReveal.self), signedOrBody(ShareRelease.self), signedOrBody(LeaderVote.self), signedOrBody(ArbitrationDecision.self),
        signedOrBody(CommitteeMessage.self),
        signedOrBody(AgentRegistration.self), signedOrBody(TrainingProof.self), signedOrBody(SegmentAttestation.self), signedOrBody(FraudProof.self),
        signedOrBody(AgentForecast.self), signedOrBody(EvaluationResult.self), signedOrBody(AgentUsage.self),
    ]

    /// The models whose checkpoints the agent-data harness reads, in its order: the first byte
    /// picks a dataset (0) or a checkpoint of model i (i + 1), modulo their count + 1.
    static let agentModels = [
        ModelSpec(kind: .softmax, features: 4, classes: 3, hidden: 0),
        ModelSpec(kind: .perceptron, features: 4, classes: 3, hidden: 6),
        ModelSpec(kind: .perceptron, features: 4, classes: 3, hidden: 1),
    ]

    static func seeds(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = TestEnvironment.packageRoot + "/Fuzz/corpus/" + target
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
        }
    }

    @Test("FUZZ-CANONICAL: every seed of the core fuzz corpus is accepted and re-encodes to exactly its bytes",
          arguments: targets.keys.sorted())
    func seedsAreCanonical(_ target: String) throws {
        let seeds = try Self.seeds(target)
        #expect(seeds.count >= 2)
        for seed in seeds {
            let again = try #require(try? Self.targets[target]!(seed.bytes), "\(target)/\(seed.name) is refused")
            #expect(again == seed.bytes, "\(target)/\(seed.name) re-encodes differently")
        }
    }
}
