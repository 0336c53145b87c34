import PoTCore

/// Anyone's evidence for the chain to measure an agent's accuracy itself: the final model's
/// weights and the holdout's rows, each with its path in the dataset's tree. No key decides the
/// outcome; the chain computes it. Encoded `{1: submitter, 2: agent, 3: weights, 4: rows}`,
/// each row `[index, bytes, path]`.
public struct EvaluationResult: SignableBody {
    public static let domain = DomainTag.agentEvaluation
    public static let objectName = "evaluation evidence"
    public static let maxSignedBytes = AgentLimits.maxFraudProofBytes
    public var signer: PublicKey { submitter }

    public var submitter: PublicKey
    public var agent: Hash256
    /// The final model's weights, big-endian 32-bit (`Checkpoint.modelHash` hashes them).
    public var weights: [UInt8]
    public var rows: [FraudProof.ProvenRow]

    public init(submitter: PublicKey, agent: Hash256, weights: [UInt8], rows: [FraudProof.ProvenRow]) {
        self.submitter = submitter; self.agent = agent; self.weights = weights; self.rows = rows
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(submitter.bytes), 2: .bytes(agent.bytes), 3: .bytes(weights), 4: AgentCBOR.rows(rows)])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "evaluation evidence", allowedKeys: [1, 2, 3, 4])
        submitter = try f.publicKey(1)
        agent = try f.hash(2)
        weights = try f.bytes(3, max: AgentLimits.maxFraudProofBytes)
        guard weights.count % 4 == 0 else { throw ObjectError("evaluation evidence: the weights are not 32-bit numbers") }
        rows = try AgentCBOR.rows(f, 4)
    }
}

public typealias SignedEvaluationResult = Signed<EvaluationResult>

extension Signed where Body == EvaluationResult {
    public var evaluation: EvaluationResult { body }
}
