import PoTCore

/// Accountable service contracts (system 002, seed `002_*`, "A Proof-of-Trust consensus protocol
/// for enhancing accountability in crowdsourcing services"): tasks with escrowed rewards,
/// deliveries as git commits, ratings and a service trust computed from them; disputes go to a
/// committee drawn by service trust, which elects a leader with Raft and decides by verdicts
/// sealed with Shamir shares, so a silent arbiter's verdict is recovered by the others.
public enum ContractsModule: ChainModule {
    public typealias Section = ContractsSection
    public typealias State = ContractsState
    public typealias Report = ContractsReport

    public static let name = "contracts"
    public static let verbs = ["contract", "committee", "arbitrate", "shamir"]
    public static let summary = "service contracts with escrow, ratings, service trust and committees that arbitrate disputes (system 002)"
    public static let payloadKey: UInt64 = 6

    public static let postKind = ModuleObjectKind(TaskPost.self, shortName: "task", wireKind: 10, refRoot: "contract-posts") {
        $0.post.taskId(chain: $1).hex
    }
    public static let acceptKind = ModuleObjectKind(TaskAcceptance.self, shortName: "task-accept", wireKind: 11, refRoot: "contract-accepts") { s, _ in
        "\(s.acceptance.task.hex)/\(s.acceptance.worker.hex)"
    }
    public static let deliverKind = ModuleObjectKind(TaskDelivery.self, shortName: "delivery", wireKind: 12, refRoot: "contract-deliveries") { s, c in
        "\(s.delivery.task.hex)/\(s.id(chain: c).hex)"
    }
    public static let approveKind = ModuleObjectKind(TaskApproval.self, shortName: "approval", wireKind: 13, refRoot: "contract-approvals") { s, _ in
        s.approval.task.hex
    }
    public static let rateKind = ModuleObjectKind(TaskRating.self, shortName: "rating", wireKind: 14, refRoot: "contract-ratings") { s, _ in
        "\(s.rating.task.hex)/\(s.rating.rater.hex)"
    }
    public static let disputeKind = ModuleObjectKind(TaskDispute.self, shortName: "dispute", wireKind: 15, refRoot: "contract-disputes") { s, _ in
        "\(s.dispute.task.hex)/\(s.dispute.party.hex)"
    }
    public static let arbiterKeyKind = ModuleObjectKind(ArbiterKey.self, shortName: "arbiter-key", wireKind: 16, refRoot: "arbiter-keys") { s, _ in
        s.arbiterKey.member.hex
    }
    public static let sealKind = ModuleObjectKind(VerdictSeal.self, shortName: "seal", wireKind: 17, refRoot: "arbiter-seals") { s, _ in
        "\(s.seal.dispute.hex)/\(s.seal.arbiter.hex)"
    }
    public static let revealKind = ModuleObjectKind(VerdictReveal.self, shortName: "verdict", wireKind: 18, refRoot: "arbiter-reveals") { s, _ in
        "\(s.reveal.dispute.hex)/\(s.reveal.arbiter.hex)"
    }
    public static let releaseKind = ModuleObjectKind(ShareRelease.self, shortName: "share", wireKind: 19, refRoot: "arbiter-shares") { s, _ in
        "\(s.release.dispute.hex)/\(s.release.sealer.hex)/\(s.release.member.hex)"
    }
    public static let decisionKind = ModuleObjectKind(ArbitrationDecision.self, shortName: "decision", wireKind: 20, refRoot: "arbiter-decisions") { s, c in
        "\(s.decision.dispute.hex)/\(s.id(chain: c).hex)"
    }
    public static let kinds = [postKind, acceptKind, deliverKind, approveKind, rateKind, disputeKind, arbiterKeyKind, sealKind, revealKind,
                               releaseKind, decisionKind]

