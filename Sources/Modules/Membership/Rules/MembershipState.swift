import PoTCore

/// The membership module's part of the chain state.
public struct MembershipState: ModuleState {
    /// Every game played on this chain, running or ended.
    public internal(set) var games: [Hash256: SponsorGame] = [:]
    /// Members whose privilege is not plain (staked, cooling down or suspended, now or before).
    public internal(set) var privileges: [PublicKey: SponsorPrivilege] = [:]
    /// Members admitted by a game, with how (the genesis members have no entry).
    public internal(set) var admissions: [PublicKey: MemberAdmission] = [:]
    /// Keys held back by running games (newcomers, reward keys), with the game.
    public internal(set) var reserved: [PublicKey: Hash256] = [:]
    /// The games not ended yet.
    public internal(set) var running: Set<Hash256> = []

    public init() {}

    public func privilege(_ key: PublicKey) -> SponsorPrivilege { privileges[key] ?? SponsorPrivilege() }

    mutating func updatePrivilege(_ key: PublicKey, _ change: (inout SponsorPrivilege) -> Void) {
        var privilege = self.privilege(key)
        change(&privilege)
        privileges[key] = privilege.isDefault ? nil : privilege
    }
}

/// What one block did in the module: the games it ended.
public struct MembershipReport: ModuleReport {
    public internal(set) var ended: [(game: Hash256, outcome: GameOutcome)] = []
    public init() {}
    public var isEmpty: Bool { ended.isEmpty }

    public static func == (a: MembershipReport, b: MembershipReport) -> Bool {
        a.ended.map(\.game) == b.ended.map(\.game) && a.ended.map(\.outcome) == b.ended.map(\.outcome)
    }
}
