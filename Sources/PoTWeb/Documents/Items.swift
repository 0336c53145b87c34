import PoTCore

/// A vote as the API shows it.
public struct VoteItem: Codable, Sendable, Equatable {
    public let id: String
    public let voter: String
    public let voter_label: String?
    public let height: UInt64
    public let candidates: [String]
    public let probs_ppm: [UInt64]
    /// "included": carried by a block on main; "pending": stored, waiting for a block;
    /// "carried": known only from a block that is not on main.
    public let status: String
    public let included_in: String?
    public let included_at: UInt64?
    /// The voter's trust, the weight of this vote (in a tally only).
    public let trust_mt: UInt64?
    /// Whether fork choice counts it (in a tally only): equivocators' votes do not count.
    public let counted: Bool?

    init(_ known: KnownVote, names: [PublicKey: String], weight: (trust: UInt64?, counted: Bool)? = nil) {
        let v = known.vote
        id = known.id.hex
        voter = v.voter.hex
        voter_label = names[v.voter]
        height = v.height
        candidates = v.candidates.map(\.hex)
        probs_ppm = v.probsPpm
        status = known.includedIn != nil ? "included" : (known.pending ? "pending" : "carried")
        included_in = known.includedIn?.id.hex
        included_at = known.includedIn?.height
        trust_mt = weight?.trust
        counted = weight?.counted
    }

    static let schema = Schema.object([
        "id": Schema.hex64, "voter": Schema.hex64, "voter_label": Schema.string, "height": Schema.integer,
        "candidates": Schema.array(Schema.hex64), "probs_ppm": Schema.array(Schema.ppm),
        "status": Schema.enumeration(["included", "pending", "carried"]),
        "included_in": Schema.hex64, "included_at": Schema.integer, "trust_mt": Schema.integer, "counted": Schema.boolean,
    ], optional: ["voter_label", "included_in", "included_at", "trust_mt", "counted"],
       description: "A signed vote: one probability per candidate, then one for none, in ppm.")
}

/// A transfer as the API shows it.
public struct TransferItem: Codable, Sendable, Equatable {
    public let id: String
    public let from: String
    public let from_label: String?
    public let to: String
    public let to_label: String?
    public let amount_mt: UInt64
    public let nonce: UInt64
    public let memo: String
    /// "included" (carried by a block on main) or "pending".
    public let status: String
    public let included_in: String?
    public let included_at: UInt64?

    init(_ known: KnownTransfer, names: [PublicKey: String]) {
        let t = known.transfer
        id = known.id.hex
        from = t.from.hex
        from_label = names[t.from]
        to = t.to.hex
        to_label = names[t.to]
        amount_mt = t.amount
        nonce = t.nonce
        memo = t.memo
        status = known.includedIn == nil ? "pending" : "included"
        included_in = known.includedIn?.id.hex
        included_at = known.includedIn?.height
    }

    static let schema = Schema.object([
        "id": Schema.hex64, "from": Schema.hex64, "from_label": Schema.string, "to": Schema.hex64, "to_label": Schema.string,
        "amount_mt": Schema.integer, "nonce": Schema.integer, "memo": Schema.string,
        "status": Schema.enumeration(["included", "pending"]), "included_in": Schema.hex64, "included_at": Schema.integer,
    ], optional: ["from_label", "to_label", "included_in", "included_at"], description: "A signed trust transfer.")
}

/// Fork choice at one height.
public struct TallyDocument: Codable, Sendable, Equatable {
    public struct Candidate: Codable, Sendable, Equatable {
        public let id: String
        public let proposer: String
        public let proposer_label: String?
        /// W(B) = Σ t_v · q_v(B), in mT·ppm.
        public let weight_mt_ppm: String
        /// W(B) / Σ t_v: the market's probability of B, in ppm.
        public let market_ppm: UInt64
        public let canonical: Bool
    }

    public struct Rejected: Codable, Sendable, Equatable {
        public let id: String
        public let reason: String
    }

    public let height: UInt64
    /// True: the votes the chain included and scored (a final height). False: every vote known here.
    public let from_included_votes: Bool
    public let total_trust_mt: String
    public let winner: String?
    public let candidates: [Candidate]
    public let rejected: [Rejected]
    public let equivocators: [String]
    public let votes: [VoteItem]

