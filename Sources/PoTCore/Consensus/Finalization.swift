/// The scoring of one voter when a height became final.
public struct VoterScore: Equatable, Sendable {
    public var voter: PublicKey
    /// Trust in the state before the scored block (the weight of this vote).
    public var trust: UInt64
    /// Probability the vote gave to the winner (its none slot if it did not list the winner).
    public var winnerPpm: UInt64
    /// ln max(q,1e-9) − ln max(p_m,1e-9) in nats × 10^18.
    public var margin: Int128
    public var delta: Int64
    public var balanceAfter: UInt64
}

/// The report of a height that became final when the block K heights above it was applied.
public struct FinalizedHeight: Equatable, Sendable {
    public var height: UInt64
    public var winner: Hash256
    /// Σ t_v over the scored voters, in mT.
    public var totalTrust: UInt128
    /// Σ t_v · q_v(winner), in mT·ppm.
    public var winnerWeight: UInt128
    public var scores: [VoterScore]
    /// I_h of the scored votes, in nats × 10^18 (display only).
    public var information: Int128
}

/// A voter penalized by equivocation evidence.
public struct EquivocationPenalty: Equatable, Sendable {
    public var voter: PublicKey
    public var height: UInt64
    public var amount: UInt64
}

/// What applying one block changed besides the state itself.
public struct BlockEffects: Equatable, Sendable {
    public var finalized: FinalizedHeight?
    public var penalties: [EquivocationPenalty] = []
}

enum Finalization {
    /// Scores the votes included for an open height against its block, and updates balances.
    static func finalize(_ height: UInt64, in state: inout ChainState) -> FinalizedHeight? {
        guard let open = state.open.removeValue(forKey: height) else { return nil }
        state.finalizedHeight = height
        let winner = open.block
        let voters = open.votes.keys.sorted()
        var totalTrust: UInt128 = 0
        var winnerWeight: UInt128 = 0
        for voter in voters {
            let trust = UInt128(open.trustSnapshot[voter] ?? 0)
            totalTrust += trust
            winnerWeight += trust * UInt128(open.votes[voter]!.ppm(for: winner))
        }
        let information = ForkChoice.information(votes: voters.map { open.votes[$0]! }, trust: open.trustSnapshot)
        var report = FinalizedHeight(height: height, winner: winner, totalTrust: totalTrust, winnerWeight: winnerWeight,
                                     scores: [], information: information)
        guard totalTrust > 0 else { return report }
        let alpha = state.params.alpha
        for voter in voters {
            let q = open.votes[voter]!.ppm(for: winner)
            let margin = TrustScoring.margin(voterPpm: q, winnerWeight: winnerWeight, totalTrust: totalTrust)
            let delta = TrustScoring.delta(alpha: alpha, voterPpm: q, winnerWeight: winnerWeight, totalTrust: totalTrust)
            var account = state.accounts[voter] ?? Account(balance: 0, member: true)
            account.balance = TrustScoring.applyDelta(delta, to: account.balance)
            state.accounts[voter] = account
            report.scores.append(VoterScore(
                voter: voter, trust: open.trustSnapshot[voter] ?? 0, winnerPpm: q,
                margin: margin, delta: delta, balanceAfter: account.balance))
        }
        return report
    }
}
