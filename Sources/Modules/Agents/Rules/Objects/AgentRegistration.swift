import PoTCore

/// A member registers an agent: its name, what it can do, the bond it locks, and the training
/// it will prove. The agent's id is the registration's id. Encoded
/// `{1: provider, 2: name, 3: capability tags, 4: bond (mT), 5: training claim}`.
public struct AgentRegistration: SignableBody {
    public static let domain = DomainTag.agentRegistration
    public static let objectName = "agent registration"
    public static let maxSignedBytes = AgentLimits.maxRegistrationBytes
    public var signer: PublicKey { provider }

    public var provider: PublicKey
    /// Unique on the chain: lower-case letters, digits and '-', 1 to 64 bytes.
    public var name: String
    /// Capabilities routing matches, in the same alphabet, 1 to 16 of up to 32 bytes, sorted and distinct.
    public var tags: [String]
    public var bond: UInt64
    public var claim: TrainingClaim

    public init(provider: PublicKey, name: String, tags: [String], bond: UInt64, claim: TrainingClaim) {
        self.provider = provider; self.name = name; self.tags = tags; self.bond = bond; self.claim = claim
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(provider.bytes), 2: .text(name), 3: .array(tags.map { .text($0) }), 4: .unsigned(bond), 5: claim.cbor()])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "agent registration", allowedKeys: [1, 2, 3, 4, 5])
        provider = try f.publicKey(1)
        name = try f.text(2, maxUTF8: AgentLimits.maxNameBytes)
        tags = try f.array(3, max: AgentLimits.maxTags).map {
            guard case .text(let tag) = $0 else { throw ObjectError("agent registration field 3 must hold text tags") }
            return tag
        }
        bond = try f.uint(4)
        claim = try TrainingClaim(cbor: try f.value(5))
        guard AgentNames.isName(name) else { throw ObjectError("an agent's name is 1 to \(AgentLimits.maxNameBytes) of a-z, 0-9 and '-'") }
        guard AgentNames.areTags(tags) else {
            throw ObjectError("an agent's tags are 1 to \(AgentLimits.maxTags) distinct names of a-z, 0-9 and '-', sorted, each at most \(AgentLimits.maxTagBytes) bytes")
        }
    }
}

public typealias SignedAgentRegistration = Signed<AgentRegistration>

extension Signed where Body == AgentRegistration {
    public var registration: AgentRegistration { body }
}

/// The alphabet of agent names and capability tags.
public enum AgentNames {
    public static func isName(_ text: String, max: Int = AgentLimits.maxNameBytes) -> Bool {
        let bytes = Array(text.utf8)
        return (1...max).contains(bytes.count) && bytes.first != UInt8(ascii: "-")
            && bytes.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == UInt8(ascii: "-") }
    }

    public static func areTags(_ tags: [String]) -> Bool {
        (1...AgentLimits.maxTags).contains(tags.count) && tags.allSatisfy { isName($0, max: AgentLimits.maxTagBytes) }
            && zip(tags, tags.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
