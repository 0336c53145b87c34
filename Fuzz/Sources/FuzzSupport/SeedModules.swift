import PoTCore

extension SeedChain {
    /// Every signed object of the membership and contracts modules the seed chain has: those of
    /// its payload sections, then the leader votes and the committee's relayed messages.
    public var moduleObjects: [any SignedObject] {
        membership.section.signedObjects + contracts.section.signedObjects + contracts.leaderVotes.map { $0 as any SignedObject }
            + committee.messages.map { $0 as any SignedObject }
    }
}
