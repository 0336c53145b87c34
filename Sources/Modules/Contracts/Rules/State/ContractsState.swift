import PoTCore

/// The contracts module's part of the chain state.
public struct ContractsState: ModuleState {
    /// Every task posted on this chain, open or closed.
    public internal(set) var contracts: [Hash256: Contract] = [:]
    /// Every dispute, by task.
    public internal(set) var disputes: [Hash256: Dispute] = [:]
    /// Contracts not closed yet, and closed ones still in their rating window.
    public internal(set) var live: Set<Hash256> = []
    /// Announced encryption keys, by member.
    public internal(set) var arbiterKeys: [PublicKey: [UInt8]] = [:]
    /// Service records, by member (absent: no record).
    public internal(set) var service: [PublicKey: ServiceRecord] = [:]

    public init() {}

    public func record(_ key: PublicKey) -> ServiceRecord { service[key] ?? ServiceRecord() }
}

/// What one block did in the module: the contracts it closed and the committees it drew.
public struct ContractsReport: ModuleReport {
    public internal(set) var closed: [(task: Hash256, closing: Contract.Closing)] = []
    public internal(set) var drawn: [(dispute: Hash256, committee: [PublicKey])] = []
    public internal(set) var recovered: [(dispute: Hash256, arbiter: PublicKey, state: Dispute.VerdictState)] = []
    public init() {}
    public var isEmpty: Bool { closed.isEmpty && drawn.isEmpty && recovered.isEmpty }

    public static func == (a: ContractsReport, b: ContractsReport) -> Bool {
        a.closed.map(\.task) == b.closed.map(\.task) && a.closed.map(\.closing) == b.closed.map(\.closing)
            && a.drawn.map(\.dispute) == b.drawn.map(\.dispute) && a.drawn.map(\.committee) == b.drawn.map(\.committee)
            && a.recovered.map(\.arbiter) == b.recovered.map(\.arbiter) && a.recovered.map(\.state) == b.recovered.map(\.state)
    }
}
