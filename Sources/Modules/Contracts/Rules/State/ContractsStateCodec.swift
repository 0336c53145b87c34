import PoTCore

/// The state cache's encoding of the contracts state:
/// `[contracts, disputes, arbiter keys, service records, live ids]`; optional values are lists of
/// zero or one element. Local only: a cache that does not decode is rebuilt from the chain.
extension ContractsState {
    public func cacheEncoding() -> CBOR {
        .array([
            .array(contracts.keys.sorted().map { contracts[$0]!.cacheEncoding() }),
            .array(disputes.keys.sorted().map { disputes[$0]!.cacheEncoding() }),
            .array(arbiterKeys.keys.sorted().map { .array([.bytes($0.bytes), .bytes(arbiterKeys[$0]!)]) }),
            .array(service.keys.sorted().map { key in
                let r = service[key]!
                return .array([.bytes(key.bytes), .unsigned(r.positive), .unsigned(r.negative), .unsigned(r.period), .unsigned(r.contracts),
                               .unsigned(r.arbitrations)])
            }),
            .array(live.sorted().map { .bytes($0.bytes) }),
        ])
    }

    public init(cacheEncoding value: CBOR) throws {
        let parts = try Cache.fields(value, "contracts state", 5)
        self.init()
        for entry in try parts[0].array("contracts", max: 1 << 24) {
            let contract = try Contract(cacheEncoding: entry)
            contracts[contract.id] = contract
        }
        for entry in try parts[1].array("disputes", max: 1 << 24) {
            let dispute = try Dispute(cacheEncoding: entry)
            disputes[dispute.id] = dispute
        }
        for entry in try parts[2].array("arbiter keys", max: 1 << 24) {
            let f = try Cache.fields(entry, "arbiter key", 2)
            arbiterKeys[try Cache.key(f[0])] = try f[1].bytes("encryption key", count: 32)
        }
        for entry in try parts[3].array("service records", max: 1 << 24) {
            let f = try Cache.fields(entry, "service record", 6)
            service[try Cache.key(f[0])] = ServiceRecord(positive: try f[1].uint("positive"), negative: try f[2].uint("negative"),
                                                         period: try f[3].uint("period"), contracts: try f[4].uint("contracts"),
                                                         arbitrations: try f[5].uint("arbitrations"))
        }
        live = Set(try parts[4].array("live", max: 1 << 24).map { try $0.hash256("contract id") })
    }
}

/// Helpers of the cache codec.
enum Cache {
    static func fields(_ value: CBOR, _ what: String, _ count: Int) throws -> [CBOR] {
        let parts = try value.array(what, max: count)
        guard parts.count == count else { throw ObjectError("cached \(what) is malformed") }
        return parts
    }

    static func key(_ value: CBOR) throws -> PublicKey { PublicKey(bytes: try value.bytes("public key", count: 32))! }
    static func keys(_ keys: [PublicKey]) -> CBOR { .array(keys.map { .bytes($0.bytes) }) }
    static func keys(_ value: CBOR) throws -> [PublicKey] { try value.array("keys", max: 1 << 16).map(key) }
    static func optional(_ value: CBOR?) -> CBOR { .array(value.map { [$0] } ?? []) }
    static func optional<T>(_ value: CBOR, _ what: String, _ decode: (CBOR) throws -> T) throws -> T? {
        try value.array(what, max: 1).first.map(decode)
    }
}

extension Contract {
    func cacheEncoding() -> CBOR {
        let phaseValue: CBOR
        switch phase {
        case .open: phaseValue = .array([.unsigned(0)])
        case .accepted: phaseValue = .array([.unsigned(1)])
        case .delivered: phaseValue = .array([.unsigned(2)])
        case .disputed: phaseValue = .array([.unsigned(3)])
        case .closed(let c): phaseValue = .array([.unsigned(4), .unsigned(c.reason.rawValue), .unsigned(c.height), .unsigned(c.workerShare)])
        }
        return .array([.bytes(id.bytes), post.cbor(), .unsigned(postedAt), Cache.optional(acceptance?.cbor()), Cache.optional(acceptedAt.map { .unsigned($0) }),
                       Cache.optional(delivery?.cbor()), Cache.optional(deliveredAt.map { .unsigned($0) }), phaseValue,
                       .array(ratings.keys.sorted().map { .array([.bytes($0.bytes), .unsigned(ratings[$0]!)]) })])
    }

