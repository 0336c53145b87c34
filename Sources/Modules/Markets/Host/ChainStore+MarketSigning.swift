import PoTCore
import PoTMarkets
import PoTStore

extension ChainStore {
    /// Signs and stores a bet by `key` (called `label` in messages) on the market `prefix` names,
    /// after the rules a block applies to it (`MarketAdmission.bet`, for the next block). The
    /// sequence is one above the bettor's highest included or stored one. Takes the write lock.
    public func placeBet(as key: SigningKey, label: String, market prefix: String,
                         probsPpm: [UInt64]) throws -> (signed: SignedMarketBet, listing: MarketListing) {
        if let problem = Figures.distributionProblem(probsPpm) { throw SigningRefusal(problem) }
        return try withWriteLock {
            let state = try currentState()
            let listing = try findMarket(prefix, in: state)
            var problems: [String] = []
            let stored = try pendingBets(glob: ChainLayout.betsGlob(market: listing.id), problems: &problems)
                .map(\.signed.bet).filter { $0.bettor == key.publicKey }
            let included = listing.market?.bets[key.publicKey]?.sequence ?? 0
            let sequence = max(included, stored.map(\.sequence).max() ?? 0) + 1
            let bet: MarketBet
            do { bet = try MarketBet(bettor: key.publicKey, market: listing.id, sequence: sequence, probsPpm: probsPpm) } catch {
                throw SigningRefusal("\(error)")
            }
            if let refusal = MarketAdmission.bet(bet, on: state, pending: listing.declaration, named: keyNamer()) {
                throw SigningRefusal(refusal.detail)
            }
            let signed = SignedMarketBet.sign(bet, with: key, chain: chainId)
            try storeModuleObject(signed, kind: MarketsModule.betKind)
            return (signed, listing)
        }
    }
}
