import PoTCore

/// A payment for using an agent: the fee is split between the provider, the members who
/// attested its proof and a burn, by `agents.provider_share_ppm` and
/// `agents.validator_share_ppm`. Encoded `{1: payer, 2: agent, 3: fee (mT), 4: nonce}`; the
/// chain remembers each payment's id, so the same one is never paid twice.
public struct AgentUsage: SignableBody {
    public static let domain = DomainTag.agentUsage
    public static let objectName = "agent usage payment"
    public static let maxSignedBytes = AgentLimits.maxAttestationBytes
    public var signer: PublicKey { payer }

    public var payer: PublicKey
    public var agent: Hash256
    public var fee: UInt64
    public var nonce: UInt64

    public init(payer: PublicKey, agent: Hash256, fee: UInt64, nonce: UInt64) {
        self.payer = payer; self.agent = agent; self.fee = fee; self.nonce = nonce
    }

    public func cbor() -> CBOR { .map([1: .bytes(payer.bytes), 2: .bytes(agent.bytes), 3: .unsigned(fee), 4: .unsigned(nonce)]) }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "agent usage payment", allowedKeys: [1, 2, 3, 4])
        payer = try f.publicKey(1)
        agent = try f.hash(2)
        fee = try f.uint(3)
        nonce = try f.uint(4)
        guard fee > 0 else { throw ObjectError("an agent usage payment pays more than 0 mT") }
    }
}

public typealias SignedAgentUsage = Signed<AgentUsage>

extension Signed where Body == AgentUsage {
    public var usage: AgentUsage { body }
}
