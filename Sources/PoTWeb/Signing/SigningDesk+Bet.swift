import PoTCore
import PoTMarketsHost
import PoTStore

extension SigningDesk {
    /// Signs and stores a bet with the checks `pot-market bet` makes (the same store function).
    func bet(_ request: BetRequest) async throws -> SignedBetDocument {
        let key = try unlockedKey(request.as)
        let label = request.as, market = request.market, probs = request.probs_ppm
        let document = try await reader.withStore { store -> SignedBetDocument in
            let (signed, listing) = try Self.refusing { try store.placeBet(as: key, label: label, market: market, probsPpm: probs) }
            return SignedBetDocument(id: signed.id(chain: store.chainId).hex, market: listing.id.hex, bettor: key.publicKey.hex,
                                     bettor_label: label, sequence: signed.bet.sequence, probs_ppm: probs)
        }
        try await reader.refresh()
        return document
    }
}
