import GitKit
import PoTCore
import PoTMarkets
import PoTModules

public typealias PendingDeclaration = PendingObject<MarketDeclaration>
public typealias PendingBet = PendingObject<MarketBet>
public typealias PendingResolution = PendingObject<MarketResolution>

extension ChainStore {
    /// Stores a signed market declaration under refs/pot/markets/<id>. Returns false when it was
    /// already stored.
    @discardableResult
    public func addMarketDeclaration(_ signed: SignedMarketDeclaration) throws -> Bool {
        guard signed.hasValidSignature(chain: chainId) else {
            throw StoreError("the market declaration's signature is invalid for this chain (signed for another chain or tampered)")
        }
        return try storeMarketDeclaration(signed)
    }

    /// Stores a declaration whose signature the caller has already checked.
    @discardableResult
    public func storeMarketDeclaration(_ signed: SignedMarketDeclaration) throws -> Bool {
        try storeOnce(signed.encoded(), at: ChainLayout.marketRef(signed.id(chain: chainId)), what: "market declaration")
    }

    /// Stores a signed bet in its slot refs/pot/market-votes/<market>/<bettor>/<sequence>, which
    /// holds one bet. Returns false when the identical bet was already stored.
    @discardableResult
    public func addBet(_ signed: SignedMarketBet) throws -> Bool {
        guard signed.hasValidSignature(chain: chainId) else {
            throw StoreError("the bet's signature is invalid for this chain (signed for another chain or tampered)")
        }
        return try storeBet(signed)
    }

    /// Stores a bet whose signature the caller has already checked.
    @discardableResult
    public func storeBet(_ signed: SignedMarketBet) throws -> Bool {
        let bet = signed.bet
        return try storeOnce(signed.encoded(), at: ChainLayout.betRef(market: bet.market, bettor: bet.bettor, sequence: bet.sequence),
                             what: "bet with sequence \(bet.sequence) by this bettor on this market")
    }

    /// Stores a signed resolution under refs/pot/market-res/<market>/<id>.
    @discardableResult
    public func addResolution(_ signed: SignedMarketResolution) throws -> Bool {
        guard signed.hasValidSignature(chain: chainId) else {
            throw StoreError("the resolution's signature is invalid for this chain (signed for another chain or tampered)")
        }
        return try storeResolution(signed)
    }

    /// Stores a resolution whose signature the caller has already checked.
    @discardableResult
    public func storeResolution(_ signed: SignedMarketResolution) throws -> Bool {
        let ref = ChainLayout.resolutionRef(market: signed.resolution.market, id: signed.id(chain: chainId))
        return try storeOnce(signed.encoded(), at: ref, what: "market resolution")
    }

    private func storeOnce(_ bytes: [UInt8], at ref: String, what: String) throws -> Bool {
        let blob = try git.writeBlob(bytes)
        if let existing = try git.reference(ref) {
            if existing == blob { return false }
            throw StoreError("a different \(what) is already stored at \(ref)")
        }
        try git.setReference(ref, to: blob, expecting: .some(nil), message: "pot market")
        noteInJournal(ref)
        return true
    }

    public func pendingDeclarations(problems: inout [String]) throws -> [PendingDeclaration] {
        try pendingObjects(glob: ChainLayout.allMarketsGlob, problems: &problems) { ChainLayout.marketRef($0.id(chain: chainId)) }
    }

    public func pendingBets(glob: String = ChainLayout.allBetsGlob, problems: inout [String]) throws -> [PendingBet] {
        try pendingObjects(glob: glob, problems: &problems) {
            ChainLayout.betRef(market: $0.bet.market, bettor: $0.bet.bettor, sequence: $0.bet.sequence)
        }
    }

    public func pendingResolutions(problems: inout [String]) throws -> [PendingResolution] {
        try pendingObjects(glob: ChainLayout.allResolutionsGlob, problems: &problems) {
            ChainLayout.resolutionRef(market: $0.resolution.market, id: $0.id(chain: chainId))
        }
    }

    /// Every stored market object, for the payload of a new block.
    public func pendingMarketObjects(problems: inout [String]) throws -> MarketSection {
        MarketSection(
            declarations: try pendingDeclarations(problems: &problems).map(\.signed),
            bets: try pendingBets(problems: &problems).map(\.signed),
            resolutions: try pendingResolutions(problems: &problems).map(\.signed))
    }
}
