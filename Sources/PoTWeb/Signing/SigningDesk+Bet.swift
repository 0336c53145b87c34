import PoTCore
import PoTStore

extension SigningDesk {
    /// Signs and stores a bet with the checks `pot-market bet` makes (the same store function).
    func bet(_ request: BetRequest) async throws -> SignedBetDocument {
        let key = try unlockedKey(request.as)
        guard request.probs_ppm.allSatisfy({ $0 <= TrustScoring.ppmOne }) else {
            throw WebError.refused("a probability is above 1000000 ppm")
        }
        let sum = request.probs_ppm.reduce(UInt64(0)) { $0 + $1 }
        guard sum == TrustScoring.ppmOne else {
            throw WebError.refused("probabilities sum to \(Display.probability(sum)), not 1 (in ppm: \(sum) instead of 1000000)")
        }
        let label = request.as, market = request.market, probs = request.probs_ppm
        let document = try await reader.withStore { store -> SignedBetDocument in
            do {
                let (signed, listing) = try store.placeBet(as: key, label: label, market: market, probsPpm: probs)
                return SignedBetDocument(id: signed.id(chain: store.chainId).hex, market: listing.id.hex, bettor: key.publicKey.hex,
                                         bettor_label: label, sequence: signed.bet.sequence, probs_ppm: probs)
            } catch let error as MarketLookupError {
                switch error {
                case .notFound: throw WebError.notFound(error.description)
                case .malformed, .ambiguous: throw WebError.badRequest(error.description)
                }
            } catch let error as StoreError {
                throw WebError.refused(error.description)
            }
        }
        try await reader.refresh()
        return document
    }
}
