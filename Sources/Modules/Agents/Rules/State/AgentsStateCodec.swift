import PoTCore

/// The state cache's encoding of the agents state: `[agents, waiting, payments]`, each agent
/// `[id, registration, registered at, [seed]?, [proof]?, [fraud]?, refuted claims,
/// [evaluation]?, uses, fees]`. Names follow
/// from the agents. Local only: a cache that does not decode is rebuilt from the chain.
extension AgentsState {
    public func cacheEncoding() -> CBOR {
        .array([
            .array(agents.keys.sorted().map { agents[$0]!.cacheEncoding() }),
            .array(waiting.keys.sorted().map { .array([.unsigned($0), .array(waiting[$0]!.map { .bytes($0.bytes) })]) }),
            .array(payments.sorted().map { .bytes($0.bytes) }),
        ])
    }

    public init(cacheEncoding value: CBOR) throws {
        let parts = try Codec.fields(value, "agents state", 3)
        self.init()
        for entry in try parts[0].array("agents", max: 1 << 24) {
            let agent = try Agent(cacheEncoding: entry)
            agents[agent.id] = agent
            names[agent.name] = agent.id
        }
        for entry in try parts[1].array("waiting", max: 1 << 24) {
            let w = try Codec.fields(entry, "waiting height", 2)
            waiting[try w[0].uint("height")] = try w[1].array("agents", max: 1 << 24).map(Codec.hash)
        }
        payments = Set(try parts[2].array("payments", max: 1 << 26).map(Codec.hash))
    }
}

extension Agent {
    func cacheEncoding() -> CBOR {
        .array([.bytes(id.bytes), registration.cbor(), .unsigned(registeredAt), .array(seed.map { [.bytes($0.bytes)] } ?? []),
                .array(proof.map { [$0.cacheEncoding()] } ?? []), .array(fraud.map { [$0.cacheEncoding()] } ?? []), .unsigned(refutedClaims),
                .array(evaluation.map { [$0.cacheEncoding()] } ?? []), .unsigned(uses), .unsigned(fees)])
    }

    init(cacheEncoding value: CBOR) throws {
        let a = try Codec.fields(value, "agent", 10)
        self.init(id: try Codec.hash(a[0]), registration: try AgentRegistration(cbor: a[1]), registeredAt: try a[2].uint("registered at"))
        seed = try Codec.optional(a[3]).map(Codec.hash)
        proof = try Codec.optional(a[4]).map(ProvenTraining.init(cacheEncoding:))
        fraud = try Codec.optional(a[5]).map(ProvenFraud.init(cacheEncoding:))
        refutedClaims = try a[6].uint("refuted claims")
        evaluation = try Codec.optional(a[7]).map(EvaluationMarket.init(cacheEncoding:))
        uses = try a[8].uint("uses")
        fees = try a[9].uint("fees")
    }
}

extension ProvenTraining {
    func cacheEncoding() -> CBOR {
        .array([.bytes(root.bytes), .bytes(finalModel.bytes), .array(losses.map { .unsigned($0) }), .array(distances.map { .unsigned($0) }),
                .unsigned(includedAt), .array(selected.map { [.array($0.map { .unsigned(UInt64($0)) })] } ?? []),
                .array(attesters.map { .bytes($0.bytes) }), .array(verifiedAt.map { [.unsigned($0)] } ?? [])])
    }

    init(cacheEncoding value: CBOR) throws {
        let p = try Codec.fields(value, "proof", 8)
        self.init(root: try Codec.hash(p[0]), finalModel: try Codec.hash(p[1]), losses: try Codec.numbers(p[2]),
                  distances: try Codec.numbers(p[3]), includedAt: try p[4].uint("included at"))
        selected = try Codec.optional(p[5]).map { try Codec.numbers($0).map { Int($0) } }
        attesters = try p[6].array("attesters", max: 1 << 16).map(Codec.key)
        verifiedAt = try Codec.optional(p[7]).map { try $0.uint("verified at") }
    }
}

