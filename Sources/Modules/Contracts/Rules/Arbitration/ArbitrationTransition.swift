import PoTCore

/// The state transition of a dispute's arbitration objects: keys, seals, reveals, released
/// shares (a verdict is recovered, or found corrupt, as soon as enough are in) and the leader's
/// decision.
enum ArbitrationTransition {
    typealias Block = ModuleBlock<ContractsModule>

    static func announce(_ signed: SignedArbiterKey, in block: inout Block) throws {
        try block.requireSignature(signed, .contractsSignature)
        if let refusal = ArbitrationAdmission.announce(signed.arbiterKey, in: .init(block)) { throw refusal }
        block.state.arbiterKeys[signed.arbiterKey.member] = signed.arbiterKey.encryptionKey
    }

    static func seal(_ signed: SignedVerdictSeal, in block: inout Block) throws {
        try block.requireSignature(signed, .contractsSignature)
        if let refusal = ArbitrationAdmission.seal(signed.seal, in: .init(block)) { throw refusal }
        block.state.disputes[signed.seal.dispute]!.seals[signed.seal.arbiter] = signed.seal
    }

    static func reveal(_ signed: SignedVerdictReveal, in block: inout Block) throws {
        try block.requireSignature(signed, .contractsSignature)
        if let refusal = ArbitrationAdmission.reveal(signed.reveal, in: .init(block)) { throw refusal }
        block.state.disputes[signed.reveal.dispute]!.verdicts[signed.reveal.arbiter] = .revealed(signed.reveal.verdict)
    }

    /// VERDICT-RECOVERY: with the threshold's worth of released shares, the chain combines them
    /// and checks the result against the seal's commitment: a match counts the verdict as
    /// recovered; anything else marks the seal corrupt and counts nothing.
    static func release(_ signed: SignedShareRelease, in block: inout Block) throws {
        try block.requireSignature(signed, .contractsSignature)
        let release = signed.release
        if let refusal = ArbitrationAdmission.release(release, in: .init(block)) { throw refusal }
        var dispute = block.state.disputes[release.dispute]!
        let seal = dispute.seals[release.sealer]!
        let position = dispute.position(of: release.member)!
        let share = SealedVerdict.openShare(seal, position: position, member: release.member,
                                            arbiterPosition: dispute.position(of: release.sealer)!, key: release.shareKey)!
        dispute.released[release.sealer, default: [:]][position] = share
        let shares = dispute.released[release.sealer]!
        if shares.count >= dispute.threshold {
            let first = Dictionary(uniqueKeysWithValues: shares.keys.sorted().prefix(dispute.threshold).map { ($0, shares[$0]!) })
            let state: Dispute.VerdictState = SealedVerdict.recover(first, seal: seal, chain: block.chain).map { .recovered($0) } ?? .corrupt
            dispute.verdicts[release.sealer] = state
            block.report.recovered.append((dispute.id, release.sealer, state))
        }
        block.state.disputes[release.dispute] = dispute
    }

    static func decide(_ signed: SignedArbitrationDecision, in block: inout Block) throws {
        try block.requireSignature(signed, .contractsSignature)
        if let refusal = ArbitrationAdmission.decide(signed.decision, in: .init(block)) { throw refusal }
        let decision = signed.decision
        try DisputeSettlement.settle(decision.dispute, decision.verdict, leader: decision.leader, term: decision.term, in: &block)
    }
}
