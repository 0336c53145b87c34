import PoTCore

extension SeedChain {
    /// Every signed object of the membership, contracts and agents modules the seed chain has:
    /// those of the membership and contracts sections, the leader votes and the committee's
    /// relayed messages, then those of the agents section.
    public var moduleObjects: [any SignedObject] {
        membership.section.signedObjects + contracts.section.signedObjects + contracts.leaderVotes.map { $0 as any SignedObject }
            + committee.messages.map { $0 as any SignedObject } + agents.section.signedObjects
    }
}
