import PoTCore

/// The state cache's encoding of the membership state: `[games, privileges, admissions]`. The
/// running games and the keys they hold back follow from the games. Local only: a cache that
/// does not decode is rebuilt from the chain.
extension MembershipState {
    public func cacheEncoding() -> CBOR {
        .array([
            .array(games.keys.sorted().map { games[$0]!.cacheEncoding() }),
            .array(privileges.keys.sorted().map { key in
                let p = privileges[key]!
                return .array([.bytes(key.bytes), .array(p.stakedIn.map { [.bytes($0.bytes)] } ?? []), .unsigned(p.coolingUntil),
                               .unsigned(p.suspendedUntil)])
            }),
            .array(admissions.keys.sorted().map { key in
                let a = admissions[key]!
                return .array([.bytes(key.bytes), .bytes(a.game.bytes), .unsigned(a.height), Self.keys(a.sponsors),
                               .unsigned(a.byDefection ? 1 : 0)])
            }),
        ])
    }

    public init(cacheEncoding value: CBOR) throws {
        let parts = try Self.fields(value, "membership state", 3)
        self.init()
        for entry in try parts[0].array("games", max: 1 << 24) {
            let game = try SponsorGame(cacheEncoding: entry)
            games[game.id] = game
            if game.outcome == nil {
                running.insert(game.id)
                for key in game.reservedKeys { reserved[key] = game.id }
            }
        }
        for entry in try parts[1].array("privileges", max: 1 << 24) {
            let p = try Self.fields(entry, "privilege", 4)
            let staked = try p[1].array("staked in", max: 1)
            privileges[try Self.key(p[0])] = SponsorPrivilege(stakedIn: try staked.first.map(Self.hash),
                                                              coolingUntil: try p[2].uint("cooling until"),
                                                              suspendedUntil: try p[3].uint("suspended until"))
        }
        for entry in try parts[2].array("admissions", max: 1 << 24) {
            let a = try Self.fields(entry, "admission", 5)
            let key = try Self.key(a[0])
            admissions[key] = MemberAdmission(key: key, game: try Self.hash(a[1]), height: try a[2].uint("height"),
                                              sponsors: try Self.keys(a[3]), byDefection: try a[4].uint("by defection") == 1)
        }
    }

    static func fields(_ value: CBOR, _ what: String, _ count: Int) throws -> [CBOR] {
        let parts = try value.array(what, max: count)
        guard parts.count == count else { throw ObjectError("cached \(what) is malformed") }
        return parts
    }

    static func key(_ value: CBOR) throws -> PublicKey { PublicKey(bytes: try value.bytes("public key", count: 32))! }
    static func hash(_ value: CBOR) throws -> Hash256 { Hash256(bytes: try value.bytes("hash", count: 32))! }
    static func keys(_ keys: [PublicKey]) -> CBOR { .array(keys.map { .bytes($0.bytes) }) }
    static func keys(_ value: CBOR) throws -> [PublicKey] { try value.array("keys", max: 1 << 16).map(key) }
}

extension SponsorGame {
    /// `[id, opening, opened at, [join, joined at] or [], reveals, outcome or []]`.
    func cacheEncoding() -> CBOR {
        let joined: CBOR = join.map { .array([$0.cbor(), .unsigned(joinedAt!)]) } ?? .array([])
        let ended: CBOR = outcome.map { o in
            .array([.unsigned(o.height), .unsigned(o.openerMove?.rawValue ?? 2), .unsigned(o.partnerMove?.rawValue ?? 2),
                    MembershipState.keys(o.missing), MembershipState.keys(o.admitted)])
        } ?? .array([])
        return .array([.bytes(id.bytes), open.cbor(), .unsigned(openedAt), joined,
                       .array(reveals.keys.sorted().map { reveals[$0]!.cbor() }), ended])
    }

    init(cacheEncoding value: CBOR) throws {
        let g = try MembershipState.fields(value, "game", 6)
        self.init(id: try MembershipState.hash(g[0]), open: try GameOpen(cbor: g[1]), openedAt: try g[2].uint("opened at"))
        let joined = try g[3].array("join", max: 2)
        if joined.count == 2 {
            join = try GameJoin(cbor: joined[0])
            joinedAt = try joined[1].uint("joined at")
        }
        for entry in try g[4].array("reveals", max: 2) {
            let reveal = try GameReveal(cbor: entry)
            reveals[reveal.player] = reveal
        }
        let ended = try g[5].array("outcome", max: 5)
        if ended.count == 5 {
            func move(_ value: CBOR) throws -> SponsorMove? { SponsorMove(rawValue: try value.uint("move")) }
            outcome = GameOutcome(height: try ended[0].uint("height"), openerMove: try move(ended[1]), partnerMove: try move(ended[2]),
                                  missing: try MembershipState.keys(ended[3]), admitted: try MembershipState.keys(ended[4]))
        }
    }
}
