import PoTAgents
import PoTContracts
import PoTCore
import PoTMarkets
import PoTMembership

/// The modules of this program's chains, in payload-key order: the one list a new module is
/// added to.
extension ChainModules {
    public static let standard: ChainModules = {
        do { return try ChainModules([MarketsModule.self, MembershipModule.self, ContractsModule.self, AgentsModule.self]) } catch { preconditionFailure("the module list is inconsistent: \(error)") }
    }()
}

extension ChainState {
    /// The state of a chain that holds only its genesis, with the standard modules.
    public init(genesis params: ChainParams) { self.init(genesis: params, modules: .standard) }
}

extension Payload {
    /// Decodes a payload with the standard modules' sections.
    public init(cbor: CBOR) throws { try self.init(cbor: cbor, modules: .standard) }

    /// Decodes a payload with the standard modules' sections, refusing more than the size limit.
    public init(bytes: [UInt8]) throws { try self.init(bytes: bytes, modules: .standard) }
}