    init(cacheEncoding value: CBOR) throws {
        let g = try Cache.fields(value, "contract", 9)
        self.init(id: try g[0].hash256("contract id"), post: try SignedTaskPost(cbor: g[1]), postedAt: try g[2].uint("posted at"))
        let f = Array(g.dropFirst())
        acceptance = try Cache.optional(f[2], "acceptance") { try SignedTaskAcceptance(cbor: $0) }
        acceptedAt = try Cache.optional(f[3], "accepted at") { try $0.uint("accepted at") }
        delivery = try Cache.optional(f[4], "delivery") { try TaskDelivery(cbor: $0) }
        deliveredAt = try Cache.optional(f[5], "delivered at") { try $0.uint("delivered at") }
        let p = try f[6].array("phase", max: 4)
        switch (try p.first?.uint("phase"), p.count) {
        case (0, 1): phase = .open
        case (1, 1): phase = .accepted
        case (2, 1): phase = .delivered
        case (3, 1): phase = .disputed
        case (4, 4):
            guard let reason = Closing.Reason(rawValue: try p[1].uint("reason")) else { throw ObjectError("cached closing is malformed") }
            phase = .closed(Closing(reason: reason, height: try p[2].uint("height"), workerShare: try p[3].uint("share")))
        default: throw ObjectError("cached contract phase is malformed")
        }
        for entry in try f[7].array("ratings", max: 2) {
            let r = try Cache.fields(entry, "rating", 2)
            ratings[try Cache.key(r[0])] = try r[1].uint("stars")
        }
    }
}

extension Dispute {
    func cacheEncoding() -> CBOR {
        let verdictList: [CBOR] = verdicts.keys.sorted().map { key in
            switch verdicts[key]! {
            case .revealed(let v): return .array([.bytes(key.bytes), .unsigned(0), .unsigned(v.workerShare)])
            case .recovered(let v): return .array([.bytes(key.bytes), .unsigned(1), .unsigned(v.workerShare)])
            case .corrupt: return .array([.bytes(key.bytes), .unsigned(2), .unsigned(0)])
            }
        }
        let releasedList: [CBOR] = released.keys.sorted().map { sealer in
            let shares = released[sealer]!
            return .array([.bytes(sealer.bytes), .array(shares.keys.sorted().map { .array([.unsigned(UInt64($0)), .bytes(shares[$0]!)]) })])
        }
        let decided = decision.map { d -> CBOR in
            .array([.unsigned(d.height), .unsigned(d.verdict.workerShare), Cache.optional(d.leader.map { .bytes($0.bytes) }),
                    Cache.optional(d.term.map { .unsigned($0) }),
                    .array(d.counted.keys.sorted().map { .array([.bytes($0.bytes), .unsigned(d.counted[$0]!.workerShare)]) })])
        }
        return .array([.bytes(id.bytes), claim.cbor(), .unsigned(openedAt), Cache.keys(committee), Cache.optional(drawnAt.map { .unsigned($0) }),
                       .unsigned(UInt64(threshold)), .array(seals.keys.sorted().map { seals[$0]!.cbor() }), .array(verdictList),
                       .array(releasedList), Cache.optional(talliedAt.map { .unsigned($0) }), Cache.optional(decided)])
    }

    init(cacheEncoding value: CBOR) throws {
        let f = try Cache.fields(value, "dispute", 11)
        self.init(id: try f[0].hash256("dispute id"), claim: try TaskDispute(cbor: f[1]), openedAt: try f[2].uint("opened at"))
        committee = try Cache.keys(f[3])
        drawnAt = try Cache.optional(f[4], "drawn at") { try $0.uint("drawn at") }
        threshold = Int(try f[5].uint("threshold"))
        for entry in try f[6].array("seals", max: ContractsLimits.maxCommittee) {
            let seal = try VerdictSeal(cbor: entry)
            seals[seal.arbiter] = seal
        }
        for entry in try f[7].array("verdicts", max: ContractsLimits.maxCommittee) {
            let v = try Cache.fields(entry, "verdict", 3)
            let verdict = try Verdict(checking: try v[2].uint("verdict"))
            switch try v[1].uint("verdict kind") {
            case 0: verdicts[try Cache.key(v[0])] = .revealed(verdict)
            case 1: verdicts[try Cache.key(v[0])] = .recovered(verdict)
            case 2: verdicts[try Cache.key(v[0])] = .corrupt
            default: throw ObjectError("cached verdict is malformed")
            }
        }
        for entry in try f[8].array("released shares", max: ContractsLimits.maxCommittee) {
            let r = try Cache.fields(entry, "released shares", 2)
            var shares: [Int: [UInt8]] = [:]
            for share in try r[1].array("shares", max: ContractsLimits.maxCommittee) {
                let s = try Cache.fields(share, "share", 2)
                shares[Int(try s[0].uint("position"))] = try s[1].bytes("share", max: ContractsLimits.verdictSecretBytes)
            }
            released[try Cache.key(r[0])] = shares
        }
        talliedAt = try Cache.optional(f[9], "tallied at") { try $0.uint("tallied at") }
        decision = try Cache.optional(f[10], "decision") { value in
            let d = try Cache.fields(value, "decision", 5)
            var counted: [PublicKey: Verdict] = [:]
            for entry in try d[4].array("counted", max: ContractsLimits.maxCommittee) {
                let c = try Cache.fields(entry, "counted verdict", 2)
                counted[try Cache.key(c[0])] = try Verdict(checking: try c[1].uint("verdict"))
            }
            return Decision(height: try d[0].uint("height"), verdict: try Verdict(checking: try d[1].uint("verdict")),
                            leader: try Cache.optional(d[2], "leader", Cache.key), term: try Cache.optional(d[3], "term") { try $0.uint("term") },
                            counted: counted)
        }
    }
}
