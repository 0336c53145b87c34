/// Decides whether a signed object's signature is valid for a chain. Replays pass a checker that
/// consults signatures verified in parallel beforehand; every answer must equal
/// `Signed.hasValidSignature(chain:)`.
public protocol SignatureChecker: Sendable {
    func isValid<Body: SignableBody>(_ signed: Signed<Body>, chain: Hash256) -> Bool
}

/// Verifies every signature when asked.
public struct DirectSignatures: SignatureChecker {
    public init() {}
    public func isValid<Body: SignableBody>(_ signed: Signed<Body>, chain: Hash256) -> Bool {
        signed.hasValidSignature(chain: chain)
    }
}

/// The equivocation penalty: the share of the voter's balance taken, in ppm.
public let equivocationPenaltyPpm: UInt64 = 100_000

/// The state transition: applies one block to the state of its parent, or says which rule it breaks.
/// Git-level facts (the tree and merged commits exist, the commit matches the header) are checked
/// by the store; everything else is here.
public enum StateTransition {
    public static func apply(
        _ signed: SignedHeader, payload: Payload, to state: ChainState,
        signatures: any SignatureChecker = DirectSignatures()
    ) throws -> (ChainState, BlockEffects) {
        var next = state
        let header = signed.header
        let chain = state.chainId
        try checkHeader(signed, payload: payload, against: state, signatures: signatures)
        let snapshot = state.memberTrust
        for transfer in payload.transfers {
            try applyTransfer(transfer, to: &next, chain: chain, signatures: signatures)
        }
        for vote in payload.votes {
            try includeVote(vote, blockHeight: header.height, into: &next, chain: chain, signatures: signatures)
        }
        var effects = BlockEffects()
        for evidence in payload.evidence {
            effects.penalties.append(
                try applyEvidence(evidence, blockHeight: header.height, to: &next, chain: chain, signatures: signatures))
        }
        let context = BlockContext(height: header.height, chain: chain, parent: state.tip, preBlockTrust: snapshot, signatures: signatures)
        for module in state.modules.all {
            try module.applyBlock(payload, &next, context, &effects)
        }
        let id = signed.id(chain: chain)
        next.open[header.height] = OpenHeight(block: id, trustSnapshot: snapshot)
        next.height = header.height
        next.tip = id
        next.tipTimestamp = header.timestamp
        if header.height > state.confirmations {
            let height = header.height - state.confirmations
            effects.finalized = Finalization.finalize(height, in: &next)
            for module in state.modules.all { module.heightFinal(height, &next, context, &effects) }
        }
        return (next, effects)
    }

    static func checkHeader(_ signed: SignedHeader, payload: Payload, against state: ChainState, signatures: any SignatureChecker) throws {
        let header = signed.header
        guard header.height == state.height + 1 else {
            throw BlockRejection(.height, "block height \(header.height) does not follow the tip at height \(state.height)")
        }
        guard header.parent == state.tip else {
            throw BlockRejection(.parent, "block parent \(header.parent.short) is not the tip \(state.tip.short)")
        }
        guard header.timestamp > state.tipTimestamp else {
            throw BlockRejection(.timestamp, "block timestamp \(header.timestamp) is not after its parent's (\(state.tipTimestamp))")
        }
        guard signatures.isValid(signed, chain: state.chainId) else {
            throw BlockRejection(.proposerSignature, "the proposer's signature on block \(signed.id(chain: state.chainId).short) is invalid")
        }
        guard payload.transfers.count <= ObjectLimits.maxTransfersPerBlock,
              payload.votes.count <= ObjectLimits.maxVotesPerBlock,
              payload.evidence.count <= ObjectLimits.maxEvidencePerBlock,
              payload.sections.storage.values.allSatisfy(\.withinLimits)
        else {
            throw BlockRejection(.payloadLimits, "the payload carries more transfers, votes, evidence or module objects than a block may")
        }
        if let unknown = payload.sections.storage.keys.first(where: { state.modules.module(payloadKey: $0) == nil }) {
            throw BlockRejection(.payloadLimits, "the payload carries a section under key \(unknown), which no module of this chain has")
        }
        guard payload.root(chain: state.chainId) == header.payloadRoot else {
            throw BlockRejection(.payloadRoot, "the payload does not match the header's payload root")
        }
    }