    init(_ view: HeightTallyView, height: HeightView, snapshot: ChainSnapshot) {
        let t = view.tally
        self.height = t.height
        from_included_votes = view.fromIncludedVotes
        total_trust_mt = String(t.totalTrust)
        winner = t.winner?.hex
        candidates = t.candidates.sorted { (t.weights[$0]!, $1) > (t.weights[$1]!, $0) }.map { id in
            let proposer = snapshot.blocks[id]!.header.proposer
            let w = t.weights[id]!
            return Candidate(id: id.hex, proposer: proposer.hex, proposer_label: snapshot.names[proposer], weight_mt_ppm: String(w),
                             market_ppm: t.totalTrust > 0 ? UInt64(w / t.totalTrust) : 0, canonical: height.canonical == id)
        }
        rejected = view.rejected.map { Rejected(id: $0.id.hex, reason: $0.reason) }
        equivocators = t.equivocators.map(\.hex)
        let counted = Set(t.countedVoters)
        votes = height.votes.map {
            VoteItem($0, names: snapshot.names,
                     weight: (view.trust[$0.vote.voter], counted.contains($0.vote.voter)))
        }
    }

    static let schema = Schema.object([
        "height": Schema.integer, "from_included_votes": Schema.boolean, "total_trust_mt": Schema.bigInteger,
        "winner": Schema.hex64,
        "candidates": Schema.array(Schema.object([
            "id": Schema.hex64, "proposer": Schema.hex64, "proposer_label": Schema.string,
            "weight_mt_ppm": Schema.bigInteger, "market_ppm": Schema.ppm, "canonical": Schema.boolean,
        ], optional: ["proposer_label"])),
        "rejected": Schema.array(Schema.object(["id": Schema.hex64, "reason": Schema.string])),
        "equivocators": Schema.array(Schema.hex64),
        "votes": Schema.array(Schema.ref("Vote")),
    ], optional: ["winner"],
       description: "Fork choice at one height: W per candidate that extends main below it, heaviest first, and the votes weighed.")
}

/// The scores of a final height.
public struct FinalizationDocument: Codable, Sendable, Equatable {
    public struct Score: Codable, Sendable, Equatable {
        public let voter: String
        public let voter_label: String?
        public let trust_mt: UInt64
        public let q_ppm: UInt64
        public let margin_nats: String
        public let delta_mt: Int64
        public let balance_after_mt: UInt64
    }

    public let height: UInt64
    public let winner: String
    public let total_trust_mt: String
    public let winner_weight_mt_ppm: String
    public let market_ppm: UInt64
    public let information_nats: String
    public let scores: [Score]

    init(_ report: FinalizedHeight, names: [PublicKey: String]) {
        height = report.height
        winner = report.winner.hex
        total_trust_mt = String(report.totalTrust)
        winner_weight_mt_ppm = String(report.winnerWeight)
        market_ppm = report.totalTrust > 0 ? UInt64(report.winnerWeight / report.totalTrust) : 0
        information_nats = Display.natsJSON(report.information, signed: false)
        scores = report.scores.map {
            Score(voter: $0.voter.hex, voter_label: names[$0.voter], trust_mt: $0.trust, q_ppm: $0.winnerPpm,
                  margin_nats: Display.natsJSON($0.margin), delta_mt: $0.delta, balance_after_mt: $0.balanceAfter)
        }
    }

    static let schema = Schema.object([
        "height": Schema.integer, "winner": Schema.hex64, "total_trust_mt": Schema.bigInteger,
        "winner_weight_mt_ppm": Schema.bigInteger, "market_ppm": Schema.ppm, "information_nats": Schema.nats,
        "scores": Schema.array(Schema.object([
            "voter": Schema.hex64, "voter_label": Schema.string, "trust_mt": Schema.integer, "q_ppm": Schema.ppm,
            "margin_nats": Schema.nats, "delta_mt": Schema.signedInteger, "balance_after_mt": Schema.integer,
        ], optional: ["voter_label"])),
    ], description: "How a final height was scored: the winner, the market p_m(winner), I_h and each voter's Δ.")
}

/// Schemas the documents share.
enum SharedSchemas {
    static let all: [String: JSONValue] = [
        "Vote": VoteItem.schema, "Transfer": TransferItem.schema, "Tally": TallyDocument.schema,
        "Finalization": FinalizationDocument.schema,
    ]
}