    public static let rules: [BlockRejection.Rule] = [
        .contractsSignature, .contractNotMember, .contractDuplicate, .contractReward, .contractDeadline, .contractUnknown,
        .acceptSelf, .acceptClosed, .deliveryNotWorker, .deliveryClosed, .approvalNotRequester, .approvalClosed,
        .ratingNotParty, .ratingClosed, .ratingDuplicate, .disputeNotParty, .disputeClosed,
        .arbiterKeyNotMember, .arbiterKeyDuplicate, .arbitrationUnknown, .verdictNotArbiter, .verdictDuplicate, .verdictClosed,
        .sealMalformed, .verdictUnsealed, .verdictEarly, .verdictMismatch, .shareNotNeeded, .shareEarly, .shareClosed, .shareDuplicate,
        .shareKey, .decisionDuplicate, .decisionEarly, .decisionCertificate, .decisionTally,
    ]

    // Every default is this project's choice (docs/spec.md §11b says why): the seed publishes none.
    public static let committeeSize = ModuleParameter(
        "contracts.committee_size", default: 5, range: 3...UInt64(ContractsLimits.maxCommittee), summary: "members drawn for a dispute's committee")
    public static let shareThreshold = ModuleParameter(
        "contracts.share_threshold", default: 3, range: 2...UInt64(ContractsLimits.maxCommittee - 1),
        summary: "released shares that recover a withheld verdict (at most the committee size - 1)")
    public static let committeeDelay = ModuleParameter(
        "contracts.committee_delay", default: 2, range: 2...1_000, summary: "heights after a dispute at which its committee is drawn")
    public static let sealWindow = ModuleParameter(
        "contracts.seal_window", default: 20, range: 1...100_000, summary: "heights the committee has to seal verdicts after the draw")
    public static let revealWindow = ModuleParameter(
        "contracts.reveal_window", default: 20, range: 1...100_000, summary: "heights arbiters have to reveal after the seal window")
    public static let recoveryWindow = ModuleParameter(
        "contracts.recovery_window", default: 20, range: 1...100_000, summary: "heights members have to release shares of withheld verdicts")
    public static let decisionWindow = ModuleParameter(
        "contracts.decision_window", default: 20, range: 1...100_000, summary: "heights the leader has to post the decision before the chain settles")
    public static let reviewWindow = ModuleParameter(
        "contracts.review_window", default: 50, range: 1...1_000_000, summary: "heights a requester has to approve or dispute a delivery")
    public static let ratingWindow = ModuleParameter(
        "contracts.rating_window", default: 100, range: 1...1_000_000, summary: "heights both sides have to rate a closed contract")
    public static let maxSpan = ModuleParameter(
        "contracts.max_span", default: 100_000, range: 2...10_000_000, summary: "the most heights between a task's post and its delivery height")
    public static let eligibility = ModuleParameter(
        "contracts.eligibility_ppm", default: 600_000, range: 0...1_000_000, summary: "service trust a member needs to sit on a committee, ppm")
    public static let minArbiterContracts = ModuleParameter(
        "contracts.min_arbiter_contracts", default: 1, range: 0...1_000_000, summary: "completed contracts a member needs to sit on a committee")
    public static let agreementTolerance = ModuleParameter(
        "contracts.agreement_tolerance_ppm", default: 100_000, range: 0...1_000_000, summary: "how far from the decision a verdict may be and still agree, ppm")
    public static let fallbackShare = ModuleParameter(
        "contracts.fallback_share_ppm", default: 500_000, range: 0...1_000_000, summary: "the worker's share when no verdict is counted, ppm")
    public static let minorityEvidence = ModuleParameter(
        "contracts.minority_evidence", default: 1_000_000, range: 0...100_000_000, summary: "evidence against an arbiter whose verdict disagrees (10^6 = one contract)")
    public static let withholdEvidence = ModuleParameter(
        "contracts.withhold_evidence", default: 2_000_000, range: 0...100_000_000, summary: "evidence against an arbiter whose verdict had to be recovered")
    public static let absentEvidence = ModuleParameter(
        "contracts.absent_evidence", default: 3_000_000, range: 0...100_000_000, summary: "evidence against an arbiter that never sealed, or sealed what cannot be recovered")
    public static let trustDecayPeriod = ModuleParameter(
        "contracts.trust_decay_period", default: 1_000, range: 1...100_000_000, summary: "heights after which service evidence decays once")
    public static let trustDecayPPM = ModuleParameter(
        "contracts.trust_decay_ppm", default: 950_000, range: 0...1_000_000, summary: "share of service evidence kept at each decay, ppm")
    public static let parameters = [committeeSize, shareThreshold, committeeDelay, sealWindow, revealWindow, recoveryWindow, decisionWindow,
                                    reviewWindow, ratingWindow, maxSpan, eligibility, minArbiterContracts, agreementTolerance, fallbackShare,
                                    minorityEvidence, withholdEvidence, absentEvidence, trustDecayPeriod, trustDecayPPM]

