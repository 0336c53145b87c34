/// The trust-weighted tally of the votes known for one height.
public struct HeightTally: Equatable, Sendable {
    public var height: UInt64
    /// Candidates in ascending id order.
    public var candidates: [Hash256]
    /// W(B) = Σ t_v · q_v(B) in mT·ppm, where a vote that does not list B gives it its none slot.
    public var weights: [Hash256: UInt128]
    /// Σ t_v over the counted voters, in mT.
    public var totalTrust: UInt128
    public var countedVoters: [PublicKey]
    /// Voters with two different votes for this height: none of their votes count.
    public var equivocators: [PublicKey]
    /// Heaviest candidate; ties go to the smallest id. Nil when there is no candidate.
    public var winner: Hash256?
}

/// Local fork choice: at each height, the heaviest candidate wins.
public enum ForkChoice {
    /// Tallies `votes` for `candidates` at `height`, weighting each voter by `trust` (members'
    /// balances in the state before that height). Votes for other heights, votes of non-members
    /// and votes of equivocators are not counted.
    public static func tally(height: UInt64, candidates: [Hash256], votes: [Vote], trust: [PublicKey: UInt64]) -> HeightTally {
        var byVoter: [PublicKey: Vote] = [:]
        var equivocators: Set<PublicKey> = []
        for vote in votes where vote.height == height && trust[vote.voter] != nil {
            if let seen = byVoter[vote.voter], seen != vote { equivocators.insert(vote.voter) }
            byVoter[vote.voter] = vote
        }
        let counted = byVoter.keys.filter { !equivocators.contains($0) }.sorted()
        let sorted = Array(Set(candidates)).sorted()
        var weights: [Hash256: UInt128] = [:]
        var total: UInt128 = 0
        for candidate in sorted { weights[candidate] = 0 }
        for voter in counted {
            let t = UInt128(trust[voter]!)
            total += t
            let vote = byVoter[voter]!
            for candidate in sorted { weights[candidate]! += t * UInt128(vote.ppm(for: candidate)) }
        }
        return HeightTally(
            height: height, candidates: sorted, weights: weights, totalTrust: total,
            countedVoters: counted, equivocators: equivocators.sorted(),
            winner: heaviest(sorted, weights: weights))
    }

    /// The heaviest candidate, ties to the lexicographically smallest id.
    public static func heaviest(_ candidates: [Hash256], weights: [Hash256: UInt128]) -> Hash256? {
        var best: Hash256?
        for candidate in candidates.sorted() {
            guard let current = best else { best = candidate; continue }
            if weights[candidate, default: 0] > weights[current, default: 0] { best = candidate }
        }
        return best
    }

    /// The information content I_h = ln n − H(p_m) of the votes for a height, in nats × 10^18,
    /// over the outcomes the votes name (each listed candidate, plus none).
    public static func information(votes: [Vote], trust: [PublicKey: UInt64]) -> Int128 {
        var weights: [Hash256: UInt128] = [:]
        var none: UInt128 = 0
        for vote in votes {
            let t = UInt128(trust[vote.voter] ?? 0)
            for (i, candidate) in vote.candidates.enumerated() {
                weights[candidate, default: 0] += t * UInt128(vote.probsPpm[i])
            }
            none += t * UInt128(vote.nonePpm)
        }
        let ordered = weights.keys.sorted().map { weights[$0]! } + [none]
        return TrustScoring.informationContent(weights: ordered)
    }
}