    static func applyTransfer(_ signed: SignedTransfer, to state: inout ChainState, chain: Hash256, signatures: any SignatureChecker) throws {
        let tx = signed.transfer
        guard signatures.isValid(signed, chain: chain) else {
            throw BlockRejection(.transferSignature, "transfer \(signed.id(chain: chain).short) has an invalid signature")
        }
        guard tx.amount > 0 else { throw BlockRejection(.transferAmount, "a transfer moves at least 1 mT") }
        guard tx.from != tx.to else { throw BlockRejection(.transferToSelf, "a transfer to oneself is not allowed") }
        guard tx.memo.utf8.count <= ObjectLimits.maxMemoBytes else {
            throw BlockRejection(.transferMemo, "a transfer memo is at most \(ObjectLimits.maxMemoBytes) bytes")
        }
        var sender = state.accounts[tx.from] ?? Account(balance: 0, member: false)
        guard tx.nonce == sender.nonce + 1 else {
            throw BlockRejection(.transferNonce, "transfer nonce \(tx.nonce) from \(tx.from.short) is not \(sender.nonce + 1)")
        }
        guard sender.balance >= tx.amount else {
            throw BlockRejection(.transferBalance, "\(tx.from.short) has \(sender.balance) mT, cannot send \(tx.amount) mT")
        }
        sender.balance -= tx.amount
        sender.nonce = tx.nonce
        state.accounts[tx.from] = sender
        var receiver = state.accounts[tx.to] ?? Account(balance: 0, member: false)
        receiver.balance = receiver.balance.addingReportingOverflow(tx.amount).overflow ? UInt64.max : receiver.balance + tx.amount
        state.accounts[tx.to] = receiver
    }

    static func includeVote(_ signed: SignedVote, blockHeight: UInt64, into state: inout ChainState, chain: Hash256, signatures: any SignatureChecker) throws {
        let vote = signed.vote
        guard signatures.isValid(signed, chain: chain) else {
            throw BlockRejection(.voteSignature, "vote \(signed.id(chain: chain).short) has an invalid signature")
        }
        guard state.isMember(vote.voter) else {
            throw BlockRejection(.voteNonMember, "\(vote.voter.short) is not a member and cannot vote")
        }
        guard let window = state.votableHeights(forBlockAt: blockHeight), window.contains(vote.height),
              state.open[vote.height] != nil
        else {
            throw BlockRejection(.voteHeight, "a block at height \(blockHeight) cannot include a vote for height \(vote.height)")
        }
        guard state.open[vote.height]!.votes[vote.voter] == nil else {
            throw BlockRejection(.voteDuplicate, "\(vote.voter.short) already has a vote included for height \(vote.height)")
        }
        state.open[vote.height]!.votes[vote.voter] = vote
    }

    static func applyEvidence(_ evidence: EquivocationEvidence, blockHeight: UInt64, to state: inout ChainState,
                              chain: Hash256, signatures: any SignatureChecker) throws -> EquivocationPenalty {
        let a = evidence.first, b = evidence.second
        guard a.vote.voter == b.vote.voter, a.vote.height == b.vote.height, a.vote != b.vote else {
            throw BlockRejection(.evidenceMismatch, "equivocation evidence must be two different votes by one voter for one height")
        }
        guard signatures.isValid(a, chain: chain), signatures.isValid(b, chain: chain) else {
            throw BlockRejection(.evidenceSignature, "equivocation evidence carries an invalid signature")
        }
        let voter = a.vote.voter, height = a.vote.height
        guard state.isMember(voter) else {
            throw BlockRejection(.evidenceNonMember, "equivocation evidence names \(voter.short), who is not a member")
        }
        guard let window = state.votableHeights(forBlockAt: blockHeight), window.contains(height), state.open[height] != nil else {
            throw BlockRejection(.evidenceHeight, "a block at height \(blockHeight) cannot carry evidence for height \(height)")
        }
        guard !state.open[height]!.penalized.contains(voter) else {
            throw BlockRejection(.evidenceDuplicate, "\(voter.short) was already penalized for height \(height)")
        }
        state.open[height]!.penalized.insert(voter)
        var account = state.accounts[voter]!
        let amount = UInt64(UInt128(account.balance) * UInt128(equivocationPenaltyPpm) / UInt128(TrustScoring.ppmOne))
        account.balance -= amount
        state.accounts[voter] = account
        return EquivocationPenalty(voter: voter, height: height, amount: amount)
    }
}