    public static func initialState(_ params: ChainParams) -> ContractsState { ContractsState() }

    public static func apply(_ section: ContractsSection, in block: inout ModuleBlock<ContractsModule>) throws {
        for o in section.posts { try ContractTransition.post(o, in: &block) }
        for o in section.acceptances { try ContractTransition.accept(o, in: &block) }
        for o in section.deliveries { try ContractTransition.deliver(o, in: &block) }
        for o in section.approvals { try ContractTransition.approve(o, in: &block) }
        for o in section.ratings { try ContractTransition.rate(o, in: &block) }
        for o in section.disputes { try ContractTransition.dispute(o, in: &block) }
        for o in section.arbiterKeys { try ArbitrationTransition.announce(o, in: &block) }
        for o in section.seals { try ArbitrationTransition.seal(o, in: &block) }
        for o in section.reveals { try ArbitrationTransition.reveal(o, in: &block) }
        for o in section.releases { try ArbitrationTransition.release(o, in: &block) }
        for o in section.decisions { try ArbitrationTransition.decide(o, in: &block) }
    }

    public static func endBlock(in block: inout ModuleBlock<ContractsModule>) { ContractDeadlines.endBlock(in: &block) }

    public static func select(_ pending: ContractsSection, in block: inout ModuleBlock<ContractsModule>) -> ContractsSection {
        ContractsSelection.select(pending, in: &block)
    }

    public static func pendingSection(_ objects: [any SignedObject]) -> ContractsSection { ContractsSection(objects) }

    /// A requester or worker who is not a member, or an arbiter key of a non-member.
    public static let memberRules: [BlockRejection.Rule] = [.contractNotMember, .arbiterKeyNotMember]

    /// An acceptance of a task not on top of `state` is checked against the task's post when
    /// `stored` holds it, as if a block at the next height carried that post.
    public static func admit(_ object: any SignedObject, on state: ChainState, stored: (ModuleObjectKind, Hash256) -> (any SignedObject)?,
                             named: (PublicKey) -> String) -> BlockRejection? {
        withoutActuallyEscaping(named) { named in
            var c = ContractsContext(state, named: named)
            switch object {
            case let o as SignedTaskPost: return ContractAdmission.post(o.post, in: c)
            case let o as SignedTaskAcceptance:
                if c.state.contracts[o.acceptance.task] == nil, let post = stored(postKind, o.acceptance.task) as? SignedTaskPost,
                   post.post.taskId(chain: state.chainId) == o.acceptance.task {
                    c = c.posting(post)
                }
                return ContractAdmission.accept(o.acceptance, in: c)
            case let o as SignedTaskDelivery: return ContractAdmission.deliver(o.delivery, in: c)
            case let o as SignedTaskApproval: return ContractAdmission.approve(o.approval, in: c)
            case let o as SignedTaskRating: return ContractAdmission.rate(o.rating, in: c)
            case let o as SignedTaskDispute: return ContractAdmission.dispute(o.dispute, in: c)
            case let o as SignedArbiterKey: return ArbitrationAdmission.announce(o.arbiterKey, in: c)
            case let o as SignedVerdictSeal: return ArbitrationAdmission.seal(o.seal, in: c)
            case let o as SignedVerdictReveal: return ArbitrationAdmission.reveal(o.reveal, in: c)
            case let o as SignedShareRelease: return ArbitrationAdmission.release(o.release, in: c)
            case let o as SignedArbitrationDecision: return ArbitrationAdmission.decide(o.decision, in: c)
            default: return BlockRejection(.contractUnknown, "not an object of the contracts module")
            }
        }
    }

