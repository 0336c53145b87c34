import PoTCore

/// The rules of a dispute's arbitration objects, written once for the state transition, the CLI,
/// the gossip node and the explorer. Signatures of the objects themselves are checked by each
/// caller; the votes inside a decision's certificate are checked here.
public enum ArbitrationAdmission {
    /// ARBITER-KEY: a member announces its encryption key once.
    public static func announce(_ key: ArbiterKey, in c: ContractsContext) -> BlockRejection? {
        guard c.isMember(key.member) else {
            return BlockRejection(.arbiterKeyNotMember, "\(c.named(key.member)) is not a member and cannot announce an arbiter key")
        }
        guard c.state.arbiterKeys[key.member] == nil else {
            return BlockRejection(.arbiterKeyDuplicate, "\(c.named(key.member)) already announced its arbiter key", standing: .stale)
        }
        return nil
    }

    /// VERDICT-SEAL: a member of the committee seals once, within the seal window, with one
    /// encrypted share for each other member.
    public static func seal(_ seal: VerdictSeal, in c: ContractsContext) -> BlockRejection? {
        let dispute: Dispute
        switch drawn(seal.dispute, in: c) {
        case .failure(let refusal): return refusal
        case .success(let found): dispute = found
        }
        if let refusal = onCommittee(seal.arbiter, dispute, in: c) { return refusal }
        guard dispute.seals[seal.arbiter] == nil else {
            return BlockRejection(.verdictDuplicate, "\(c.named(seal.arbiter)) already sealed its verdict on dispute \(dispute.id.short)", standing: .stale)
        }
        let timeline = DisputeTimeline(dispute, params: c.params)
        guard c.blockHeight <= timeline.sealEnd! else {
            return BlockRejection(.verdictClosed, "verdicts on dispute \(dispute.id.short) could be sealed until height \(timeline.sealEnd!)", standing: .stale)
        }
        guard seal.shares.count == dispute.committee.count - 1 else {
            return BlockRejection(.sealMalformed, "a seal on dispute \(dispute.id.short) carries one share for each of the other \(dispute.committee.count - 1) members, not \(seal.shares.count)")
        }
        return nil
    }

    /// VERDICT-REVEAL: an arbiter that sealed opens its verdict once the reveals are open (every
    /// member sealed or the seal window is over), by the end of the reveal window; it must match
    /// the commitment.
    public static func reveal(_ reveal: VerdictReveal, in c: ContractsContext) -> BlockRejection? {
        let dispute: Dispute
        switch drawn(reveal.dispute, in: c) {
        case .failure(let refusal): return refusal
        case .success(let found): dispute = found
        }
        if let refusal = onCommittee(reveal.arbiter, dispute, in: c) { return refusal }
        guard let seal = dispute.seals[reveal.arbiter] else {
            return BlockRejection(.verdictUnsealed, "\(c.named(reveal.arbiter)) sealed no verdict on dispute \(dispute.id.short): there is nothing to reveal")
        }
        guard dispute.verdicts[reveal.arbiter] == nil else {
            return BlockRejection(.verdictDuplicate, "the verdict of \(c.named(reveal.arbiter)) on dispute \(dispute.id.short) is already known", standing: .stale)
        }
        let timeline = DisputeTimeline(dispute, params: c.params)
        guard c.blockHeight <= timeline.revealEnd! else {
            return BlockRejection(.verdictClosed, "verdicts on dispute \(dispute.id.short) could be revealed until height \(timeline.revealEnd!)", standing: .stale)
        }
        guard timeline.revealsOpen(dispute, at: c.blockHeight) else {
            return BlockRejection(.verdictEarly, "verdicts on dispute \(dispute.id.short) are revealed after height \(timeline.sealEnd!) or once every member has sealed (\(dispute.seals.count) of \(dispute.committee.count) have)", standing: .early)
        }
        let commitment = SealedVerdict.commitment(dispute: dispute.id, arbiter: reveal.arbiter, verdict: reveal.verdict, salt: reveal.salt, chain: c.chain)
        guard commitment == seal.commitment else {
            return BlockRejection(.verdictMismatch, "the reveal of \(c.named(reveal.arbiter)) on dispute \(dispute.id.short) does not match its sealed commitment")
        }
        return nil
    }

