import PoTCore

/// A member's forecast of an agent's accuracy on its holdout: a probability in ppm for each
/// bucket (`AccuracyBuckets`), scored by the log score when the chain measures it. Encoded
/// `{1: forecaster, 2: agent, 3: probabilities}`.
public struct AgentForecast: SignableBody {
    public static let domain = DomainTag.agentForecast
    public static let objectName = "accuracy forecast"
    public static let maxSignedBytes = AgentLimits.maxAttestationBytes
    public var signer: PublicKey { forecaster }

    public var forecaster: PublicKey
    public var agent: Hash256
    public var probsPpm: [UInt64]

    public init(forecaster: PublicKey, agent: Hash256, probsPpm: [UInt64]) {
        self.forecaster = forecaster; self.agent = agent; self.probsPpm = probsPpm
    }

    public func cbor() -> CBOR { .map([1: .bytes(forecaster.bytes), 2: .bytes(agent.bytes), 3: .array(probsPpm.map { .unsigned($0) })]) }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "accuracy forecast", allowedKeys: [1, 2, 3])
        forecaster = try f.publicKey(1)
        agent = try f.hash(2)
        probsPpm = try AgentCBOR.numbers(f, 3, max: AccuracyBuckets.count)
        guard probsPpm.count == AccuracyBuckets.count else { throw ObjectError("an accuracy forecast gives one probability to each of \(AccuracyBuckets.count) buckets") }
        if let problem = Figures.distributionProblem(probsPpm) { throw ObjectError("accuracy forecast: \(problem)") }
    }
}

public typealias SignedAgentForecast = Signed<AgentForecast>

extension Signed where Body == AgentForecast {
    public var forecast: AgentForecast { body }
}