    /// An object that can never enter a block on top of the finalized state.
    public static func isSpent(_ object: any SignedObject, final: ChainState) -> Bool {
        admit(object, on: final, stored: { _, _ in nil }, named: { $0.short })?.standing == .stale
    }
}

extension DomainTag {
    public static let contractPost = DomainTag("pot/contracts/post/v1")
    public static let contractAccept = DomainTag("pot/contracts/accept/v1")
    public static let contractDeliver = DomainTag("pot/contracts/deliver/v1")
    public static let contractApprove = DomainTag("pot/contracts/approve/v1")
    public static let contractRate = DomainTag("pot/contracts/rate/v1")
    public static let contractDispute = DomainTag("pot/contracts/dispute/v1")
    public static let contractArbiterKey = DomainTag("pot/contracts/arbiter-key/v1")
    public static let contractSeal = DomainTag("pot/contracts/seal/v1")
    public static let contractReveal = DomainTag("pot/contracts/reveal/v1")
    public static let contractShare = DomainTag("pot/contracts/share/v1")
    public static let contractLeaderVote = DomainTag("pot/contracts/leader-vote/v1")
    public static let contractDecision = DomainTag("pot/contracts/decision/v1")
    /// Not an object's tag: the hash behind a commitment and behind a committee's seed.
    public static let contractVerdict = DomainTag("pot/contracts/verdict/v1")
    public static let contractCommittee = DomainTag("pot/contracts/committee/v1")
}

extension BlockRejection.Rule {
    public static let contractsSignature = Self("contractsSignature"), contractNotMember = Self("contractNotMember")
    public static let contractDuplicate = Self("contractDuplicate"), contractReward = Self("contractReward")
    public static let contractDeadline = Self("contractDeadline"), contractUnknown = Self("contractUnknown")
    public static let acceptSelf = Self("acceptSelf"), acceptClosed = Self("acceptClosed")
    public static let deliveryNotWorker = Self("deliveryNotWorker"), deliveryClosed = Self("deliveryClosed")
    public static let approvalNotRequester = Self("approvalNotRequester"), approvalClosed = Self("approvalClosed")
    public static let ratingNotParty = Self("ratingNotParty"), ratingClosed = Self("ratingClosed"), ratingDuplicate = Self("ratingDuplicate")
    public static let disputeNotParty = Self("disputeNotParty"), disputeClosed = Self("disputeClosed")
    public static let arbiterKeyNotMember = Self("arbiterKeyNotMember"), arbiterKeyDuplicate = Self("arbiterKeyDuplicate")
    public static let arbitrationUnknown = Self("arbitrationUnknown"), verdictNotArbiter = Self("verdictNotArbiter")
    public static let verdictDuplicate = Self("verdictDuplicate"), verdictClosed = Self("verdictClosed"), sealMalformed = Self("sealMalformed")
    public static let verdictUnsealed = Self("verdictUnsealed"), verdictEarly = Self("verdictEarly"), verdictMismatch = Self("verdictMismatch")
    public static let shareNotNeeded = Self("shareNotNeeded"), shareEarly = Self("shareEarly"), shareClosed = Self("shareClosed")
    public static let shareDuplicate = Self("shareDuplicate"), shareKey = Self("shareKey")
    public static let decisionDuplicate = Self("decisionDuplicate"), decisionEarly = Self("decisionEarly")
    public static let decisionCertificate = Self("decisionCertificate"), decisionTally = Self("decisionTally")
}

extension ChainState {
    /// The contracts module's state: contracts, disputes, arbiter keys, service records.
    public var contracts: ContractsState { state(of: ContractsModule.self) }
}

extension Payload {
    /// The contracts section (payload key 6).
    public var contracts: ContractsSection {
        get { sections[ContractsModule.self] }
        set { sections[ContractsModule.self] = newValue }
    }
}

extension BlockEffects {
    /// The contracts the block closed and the committees it drew.
    public var contracts: ContractsReport { modules[ContractsModule.self] }
}