    /// SHARE-RELEASE: once the reveal window is over, a member releases, once, the key of the
    /// share an arbiter that did not reveal sealed to it; the key must open that share.
    public static func release(_ release: ShareRelease, in c: ContractsContext) -> BlockRejection? {
        let dispute: Dispute
        switch drawn(release.dispute, in: c) {
        case .failure(let refusal): return refusal
        case .success(let found): dispute = found
        }
        if let refusal = onCommittee(release.member, dispute, in: c) { return refusal }
        guard release.sealer != release.member, let sealerPosition = dispute.position(of: release.sealer),
              let seal = dispute.seals[release.sealer] else {
            return BlockRejection(.shareNotNeeded, "\(c.named(release.sealer)) sealed no share to \(c.named(release.member)) on dispute \(dispute.id.short)")
        }
        guard dispute.verdicts[release.sealer] == nil else {
            return BlockRejection(.shareNotNeeded, "the verdict of \(c.named(release.sealer)) on dispute \(dispute.id.short) is already known; its shares stay sealed", standing: .stale)
        }
        let timeline = DisputeTimeline(dispute, params: c.params)
        guard c.blockHeight > timeline.revealEnd! else {
            return BlockRejection(.shareEarly, "shares on dispute \(dispute.id.short) are released after height \(timeline.revealEnd!), when \(c.named(release.sealer)) has had its chance to reveal", standing: .early)
        }
        guard c.blockHeight <= timeline.recoveryEnd! else {
            return BlockRejection(.shareClosed, "shares on dispute \(dispute.id.short) could be released until height \(timeline.recoveryEnd!)", standing: .stale)
        }
        let position = dispute.position(of: release.member)!
        guard dispute.released[release.sealer]?[position] == nil else {
            return BlockRejection(.shareDuplicate, "\(c.named(release.member)) already released its share of \(c.named(release.sealer))'s verdict", standing: .stale)
        }
        guard SealedVerdict.openShare(seal, position: position, member: release.member, arbiterPosition: sealerPosition, key: release.shareKey) != nil else {
            return BlockRejection(.shareKey, "the key \(c.named(release.member)) released does not open the share \(c.named(release.sealer)) sealed to it")
        }
        return nil
    }

    /// DECISION-CERTIFICATE and DECISION-TALLY: once the tally is known, the leader of a term posts
    /// the decision with the signed votes of a majority of the committee for it in that term,
    /// and the decision is the chain's own tally.
    public static func decide(_ decision: ArbitrationDecision, in c: ContractsContext) -> BlockRejection? {
        let dispute: Dispute
        switch drawn(decision.dispute, in: c) {
        case .failure(let refusal): return refusal
        case .success(let found): dispute = found
        }
        guard dispute.decision == nil else {
            return BlockRejection(.decisionDuplicate, "dispute \(dispute.id.short) is already decided", standing: .stale)
        }
        guard dispute.talliedAt != nil else {
            return BlockRejection(.decisionEarly, "dispute \(dispute.id.short) is still \(DisputePhase(dispute, at: c.blockHeight, params: c.params).rawValue); its tally is not known", standing: .notYet)
        }
        if let refusal = certificate(decision, dispute, in: c) { return refusal }
        let tally = VerdictTally.tally(of: dispute, params: c.params)
        guard decision.verdict == tally else {
            return BlockRejection(.decisionTally, "the decision on dispute \(dispute.id.short) says \(decision.verdict), but the verdicts on chain make \(tally)")
        }
        return nil
    }

    static func certificate(_ decision: ArbitrationDecision, _ dispute: Dispute, in c: ContractsContext) -> BlockRejection? {
        guard dispute.position(of: decision.leader) != nil else {
            return BlockRejection(.decisionCertificate, "\(c.named(decision.leader)) is not on the committee of dispute \(dispute.id.short) and cannot lead it")
        }
        guard decision.term >= 1 else { return BlockRejection(.decisionCertificate, "a leader's term is at least 1") }
        for signed in decision.certificate {
            let vote = signed.body
            guard vote.dispute == dispute.id, vote.term == decision.term, vote.candidate == decision.leader else {
                return BlockRejection(.decisionCertificate, "the certificate holds a vote of \(c.named(vote.voter)) for another dispute, term or candidate")
            }
            guard dispute.position(of: vote.voter) != nil else {
                return BlockRejection(.decisionCertificate, "the certificate holds a vote of \(c.named(vote.voter)), who is not on the committee")
            }
            guard signed.hasValidSignature(chain: c.chain) else {
                return BlockRejection(.decisionCertificate, "the vote of \(c.named(vote.voter)) in the certificate has an invalid signature")
            }
        }
        let majority = dispute.committee.count / 2 + 1
        guard decision.certificate.count >= majority else {
            return BlockRejection(.decisionCertificate, "the certificate holds \(decision.certificate.count) vote(s) for \(c.named(decision.leader)) in term \(decision.term); a majority of the committee is \(majority)")
        }
        return nil
    }

    static func drawn(_ id: Hash256, in c: ContractsContext) -> Result<Dispute, BlockRejection> {
        guard let dispute = c.state.disputes[id] else {
            return .failure(BlockRejection(.arbitrationUnknown, "dispute \(id.short) is not in the chain yet", standing: .notYet))
        }
        if dispute.decision != nil, dispute.committee.isEmpty {
            return .failure(BlockRejection(.arbitrationUnknown, "dispute \(id.short) was settled without a committee", standing: .stale))
        }
        guard dispute.drawnAt != nil else {
            return .failure(BlockRejection(.arbitrationUnknown, "the committee of dispute \(id.short) is drawn at height \(DisputeTimeline(dispute, params: c.params).drawAt)", standing: .notYet))
        }
        return .success(dispute)
    }

    static func onCommittee(_ key: PublicKey, _ dispute: Dispute, in c: ContractsContext) -> BlockRejection? {
        guard dispute.position(of: key) == nil else { return nil }
        return BlockRejection(.verdictNotArbiter, "\(c.named(key)) is not on the committee of dispute \(dispute.id.short)")
    }
}
