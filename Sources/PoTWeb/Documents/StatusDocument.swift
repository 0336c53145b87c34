import PoTCore

/// `/api/status`, the twin of the overview page.
public struct StatusDocument: Codable, Sendable, Equatable {
    public struct Tip: Codable, Sendable, Equatable {
        public let height: UInt64
        public let id: String
        public let commit: String
        public let timestamp: UInt64
    }

    public struct AccountRow: Codable, Sendable, Equatable {
        public let label: String?
        public let public_key: String
        public let balance_mt: UInt64
        public let nonce: UInt64
        public let member: Bool
        /// Share of all trust held, in ppm.
        public let share_ppm: UInt64
    }

    public struct Information: Codable, Sendable, Equatable {
        public let height: UInt64
        public let information_nats: String
        /// False while the height is open: the figure is that of the votes counted so far (0 without any).
        public let final: Bool
    }

    public struct BlockRow: Codable, Sendable, Equatable {
        public let height: UInt64
        public let id: String
        public let proposer: String
        public let proposer_label: String?
        public let timestamp: UInt64
        /// How many blocks are stored at this height.
        public let blocks_at_height: Int
        public let final: Bool
    }

    public struct Candidate: Codable, Sendable, Equatable {
        public let height: UInt64
        public let id: String
        public let proposer: String
        public let proposer_label: String?
    }

    public struct Pending: Codable, Sendable, Equatable {
        public let candidates: [Candidate]
        public let votes: [VoteItem]
        public let transfers: [TransferItem]
    }

    /// How many heights `information` and blocks `recent_blocks` cover at most.
    static let informationWindow = 200
    static let recentBlocks = 20

    public let chain_id: String
    public let k: UInt64
    public let alpha: UInt64
    public let genesis_timestamp: UInt64
    public let revision: Int
    public let tip: Tip
    public let finalized_height: UInt64
    public let accounts: [AccountRow]
    public let information: [Information]
    public let recent_blocks: [BlockRow]
    public let pending: Pending
    public let problems: [String]

    public init(_ s: ChainSnapshot) {
        let state = s.state
        chain_id = s.chainId.hex
        k = state.confirmations
        alpha = state.params.alpha
        genesis_timestamp = s.params.createdAt
        revision = s.revision
        tip = Tip(height: state.height, id: state.tip.hex, commit: s.mainCommit.hex, timestamp: state.tipTimestamp)
        finalized_height = state.finalizedHeight
        let total = state.accounts.values.reduce(UInt128(0)) { $0 + UInt128($1.balance) }
        accounts = state.accounts.sorted { ($0.value.balance, $1.key) > ($1.value.balance, $0.key) }.map { key, a in
            AccountRow(label: s.names[key], public_key: key.hex, balance_mt: a.balance, nonce: a.nonce, member: a.member,
                       share_ppm: total > 0 ? UInt64(UInt128(a.balance) * 1_000_000 / total) : 0)
        }
        // Every height of the window: an open height without a counted vote has learnt nothing yet (I_h = 0).
        information = s.heights.suffix(Self.informationWindow).map { h in
            Information(height: h.height, information_nats: Display.natsJSON(h.information ?? 0, signed: false), final: h.finalization != nil)
        }
        recent_blocks = s.heights.prefix(Int(state.height)).suffix(Self.recentBlocks).reversed().compactMap { h in
            guard let id = h.canonical, let block = s.blocks[id] else { return nil }
            return BlockRow(height: h.height, id: id.hex, proposer: block.header.proposer.hex, proposer_label: s.names[block.header.proposer],
                            timestamp: block.header.timestamp, blocks_at_height: h.blocks.count, final: h.height <= state.finalizedHeight)
        }
        pending = Pending(
            candidates: s.pendingCandidates.map { id in
                let b = s.blocks[id]!
                return Candidate(height: b.height, id: id.hex, proposer: b.header.proposer.hex, proposer_label: s.names[b.header.proposer])
            },
            votes: s.pendingVotes.map { VoteItem($0, names: s.names) },
            transfers: s.pendingTransfers.map { TransferItem($0, names: s.names) })
        problems = s.problems
    }

    static let schema = Schema.object([
        "chain_id": Schema.hex64, "k": Schema.integer, "alpha": Schema.integer, "genesis_timestamp": Schema.integer,
        "revision": Schema.integer,
        "tip": Schema.object(["height": Schema.integer, "id": Schema.hex64, "commit": Schema.oid, "timestamp": Schema.integer]),
        "finalized_height": Schema.integer,
        "accounts": Schema.array(Schema.object([
            "label": Schema.string, "public_key": Schema.hex64, "balance_mt": Schema.integer, "nonce": Schema.integer,
            "member": Schema.boolean, "share_ppm": Schema.ppm,
        ], optional: ["label"])),
        "information": Schema.array(Schema.object([
            "height": Schema.integer, "information_nats": Schema.nats, "final": Schema.boolean,
        ])),
        "recent_blocks": Schema.array(Schema.object([
            "height": Schema.integer, "id": Schema.hex64, "proposer": Schema.hex64, "proposer_label": Schema.string,
            "timestamp": Schema.integer, "blocks_at_height": Schema.integer, "final": Schema.boolean,
        ], optional: ["proposer_label"])),
        "pending": Schema.object([
            "candidates": Schema.array(Schema.object([
                "height": Schema.integer, "id": Schema.hex64, "proposer": Schema.hex64, "proposer_label": Schema.string,
            ], optional: ["proposer_label"])),
            "votes": Schema.array(Schema.ref("Vote")),
            "transfers": Schema.array(Schema.ref("Transfer")),
        ]),
        "problems": Schema.array(Schema.string),
    ], description: "The chain now: tip, finality, the trust distribution (largest first), I_h of the last 200 heights, the last 20 blocks of main, and what is pending.")
}
