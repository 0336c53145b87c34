import PoTCore

/// Encodes a `ChainState` for the local cache. The cache is never trusted over the chain:
/// it is keyed by the commit it was computed for and rebuilt when that does not match.
enum StateCodec {
    static func encode(_ s: ChainState) -> CBOR {
        .map([
            1: s.params.cbor(),
            2: .unsigned(s.height),
            3: .bytes(s.tip.bytes),
            4: .unsigned(s.tipTimestamp),
            5: .unsigned(s.finalizedHeight),
            6: .array(s.accounts.keys.sorted().map { key in
                let a = s.accounts[key]!
                return .array([.bytes(key.bytes), .unsigned(a.balance), .unsigned(a.nonce), .unsigned(a.member ? 1 : 0)])
            }),
            7: .array(s.open.keys.sorted().map { height in
                let o = s.open[height]!
                return .array([
                    .unsigned(height),
                    .bytes(o.block.bytes),
                    .array(o.trustSnapshot.keys.sorted().map { .array([.bytes($0.bytes), .unsigned(o.trustSnapshot[$0]!)]) }),
                    .array(o.votes.keys.sorted().map { o.votes[$0]!.cbor() }),
                    .array(o.penalized.sorted().map { .bytes($0.bytes) }),
                ])
            }),
            8: .array(s.markets.keys.sorted().map { encodeMarket(s.markets[$0]!) }),
        ])
    }

    static func encodeMarket(_ m: MarketState) -> CBOR {
        let status: CBOR
        switch m.status {
        case .open: status = .array([.unsigned(0)])
        case .resolved(let outcome, let height): status = .array([.unsigned(1), .unsigned(UInt64(outcome)), .unsigned(height)])
        case .voided(let height): status = .array([.unsigned(2), .unsigned(height)])
        }
        let closing: CBOR = m.closingTrust.map { trust in
            .array([.unsigned(1), .array(trust.keys.sorted().map { .array([.bytes($0.bytes), .unsigned(trust[$0]!)]) })])
        } ?? .array([.unsigned(0)])
        return .array([
            .bytes(m.id.bytes), m.declaration.cbor(), .unsigned(m.declaredAt),
            .array(m.bets.keys.sorted().map { m.bets[$0]!.cbor() }), closing, status,
        ])
    }

    static func decodeMarket(_ value: CBOR) throws -> MarketState {
        let m = try value.array("market", max: 6)
        guard m.count == 6 else { throw StoreError("cached market is malformed") }
        var bets: [PublicKey: MarketBet] = [:]
        for entry in try m[3].array("bets", max: 1 << 24) {
            let bet = try MarketBet(cbor: entry)
            bets[bet.bettor] = bet
        }
        let closingParts = try m[4].array("closing trust", max: 2)
        var closing: [PublicKey: UInt64]?
        if closingParts.first == .unsigned(1), closingParts.count == 2 {
            closing = try pairs(closingParts[1])
        }
        let statusParts = try m[5].array("market status", max: 3)
        let status: MarketStatus
        switch (try statusParts.first?.uint("status") ?? 99, statusParts.count) {
        case (0, 1): status = .open
        case (1, 3): status = .resolved(outcome: Int(try statusParts[1].uint("outcome")), height: try statusParts[2].uint("height"))
        case (2, 2): status = .voided(height: try statusParts[1].uint("height"))
        default: throw StoreError("cached market status is malformed")
        }
        return MarketState(id: Hash256(bytes: try m[0].bytes("market id", count: 32))!, declaration: try MarketDeclaration(cbor: m[1]),
                           declaredAt: try m[2].uint("declared at"), bets: bets, closingTrust: closing, status: status)
    }

    private static func pairs(_ value: CBOR) throws -> [PublicKey: UInt64] {
        var result: [PublicKey: UInt64] = [:]
        for pair in try value.array("trust", max: 1 << 24) {
            let p = try pair.array("trust entry", max: 2)
            guard p.count == 2 else { throw StoreError("cached trust entry is malformed") }
            result[try key(p[0])] = try p[1].uint("trust")
        }
        return result
    }

    static func decode(_ value: CBOR) throws -> ChainState {
        let f = try CBORFields(value, object: "cached state", allowedKeys: [1, 2, 3, 4, 5, 6, 7, 8])
        let params = try ChainParams(cbor: try f.value(1))
        var accounts: [PublicKey: Account] = [:]
        for entry in try f.array(6, max: 1 << 24) {
            let a = try entry.array("account", max: 4)
            guard a.count == 4 else { throw StoreError("cached account is malformed") }
            accounts[try key(a[0])] = Account(balance: try a[1].uint("balance"), nonce: try a[2].uint("nonce"), member: try a[3].uint("member") == 1)
        }
        var open: [UInt64: OpenHeight] = [:]
        for entry in try f.array(7, max: 1 << 16) {
            let o = try entry.array("open height", max: 5)
            guard o.count == 5 else { throw StoreError("cached open height is malformed") }
            let snapshot = try pairs(o[2])
            var height = OpenHeight(block: Hash256(bytes: try o[1].bytes("block", count: 32))!, trustSnapshot: snapshot)
            for vote in try o[3].array("votes", max: 1 << 24) {
                let v = try Vote(cbor: vote)
                height.votes[v.voter] = v
            }
            height.penalized = Set(try o[4].array("penalized", max: 1 << 24).map(key))
            open[try o[0].uint("height")] = height
        }
        return ChainState(
            params: params, height: try f.uint(2), tip: Hash256(bytes: try f.bytes(3, count: 32))!,
            tipTimestamp: try f.uint(4), finalizedHeight: try f.uint(5), accounts: accounts, open: open,
            markets: Dictionary(uniqueKeysWithValues: try (f.optionalArray(8, max: 1 << 24) ?? []).map {
                let market = try decodeMarket($0)
                return (market.id, market)
            }))
    }

    private static func key(_ value: CBOR) throws -> PublicKey {
        PublicKey(bytes: try value.bytes("public key", count: 32))!
    }
}
