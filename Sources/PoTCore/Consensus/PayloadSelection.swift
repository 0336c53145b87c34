/// Chooses what a new block carries: the pending transfers, votes and module objects that are
/// valid on top of `state`, in a deterministic order, plus evidence against voters seen voting twice.
public enum PayloadSelection {
    public static func select(forBlockAt blockHeight: UInt64, on state: ChainState,
                              transfers: [SignedTransfer], votes: [SignedVote],
                              pending: ModuleSections = ModuleSections()) -> Payload {
        let snapshot = state.memberTrust
        var scratch = state
        let chain = state.chainId
        var payload = Payload()
        let orderedTransfers = transfers.sorted {
            ($0.transfer.from, $0.transfer.nonce) < ($1.transfer.from, $1.transfer.nonce)
        }
        for tx in orderedTransfers where payload.transfers.count < ObjectLimits.maxTransfersPerBlock {
            if (try? StateTransition.applyTransfer(tx, to: &scratch, chain: chain, signatures: DirectSignatures())) != nil {
                payload.transfers.append(tx)
            }
        }
        var groups: [VoteSlot: [SignedVote]] = [:]
        // Votes with a bad signature are dropped first, so that a forged copy (same body, or a
        // different body in the voter's name) cannot take the place of the voter's valid vote.
        for vote in votes where vote.hasValidSignature(chain: chain) {
            groups[VoteSlot(voter: vote.vote.voter, height: vote.vote.height), default: []].append(vote)
        }
        for slot in groups.keys.sorted() {
            var distinct: [Hash256: SignedVote] = [:]
            for vote in groups[slot]! { distinct[vote.id(chain: chain)] = vote }
            let ordered = distinct.keys.sorted().map { distinct[$0]! }
            if payload.votes.count < ObjectLimits.maxVotesPerBlock,
               (try? StateTransition.includeVote(ordered[0], blockHeight: blockHeight, into: &scratch, chain: chain, signatures: DirectSignatures())) != nil {
                payload.votes.append(ordered[0])
            }
            if ordered.count >= 2, payload.evidence.count < ObjectLimits.maxEvidencePerBlock {
                let evidence = EquivocationEvidence(ordered[0], ordered[1])
                if (try? StateTransition.applyEvidence(evidence, blockHeight: blockHeight, to: &scratch, chain: chain, signatures: DirectSignatures())) != nil {
                    payload.evidence.append(evidence)
                }
            }
        }
        let context = BlockContext(height: blockHeight, chain: chain, parent: state.tip, preBlockTrust: snapshot, signatures: DirectSignatures())
        for module in state.modules.all {
            module.select(pending, &scratch, context, &payload)
        }
        return payload
    }
}

struct VoteSlot: Hashable, Comparable {
    let voter: PublicKey
    let height: UInt64
    static func < (a: VoteSlot, b: VoteSlot) -> Bool { (a.height, a.voter) < (b.height, b.voter) }
}
