import PoTCore

/// `/api/accounts/{account}`, the twin of an account's page.
public struct AccountDocument: Codable, Sendable, Equatable {
    public struct Point: Codable, Sendable, Equatable {
        public let height: UInt64
        public let balance_mt: UInt64
    }

    public struct Score: Codable, Sendable, Equatable {
        public let height: UInt64
        public let winner: String
        public let trust_mt: UInt64
        public let q_ppm: UInt64
        public let market_ppm: UInt64
        public let margin_nats: String
        public let delta_mt: Int64
        public let balance_after_mt: UInt64
    }

    public struct Penalty: Codable, Sendable, Equatable {
        public let height: UInt64
        public let block_height: UInt64
        public let amount_mt: UInt64
    }

    public struct Totals: Codable, Sendable, Equatable {
        public let votes: Int
        public let scores: Int
        public let transfers: Int
    }

    /// The fields of the document itself; the modules' sections take other keys.
    static let kernelKeys = ["public_key", "label", "exists", "balance_mt", "nonce", "member", "history", "votes", "scores",
                             "transfers", "penalties", "totals"]

    /// Lists hold the newest entries, at most this many; `totals` counts them all.
    package static let listLimit = 500

    public let public_key: String
    public let label: String?
    /// False when the state holds no account for this key (it has a label only).
    public let exists: Bool
    public let balance_mt: UInt64
    public let nonce: UInt64
    public let member: Bool
    /// The balance after each block on main that changed it; height 0 is genesis.
    public let history: [Point]
    public let votes: [VoteItem]
    public let scores: [Score]
    public let transfers: [TransferItem]
    public let penalties: [Penalty]
    public let totals: Totals

    init(_ view: AccountView, snapshot s: ChainSnapshot) {
        public_key = view.key.hex
        label = view.label
        exists = view.account != nil
        balance_mt = view.account?.balance ?? 0
        nonce = view.account?.nonce ?? 0
        member = view.account?.member ?? false
        history = view.history.map { Point(height: $0.height, balance_mt: $0.balance) }
        votes = view.votes.prefix(Self.listLimit).map { VoteItem($0, names: s.names) }
        scores = view.scores.prefix(Self.listLimit).map {
            Score(height: $0.height, winner: $0.winner.hex, trust_mt: $0.score.trust, q_ppm: $0.score.winnerPpm, market_ppm: $0.marketPpm,
                  margin_nats: Display.natsJSON($0.score.margin), delta_mt: $0.score.delta, balance_after_mt: $0.score.balanceAfter)
        }
        transfers = view.transfers.prefix(Self.listLimit).map { TransferItem($0, names: s.names) }
        penalties = view.penalties.map { Penalty(height: $0.penalty.height, block_height: $0.blockHeight, amount_mt: $0.penalty.amount) }
        totals = Totals(votes: view.votes.count, scores: view.scores.count, transfers: view.transfers.count)
    }

    static func schema(modules: ExplorerModules) -> JSONValue {
        var properties: [String: JSONValue] = [
            "public_key": Schema.hex64, "label": Schema.string, "exists": Schema.boolean, "balance_mt": Schema.integer,
            "nonce": Schema.integer, "member": Schema.boolean,
            "history": Schema.array(Schema.object(["height": Schema.integer, "balance_mt": Schema.integer])),
            "votes": Schema.array(Schema.ref("Vote")),
            "scores": Schema.array(Schema.object([
                "height": Schema.integer, "winner": Schema.hex64, "trust_mt": Schema.integer, "q_ppm": Schema.ppm,
                "market_ppm": Schema.ppm, "margin_nats": Schema.nats, "delta_mt": Schema.signedInteger, "balance_after_mt": Schema.integer,
            ])),
            "transfers": Schema.array(Schema.ref("Transfer")),
            "penalties": Schema.array(Schema.object(["height": Schema.integer, "block_height": Schema.integer, "amount_mt": Schema.integer])),
            "totals": Schema.object(["votes": Schema.integer, "scores": Schema.integer, "transfers": Schema.integer]),
        ]
        for section in modules.all.compactMap(\.accountSectionSchema) { properties[section.key] = section.schema }
        return Schema.object(properties, optional: ["label"],
                             description: "One account: balance and its history, votes, scores, transfers, penalties and what the modules record of it, such as market payments (lists newest first, at most 500 entries each).")
    }
}
