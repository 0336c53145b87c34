import GitKit
import PoTCore
import PoTStore

/// Where a stored block stands relative to `main`.
public enum BlockStatus: String, Sendable, Codable {
    /// On `main`.
    case canonical
    /// Not on `main`, at a height that is not final yet: fork choice may still pick it.
    case candidate
    /// Not on `main`, at a final height: it lost for good.
    case orphaned
}

/// A commit merged by a block, as git describes it.
public struct MergedCommit: Sendable {
    public let oid: GitOID
    public let summary: String
    public let author: String
    public let time: Int64
}

/// A stored block with what git says about the code it merges.
public struct BlockRecord: Sendable {
    public let stored: StoredBlock
    public let merged: [MergedCommit]
    public var id: Hash256 { stored.id }
    public var height: UInt64 { stored.height }
    public var header: BlockHeader { stored.header }
}

/// A vote this server knows, with where it stands.
public struct KnownVote: Sendable {
    public let vote: Vote
    public let id: Hash256
    /// The block on `main` that carries it, if any.
    public let includedIn: (height: UInt64, id: Hash256)?
    /// Whether it is stored under refs/pot/votes (not carried by `main` yet).
    public let pending: Bool
}

/// A transfer this server knows: carried by a block on `main`, or pending.
public struct KnownTransfer: Sendable {
    public let transfer: TrustTransfer
    public let id: Hash256
    public let includedIn: (height: UInt64, id: Hash256)?
}

/// Fork choice at one height: the candidates that extend `main` below it, and their weights.
public struct HeightTallyView: Sendable {
    public let tally: HeightTally
    /// Voter → trust used as weight.
    public let trust: [PublicKey: UInt64]
    /// Candidates on `main`'s parent at this height that the state transition refuses, with why.
    public let rejected: [(id: Hash256, reason: String)]
    /// True when the weights come from the votes the chain included and scored (final heights);
    /// false when they come from every vote known here (what `pot advance` tallies).
    public let fromIncludedVotes: Bool
}

/// One height: its blocks, fork choice, votes and, once final, the scores.
public struct HeightView: Sendable {
    public let height: UInt64
    public let canonical: Hash256?
    /// Every stored block at this height, in ascending id order.
    public let blocks: [Hash256]
    public let tally: HeightTallyView?
    public let votes: [KnownVote]
    public let finalization: FinalizedHeight?
    /// I_h in nats × 10^18: the scored votes' once final, the known votes' before.
    public let information: Int128?
}

/// A change of one account's balance, caused by the block at `height` on `main` (0: genesis).
public struct BalancePoint: Sendable {
    public let height: UInt64
    public let balance: UInt64
}

/// A score an account received when a height became final.
public struct AccountScore: Sendable {
    public let height: UInt64
    public let winner: Hash256
    public let score: VoterScore
    /// p_m(winner) in ppm.
    public let marketPpm: UInt64
}

/// An equivocation penalty as applied by the block at `blockHeight`.
public struct AccountPenalty: Sendable {
    public let penalty: EquivocationPenalty
    public let blockHeight: UInt64
}

/// Everything the explorer shows about one public key.
public struct AccountView: Sendable {
    public let key: PublicKey
    public let label: String?
    /// Nil when the chain's state holds no account for the key (a published label only).
    public let account: Account?
    public let history: [BalancePoint]
    public let votes: [KnownVote]
    public let scores: [AccountScore]
    public let transfers: [KnownTransfer]
    public let penalties: [AccountPenalty]
}

/// The immutable read model of the chain at one moment. Requests are served from it alone,
/// so no request touches git.
public final class ChainSnapshot: Sendable {
    /// Increases by one each time the model changes, for as long as the server runs.
    public let revision: Int
    public let chainId: Hash256
    public let params: ChainParams
    public let mainCommit: GitOID
    public let state: ChainState
    public let names: [PublicKey: String]
    public let labels: [String: PublicKey]
    /// Heights 1...highest stored height.
    public let heights: [HeightView]
    public let blocks: [Hash256: BlockRecord]
    public let blockStatus: [Hash256: BlockStatus]
    public let accounts: [PublicKey: AccountView]
    public let pendingVotes: [KnownVote]
    public let pendingTransfers: [KnownTransfer]
    /// Stored blocks not on `main` at heights that are not final.
    public let pendingCandidates: [Hash256]
    /// Objects that could not be read; shown, never hidden.
    public let problems: [String]
    /// Block ids in ascending hex order, for prefix look-ups.
    let sortedBlockIds: [String]
    let votesById: [Hash256: KnownVote]
    let transfersById: [Hash256: KnownTransfer]
    /// Each explorer module's part, by module name.
    private let parts: [String: any Sendable]
    let modules: ExplorerModules
    /// Encoded responses, made once per snapshot.
    let responses = ResponseCache()

    init(revision: Int, chainId: Hash256, params: ChainParams, mainCommit: GitOID, state: ChainState,
         names: [PublicKey: String], labels: [String: PublicKey], heights: [HeightView],
         blocks: [Hash256: BlockRecord], blockStatus: [Hash256: BlockStatus], accounts: [PublicKey: AccountView],
         pendingVotes: [KnownVote], pendingTransfers: [KnownTransfer], pendingCandidates: [Hash256],
         votesById: [Hash256: KnownVote], transfersById: [Hash256: KnownTransfer], modules: ExplorerModules,
         parts: [String: any Sendable], problems: [String]) {
        self.revision = revision
        self.chainId = chainId
        self.params = params
        self.mainCommit = mainCommit
        self.state = state
        self.names = names
        self.labels = labels
        self.heights = heights
        self.blocks = blocks
        self.blockStatus = blockStatus
        self.accounts = accounts
        self.pendingVotes = pendingVotes
        self.pendingTransfers = pendingTransfers
        self.pendingCandidates = pendingCandidates
        self.votesById = votesById
        self.transfersById = transfersById
        self.modules = modules
        self.parts = parts
        self.problems = problems
        self.sortedBlockIds = blocks.keys.map(\.hex).sorted()
    }

    public var tipHeight: UInt64 { state.height }

    /// The part of explorer module `M`, built with this snapshot.
    package func part<M: ExplorerModule>(of module: M.Type) -> M.Part {
        guard let part = parts[M.name] as? M.Part else {
            preconditionFailure("explorer module '\(M.name)' is not among this server's modules")
        }
        return part
    }
    public var finalizedHeight: UInt64 { state.finalizedHeight }

    public func height(_ h: UInt64) -> HeightView? {
        guard h >= 1, h <= UInt64(heights.count) else { return nil }
        return heights[Int(h - 1)]
    }

    /// Ids of the stored blocks whose hex id starts with `prefix` (lower case), at most `limit`.
    public func blocks(withPrefix prefix: String, limit: Int) -> [Hash256] {
        var low = 0, high = sortedBlockIds.count
        while low < high {
            let mid = (low + high) / 2
            if sortedBlockIds[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        var found: [Hash256] = []
        var i = low
        while i < sortedBlockIds.count, found.count < limit, sortedBlockIds[i].hasPrefix(prefix) {
            found.append(Hash256(hex: sortedBlockIds[i])!)
            i += 1
        }
        return found
    }
}
