import PoTCore

/// Chooses the membership section of a new block: every opening, join and reveal that applies,
/// each kind in id order, within the section's limits.
enum MembershipSelection {
    static func select(_ pending: MembershipSection, in block: inout ModuleBlock<MembershipModule>) -> MembershipSection {
        let chain = block.chain
        var section = MembershipSection()
        for open in pending.opens.sorted(by: { $0.id(chain: chain) < $1.id(chain: chain) })
        where section.opens.count < MembershipLimits.maxOpensPerBlock {
            if block.attempt({ try MembershipTransition.open(open, in: &$0) }) { section.opens.append(open) }
        }
        for join in pending.joins.sorted(by: { $0.id(chain: chain) < $1.id(chain: chain) })
        where section.joins.count < MembershipLimits.maxJoinsPerBlock {
            if block.attempt({ try MembershipTransition.join(join, in: &$0) }) { section.joins.append(join) }
        }
        for reveal in pending.reveals.sorted(by: { $0.id(chain: chain) < $1.id(chain: chain) })
        where section.reveals.count < MembershipLimits.maxRevealsPerBlock {
            if block.attempt({ try MembershipTransition.reveal(reveal, in: &$0) }) { section.reveals.append(reveal) }
        }
        return section
    }
}
