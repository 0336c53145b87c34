/// Why a node could not be created from a configuration and restored state.
public enum RaftInitError: Error, Sendable, Hashable {
    /// `heartbeatTimeout` must be positive and below `electionTimeout`.
    case invalidTimeouts
    /// `maxEntriesPerAppend` must be positive.
    case invalidMaxEntriesPerAppend
    /// The voter list contains the same id twice.
    case duplicateVoter
    /// `id` is not among the voters.
    case notAVoter
    /// `HardState.votedFor` names a node that is not a voter.
    case unknownVote
    /// Restored entries must have indices 1, 2, 3, ...
    case nonContiguousLog
    /// `HardState.commit` is beyond the last restored entry.
    case commitBeyondLog
}

/// Why a proposal was refused.
public enum ProposalError<ID: RaftNodeID>: Error, Sendable, Hashable {
    /// Only the leader accepts proposals; `leader` is the one this node knows of, if any.
    case notLeader(leader: ID?)
}
