import PoTCore

/// Chooses the contracts section of a new block: every pending object that applies, each kind
/// in id order and in the order a block applies them, within the section's limits.
enum ContractsSelection {
    typealias Block = ModuleBlock<ContractsModule>

    static func select(_ pending: ContractsSection, in block: inout Block) -> ContractsSection {
        var section = ContractsSection()
        pick(pending.posts, into: &section.posts, in: &block, ContractTransition.post)
        pick(pending.acceptances, into: &section.acceptances, in: &block, ContractTransition.accept)
        pick(pending.deliveries, into: &section.deliveries, in: &block, ContractTransition.deliver)
        pick(pending.approvals, into: &section.approvals, in: &block, ContractTransition.approve)
        pick(pending.ratings, into: &section.ratings, in: &block, ContractTransition.rate)
        pick(pending.disputes, into: &section.disputes, in: &block, ContractTransition.dispute)
        pick(pending.arbiterKeys, into: &section.arbiterKeys, in: &block, ArbitrationTransition.announce)
        pick(pending.seals, into: &section.seals, in: &block, ArbitrationTransition.seal)
        pick(pending.reveals, into: &section.reveals, in: &block, ArbitrationTransition.reveal)
        pick(pending.releases, into: &section.releases, in: &block, ArbitrationTransition.release)
        pick(pending.decisions, into: &section.decisions, in: &block, ArbitrationTransition.decide)
        return section
    }

    private static func pick<Body>(_ pending: [Signed<Body>], into chosen: inout [Signed<Body>], in block: inout Block,
                                   _ apply: (Signed<Body>, inout Block) throws -> Void) {
        let chain = block.chain
        for object in pending.sorted(by: { $0.id(chain: chain) < $1.id(chain: chain) }) where chosen.count < ContractsLimits.maxPerBlock {
            if block.attempt({ try apply(object, &$0) }) { chosen.append(object) }
        }
    }
}
