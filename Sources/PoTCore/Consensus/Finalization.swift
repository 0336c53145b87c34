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
    /// What the block did in each module.
    public var modules = ModuleReports()
    /// Every balance change the modules made, in order.
    public var ledger: [LedgerEntry] = []

    public init() {}
}

enum Finalization {
    /// Scores the votes included for an open height against its block, and updates balances.
    static func finalize(_ height: UInt64, in state: inout ChainState) -> FinalizedHeight? {
        guard let open = state.open.removeValue(forKey: height) else { return nil }
        state.finalizedHeight = height
        let winner = open.block
        let voters = open.votes.keys.sorted()
        let forecasts = voters.map { voter in
            LogScoreSettlement.Forecast(key: voter, trust: open.trustSnapshot[voter] ?? 0,
                                        ppm: open.votes[voter]!.ppm(for: winner))
        }
        let settled = LogScoreSettlement.settle(forecasts, alpha: state.params.alpha, rule: state.params.scoring,
                                                  accounts: &state.accounts)
        let information = ForkChoice.information(votes: voters.map { open.votes[$0]! }, trust: open.trustSnapshot)
        return FinalizedHeight(height: height, winner: winner, totalTrust: settled.totalTrust, winnerWeight: settled.weight,
                               scores: settled.scores, information: information)
    }
}
