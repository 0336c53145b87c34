import PoTCore

/// The state cache's encoding of one market: `[id, declaration, declared at, bets, closing
/// trust, status]`. Local only: a cache that does not decode is rebuilt from the chain.
extension MarketState {
    func cacheEncoding() -> CBOR {
        let status: CBOR
        switch self.status {
        case .open: status = .array([.unsigned(0)])
        case .resolved(let outcome, let height): status = .array([.unsigned(1), .unsigned(UInt64(outcome)), .unsigned(height)])
        case .voided(let height): status = .array([.unsigned(2), .unsigned(height)])
        }
        let closing: CBOR = closingTrust.map { trust in
            .array([.unsigned(1), .array(trust.keys.sorted().map { .array([.bytes($0.bytes), .unsigned(trust[$0]!)]) })])
        } ?? .array([.unsigned(0)])
        return .array([
            .bytes(id.bytes), declaration.cbor(), .unsigned(declaredAt),
            .array(bets.keys.sorted().map { bets[$0]!.cbor() }), closing, status,
        ])
    }

    init(cacheEncoding value: CBOR) throws {
        let m = try value.array("market", max: 6)
        guard m.count == 6 else { throw ObjectError("cached market is malformed") }
        var bets: [PublicKey: MarketBet] = [:]
        for entry in try m[3].array("bets", max: 1 << 24) {
            let bet = try MarketBet(cbor: entry)
            bets[bet.bettor] = bet
        }
        let closingParts = try m[4].array("closing trust", max: 2)
        var closing: [PublicKey: UInt64]?
        if closingParts.first == .unsigned(1), closingParts.count == 2 {
            var trust: [PublicKey: UInt64] = [:]
            for pair in try closingParts[1].array("trust", max: 1 << 24) {
                let p = try pair.array("trust entry", max: 2)
                guard p.count == 2 else { throw ObjectError("cached trust entry is malformed") }
                trust[PublicKey(bytes: try p[0].bytes("public key", count: 32))!] = try p[1].uint("trust")
            }
            closing = trust
        }
        let statusParts = try m[5].array("market status", max: 3)
        let status: MarketStatus
        switch (try statusParts.first?.uint("status") ?? 99, statusParts.count) {
        case (0, 1): status = .open
        case (1, 3): status = .resolved(outcome: Int(try statusParts[1].uint("outcome")), height: try statusParts[2].uint("height"))
        case (2, 2): status = .voided(height: try statusParts[1].uint("height"))
        default: throw ObjectError("cached market status is malformed")
        }
        self.init(id: Hash256(bytes: try m[0].bytes("market id", count: 32))!, declaration: try MarketDeclaration(cbor: m[1]),
                  declaredAt: try m[2].uint("declared at"), bets: bets, closingTrust: closing, status: status)
    }
}
