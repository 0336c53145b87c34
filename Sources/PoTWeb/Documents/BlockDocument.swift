import PoTCore

/// `/api/blocks/{id}`, the twin of a block's page.
public struct BlockDocument: Encodable, Sendable {
    public struct Merged: Codable, Sendable, Equatable {
        public let commit: String
        public let summary: String
        public let author: String
        public let timestamp: Int64
    }

    public struct Evidence: Codable, Sendable, Equatable {
        public let voter: String
        public let voter_label: String?
        public let height: UInt64
        public let first: String
        public let second: String
    }

    public struct Payload: Encodable, Sendable {
        public let transfers: [TransferItem]
        public let votes: [VoteItem]
        public let evidence: [Evidence]
        /// The modules' sections the payload carries, each encoded under its key.
        let sections: [PageSection]

        enum CodingKeys: String, CodingKey { case transfers, votes, evidence }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(transfers, forKey: .transfers)
            try container.encode(votes, forKey: .votes)
            try container.encode(evidence, forKey: .evidence)
            try sections.encode(to: encoder)
        }
    }

    public let id: String
    public let height: UInt64
    public let status: BlockStatus
    public let parent: String
    public let proposer: String
    public let proposer_label: String?
    public let timestamp: UInt64
    public let tree: String
    public let payload_root: String
    public let commit: String
    public let record: String
    public let merged: [Merged]
    public let payload: Payload
    /// The other blocks stored at this height.
    public let siblings: [String]
    public let tally: TallyDocument?
    public let finalization: FinalizationDocument?

    init(_ block: BlockRecord, snapshot s: ChainSnapshot) {
        let header = block.header
        let chain = s.chainId
        id = block.id.hex
        height = block.height
        status = s.blockStatus[block.id] ?? .candidate
        parent = header.parent.hex
        proposer = header.proposer.hex
        proposer_label = s.names[header.proposer]
        timestamp = header.timestamp
        tree = Hex.encode(header.tree)
        payload_root = header.payloadRoot.hex
        commit = block.stored.commit.hex
        record = block.stored.record.hex
        merged = block.merged.map { Merged(commit: $0.oid.hex, summary: $0.summary, author: $0.author, timestamp: $0.time) }
        let p = block.stored.payload
        let onMain = status == .canonical ? (height: block.height, id: block.id) : nil
        payload = Payload(
            transfers: p.transfers.map { TransferItem(KnownTransfer(transfer: $0.transfer, id: $0.id(chain: chain), includedIn: onMain), names: s.names) },
            votes: p.votes.map { signed in
                let id = signed.id(chain: chain)
                let known = s.votesById[id] ?? KnownVote(vote: signed.vote, id: id, includedIn: onMain, pending: false)
                return VoteItem(known, names: s.names)
            },
            evidence: p.evidence.map {
                Evidence(voter: $0.first.vote.voter.hex, voter_label: s.names[$0.first.vote.voter], height: $0.first.vote.height,
                         first: $0.first.id(chain: chain).hex, second: $0.second.id(chain: chain).hex)
            },
            sections: s.modules.all.compactMap { $0.blockSection(block, s) })
        let view = s.height(block.height)
        siblings = (view?.blocks ?? []).filter { $0 != block.id }.map(\.hex)
        let isContender = view?.tally?.tally.candidates.contains(block.id) ?? false
            || view?.tally?.rejected.contains { $0.id == block.id } ?? false
        tally = isContender ? view.flatMap { v in v.tally.map { TallyDocument($0, height: v, snapshot: s) } } : nil
        finalization = view?.finalization.map { FinalizationDocument($0, names: s.names) }
    }

    static func schema(modules: ExplorerModules) -> JSONValue {
        let sections = modules.all.compactMap(\.blockSectionSchema)
        var payload: [String: JSONValue] = [
            "transfers": Schema.array(Schema.ref("Transfer")),
            "votes": Schema.array(Schema.ref("Vote")),
            "evidence": Schema.array(Schema.object([
                "voter": Schema.hex64, "voter_label": Schema.string, "height": Schema.integer, "first": Schema.hex64, "second": Schema.hex64,
            ], optional: ["voter_label"])),
        ]
        for section in sections { payload[section.key] = section.schema }
        return Schema.object([
            "id": Schema.hex64, "height": Schema.integer, "status": Schema.enumeration(["canonical", "candidate", "orphaned"]),
            "parent": Schema.hex64, "proposer": Schema.hex64, "proposer_label": Schema.string, "timestamp": Schema.integer,
            "tree": Schema.oid, "payload_root": Schema.hex64, "commit": Schema.oid, "record": Schema.oid,
            "merged": Schema.array(Schema.object([
                "commit": Schema.oid, "summary": Schema.string, "author": Schema.string, "timestamp": Schema.signedInteger,
            ])),
            "payload": Schema.object(payload, optional: Set(sections.map(\.key))),
            "siblings": Schema.array(Schema.hex64),
            "tally": Schema.ref("Tally"),
            "finalization": Schema.ref("Finalization"),
        ], optional: ["proposer_label", "tally", "finalization"],
           description: "One stored block: header, merged commits, payload, the fork choice of its height (when it competes there) and, once final, the height's scores.")
    }
}

/// `/api/heights/{height}`, the twin of a height's page.
public struct HeightDocument: Codable, Sendable, Equatable {
    public struct Block: Codable, Sendable, Equatable {
        public let id: String
        public let status: BlockStatus
        public let parent: String
        public let proposer: String
        public let proposer_label: String?
        public let timestamp: UInt64
    }

    public let height: UInt64
    /// "final", "open" (at or below the tip, not final) or "ahead" (above the tip).
    public let status: String
    public let canonical: String?
    public let blocks: [Block]
    public let information_nats: String?
    public let tally: TallyDocument?
    public let finalization: FinalizationDocument?

    init(_ view: HeightView, snapshot s: ChainSnapshot) {
        height = view.height
        status = view.height <= s.finalizedHeight ? "final" : (view.height <= s.tipHeight ? "open" : "ahead")
        canonical = view.canonical?.hex
        blocks = view.blocks.compactMap { id in
            guard let b = s.blocks[id] else { return nil }
            return Block(id: id.hex, status: s.blockStatus[id] ?? .candidate, parent: b.header.parent.hex,
                         proposer: b.header.proposer.hex, proposer_label: s.names[b.header.proposer], timestamp: b.header.timestamp)
        }
        information_nats = view.information.map { Display.natsJSON($0, signed: false) }
        tally = view.tally.map { TallyDocument($0, height: view, snapshot: s) }
        finalization = view.finalization.map { FinalizationDocument($0, names: s.names) }
    }

    static let schema = Schema.object([
        "height": Schema.integer, "status": Schema.enumeration(["final", "open", "ahead"]), "canonical": Schema.hex64,
        "blocks": Schema.array(Schema.object([
            "id": Schema.hex64, "status": Schema.enumeration(["canonical", "candidate", "orphaned"]), "parent": Schema.hex64,
            "proposer": Schema.hex64, "proposer_label": Schema.string, "timestamp": Schema.integer,
        ], optional: ["proposer_label"])),
        "information_nats": Schema.nats,
        "tally": Schema.ref("Tally"),
        "finalization": Schema.ref("Finalization"),
    ], optional: ["canonical", "information_nats", "tally", "finalization"],
       description: "One height: its blocks, fork choice among those that extend main, I_h and, once final, the scores.")
}
