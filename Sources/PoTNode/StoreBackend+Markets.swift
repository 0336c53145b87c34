import GitKit
import PoTCore
import PoTMarkets
import PoTModules
import PoTNet
import PoTStore

/// NET-MARKET-ACCEPT: market objects are stored when validly signed for this chain and still
/// able to enter a block on top of the finalized state.
extension StoreBackend {
    func acceptDeclaration(_ signed: SignedMarketDeclaration, id: Hash256) throws -> Acceptance {
        let declaration = signed.declaration
        guard signatureHolds(signed, id: id) else {
            return .invalid(code: .badSignature, detail: "market declaration signature does not verify for this chain")
        }
        guard final.state.isMember(declaration.creator) else {
            return .invalid(code: .notMember, detail: "market creator \(declaration.creator.short) is not a member")
        }
        guard final.state.markets[id] == nil, declaration.closeHeight > final.state.height + 1 else {
            return .stale("market \(id.short) is already declared or closes at a final height")
        }
        let ref = ChainLayout.marketRef(id)
        try store.storeMarketDeclaration(signed)
        index.addMarketObject(InventoryItem(.marketDeclaration, id), ref: ref)
        return .stored
    }

    func acceptBet(_ signed: SignedMarketBet, id: Hash256) throws -> Acceptance {
        let bet = signed.bet
        guard signatureHolds(signed, id: id) else {
            return .invalid(code: .badSignature, detail: "bet signature does not verify for this chain")
        }
        guard final.state.isMember(bet.bettor) else {
            return .invalid(code: .notMember, detail: "bettor \(bet.bettor.short) is not a member")
        }
        guard let declaration = knownDeclaration(bet.market) else {
            return .notYet("bet on market \(bet.market.short), which this node does not know yet")
        }
        guard bet.probsPpm.count == declaration.outcomes.count else {
            return .invalid(code: .badBet, detail: "bet gives \(bet.probsPpm.count) probabilities for \(declaration.outcomes.count) outcomes")
        }
        guard declaration.closeHeight > final.state.height else {
            return .stale("market \(bet.market.short) closed at a final height")
        }
        if let included = final.state.markets[bet.market]?.bets[bet.bettor], bet.sequence <= included.sequence {
            return .stale("bet sequence \(bet.sequence) is not above the included \(included.sequence)")
        }
        let ref = ChainLayout.betRef(market: bet.market, bettor: bet.bettor, sequence: bet.sequence)
        if try store.git.reference(ref) != nil {
            return .stale("another bet holds sequence \(bet.sequence) of \(bet.bettor.short) on market \(bet.market.short)")
        }
        try store.storeBet(signed)
        index.addMarketObject(InventoryItem(.marketBet, id), ref: ref)
        return .stored
    }

    func acceptResolution(_ signed: SignedMarketResolution, id: Hash256) throws -> Acceptance {
        let resolution = signed.resolution
        guard signatureHolds(signed, id: id) else {
            return .invalid(code: .badSignature, detail: "resolution signature does not verify for this chain")
        }
        guard let declaration = knownDeclaration(resolution.market) else {
            return .notYet("resolution of market \(resolution.market.short), which this node does not know yet")
        }
        guard resolution.resolver == declaration.resolver else {
            return .invalid(code: .notResolver, detail: "\(resolution.resolver.short) is not the resolver of market \(resolution.market.short)")
        }
        guard resolution.outcome < UInt64(declaration.outcomes.count) else {
            return .invalid(code: .badOutcome, detail: "market \(resolution.market.short) has no outcome \(resolution.outcome)")
        }
        if let market = final.state.markets[resolution.market], market.status != .open {
            return .stale("market \(resolution.market.short) is already settled")
        }
        try store.storeResolution(signed)
        index.addMarketObject(InventoryItem(.marketResolution, id), ref: ChainLayout.resolutionRef(market: resolution.market, id: id))
        return .stored
    }

    /// The declaration of a market in the tip state or stored under refs/pot/markets.
    private func knownDeclaration(_ market: Hash256) -> MarketDeclaration? {
        if let known = tipState.markets[market] { return known.declaration }
        guard index.refs[InventoryItem(.marketDeclaration, market)] != nil,
              let oid = try? store.git.reference(ChainLayout.marketRef(market)),
              let bytes = try? store.git.readBlob(oid) else { return nil }
        return try? SignedMarketDeclaration(bytes: bytes).declaration
    }
}