extension ProvenFraud {
    func cacheEncoding() -> CBOR {
        .array([.unsigned(segment), .bytes(reporter.bytes), .unsigned(height), .unsigned(slashed), .unsigned(reward),
                .array(penalized.map { .bytes($0.bytes) })])
    }

    init(cacheEncoding value: CBOR) throws {
        let f = try Codec.fields(value, "fraud", 6)
        self.init(segment: try f[0].uint("segment"), reporter: try Codec.key(f[1]), height: try f[2].uint("height"),
                  slashed: try f[3].uint("slashed"), reward: try f[4].uint("reward"), penalized: try f[5].array("penalized", max: 1 << 16).map(Codec.key))
    }
}

extension EvaluationMarket {
    func cacheEncoding() -> CBOR {
        let outcome: [CBOR]
        switch self.outcome {
        case nil: outcome = []
        case .voided(let height): outcome = [.unsigned(0), .unsigned(height)]
        case .measured(let accuracy, let bucket, let height): outcome = [.unsigned(1), .unsigned(accuracy), .unsigned(UInt64(bucket)), .unsigned(height)]
        }
        return .array([.unsigned(opensAt), .unsigned(closesAt), .unsigned(resolveBy),
                       .array(forecasts.keys.sorted().map { .array([.bytes($0.bytes), .array(forecasts[$0]!.map { .unsigned($0) })]) }),
                       .array(closingTrust.map { closing in [.array(closing.keys.sorted().map { .array([.bytes($0.bytes), .unsigned(closing[$0]!)]) })] } ?? []),
                       .array(holdout.map { [.array($0.map { .unsigned(UInt64($0)) })] } ?? []), .array(outcome)])
    }

    init(cacheEncoding value: CBOR) throws {
        let m = try Codec.fields(value, "evaluation market", 7)
        self.init(opensAt: try m[0].uint("opens at"), closesAt: try m[1].uint("closes at"), resolveBy: try m[2].uint("resolve by"))
        for entry in try m[3].array("forecasts", max: 1 << 20) {
            let f = try Codec.fields(entry, "forecast", 2)
            forecasts[try Codec.key(f[0])] = try Codec.numbers(f[1])
        }
        closingTrust = try Codec.optional(m[4]).map { list in
            var closing: [PublicKey: UInt64] = [:]
            for entry in try list.array("closing trust", max: 1 << 20) {
                let t = try Codec.fields(entry, "closing trust", 2)
                closing[try Codec.key(t[0])] = try t[1].uint("trust")
            }
            return closing
        }
        holdout = try Codec.optional(m[5]).map { try Codec.numbers($0).map { Int($0) } }
        let o = try m[6].array("outcome", max: 4)
        switch o.count {
        case 0: outcome = nil
        case 2: outcome = .voided(height: try o[1].uint("height"))
        case 4: outcome = .measured(accuracyPpm: try o[1].uint("accuracy"), bucket: Int(try o[2].uint("bucket")), height: try o[3].uint("height"))
        default: throw ObjectError("cached evaluation outcome is malformed")
        }
    }
}

/// Readers of the cache's pieces.
private enum Codec {
    static func fields(_ value: CBOR, _ what: String, _ count: Int) throws -> [CBOR] {
        let parts = try value.array(what, max: count)
        guard parts.count == count else { throw ObjectError("cached \(what) is malformed") }
        return parts
    }

    static func optional(_ value: CBOR) throws -> CBOR? { try value.array("optional", max: 1).first }
    static func key(_ value: CBOR) throws -> PublicKey { PublicKey(bytes: try value.bytes("public key", count: 32))! }
    static func hash(_ value: CBOR) throws -> Hash256 { Hash256(bytes: try value.bytes("hash", count: 32))! }
    static func numbers(_ value: CBOR) throws -> [UInt64] { try value.array("numbers", max: 1 << 16).map { try $0.uint("number") } }
}
