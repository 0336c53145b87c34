import GitKit
import PoTCore
import PoTMarkets
import PoTModules
import PoTNet
import PoTStore

/// NET-MARKET-ACCEPT: market objects are stored when validly signed for this chain and still
/// able to enter a block on top of the finalized state, by the rules a block applies to them
/// (`MarketAdmission`); an object that only needs a later block is kept.
extension StoreBackend {
    /// Hands a module object to the acceptance of its module.
    func acceptModuleObject(_ m: ModuleObject, id: Hash256) throws -> Acceptance {
        switch m.kind {
        case MarketsModule.declarationKind: return try acceptDeclaration(m.object as! SignedMarketDeclaration, id: id)
        case MarketsModule.betKind: return try acceptBet(m.object as! SignedMarketBet, id: id)
        case MarketsModule.resolutionKind: return try acceptResolution(m.object as! SignedMarketResolution, id: id)
        default: return .invalid(code: .brokenRule, detail: "this node keeps no \(m.kind.name)")
        }
    }

    func acceptDeclaration(_ signed: SignedMarketDeclaration, id: Hash256) throws -> Acceptance {
        guard signatureHolds(signed, id: id) else {
            return .invalid(code: .badSignature, detail: "market declaration signature does not verify for this chain")
        }
        if let refusal = MarketAdmission.declaration(signed, on: final.state, named: keyNamer) { return refused(refusal) }
        let ref = ChainLayout.marketRef(id)
        try store.storeMarketDeclaration(signed)
        index.addModuleObject(InventoryItem(.marketDeclaration, id), ref: ref)
        return .stored
    }

    func acceptBet(_ signed: SignedMarketBet, id: Hash256) throws -> Acceptance {
        let bet = signed.bet
        guard signatureHolds(signed, id: id) else {
            return .invalid(code: .badSignature, detail: "bet signature does not verify for this chain")
        }
        if let refusal = MarketAdmission.bet(bet, on: final.state, pending: knownDeclaration(bet.market), named: keyNamer) {
            return refused(refusal)
        }
        let ref = ChainLayout.betRef(market: bet.market, bettor: bet.bettor, sequence: bet.sequence)
        if try store.git.reference(ref) != nil {
            return .stale("another bet holds sequence \(bet.sequence) of \(bet.bettor.short) on market \(bet.market.short)")
        }
        try store.storeBet(signed)
        index.addModuleObject(InventoryItem(.marketBet, id), ref: ref)
        return .stored
    }

    func acceptResolution(_ signed: SignedMarketResolution, id: Hash256) throws -> Acceptance {
        let resolution = signed.resolution
        guard signatureHolds(signed, id: id) else {
            return .invalid(code: .badSignature, detail: "resolution signature does not verify for this chain")
        }
        if let refusal = MarketAdmission.resolution(resolution, on: final.state, pending: knownDeclaration(resolution.market),
                                                    named: keyNamer), refusal.standing != .early {
            return refused(refusal)
        }
        try store.storeResolution(signed)
        index.addModuleObject(InventoryItem(.marketResolution, id), ref: ChainLayout.resolutionRef(market: resolution.market, id: id))
        return .stored
    }

    /// How a refusal by a module's admission check is answered: a broken object blames its
    /// sender under the rule's reason; a stale one or one waiting for another object does not.
    func refused(_ refusal: BlockRejection) -> Acceptance {
        switch refusal.standing {
        case .broken:
            let notMember: Set<BlockRejection.Rule> = [.marketCreator, .betNonMember]
            return .invalid(code: notMember.contains(refusal.rule) ? .notMember : .brokenRule, detail: refusal.detail)
        case .stale, .early: return .stale(refusal.detail)
        case .notYet: return .notYet(refusal.detail)
        }
    }

    /// Names keys in refusals as `pot` and pot-web do: by label when the store has one.
    private var keyNamer: (PublicKey) -> String {
        let store = self.store
        return { key in ((try? store.names()) ?? [:])[key] ?? key.short }
    }

    /// The declaration of a market stored under refs/pot/markets and not yet in the chain.
    private func knownDeclaration(_ market: Hash256) -> MarketDeclaration? {
        if let known = tipState.markets[market] { return known.declaration }
        guard index.refs[InventoryItem(.marketDeclaration, market)] != nil,
              let oid = try? store.git.reference(ChainLayout.marketRef(market)),
              let bytes = try? store.git.readBlob(oid) else { return nil }
        return try? SignedMarketDeclaration(bytes: bytes).declaration
    }
}

