import Foundation
import PoTCore
import PoTMarkets
@testable import PoTStore
import Testing

@Suite("Parallel signature checks")
struct SignatureBatchTests {
    @Test("SIG-BATCH: the batch answers exactly as direct verification, for genuine, altered, forged and foreign objects")
    func batchAgreesWithDirectVerification() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let chain = f.store.chainId
        let block = try f.propose("alice", at: 1_700_000_001, canonical: true)
        let genuine = SignedVote.sign(try Vote(voter: f.key("bob").publicKey, height: 1, candidates: [block.id], probsPpm: [1_000_000, 0]),
                                      with: f.key("bob"), chain: chain)
        var altered = genuine
        altered.vote.probsPpm = [0, 1_000_000]                          // same signature, other body
        let forged = Signed(genuine.vote, signature: [UInt8](repeating: 9, count: 64))
        let foreignChain = Hash256(bytes: [UInt8](repeating: 1, count: 32))!
        let carrier = StoredBlock(signed: block.signed, payload: Payload(votes: [genuine, forged]), id: block.id,
                                  commit: block.commit, record: block.record, payloadBlob: block.payloadBlob)
        let batch = SignatureBatch(blocks: [carrier], chain: chain)
        let direct = DirectSignatures()
        for vote in [genuine, altered, forged] {
            #expect(batch.isValid(vote, chain: chain) == direct.isValid(vote, chain: chain))
            #expect(batch.isValid(vote, chain: foreignChain) == direct.isValid(vote, chain: foreignChain))
        }
        #expect(batch.isValid(genuine, chain: chain))
        #expect(!batch.isValid(altered, chain: chain))
        #expect(!batch.isValid(forged, chain: chain))
        #expect(!batch.isValid(genuine, chain: foreignChain))
        #expect(batch.isValid(block.signed, chain: chain))
    
        // The batch covers market objects too, by the same rule.
        let bet = SignedMarketBet.sign(try MarketBet(bettor: f.key("bob").publicKey, market: block.id, sequence: 1, probsPpm: [600_000, 400_000]),
                                       with: f.key("bob"), chain: chain)
        let marketCarrier = StoredBlock(signed: block.signed, payload: Payload(markets: MarketSection(bets: [bet])), id: block.id,
                                        commit: block.commit, record: block.record, payloadBlob: block.payloadBlob)
        let marketBatch = SignatureBatch(blocks: [marketCarrier], chain: chain)
        #expect(marketBatch.verified(bet, chain: chain))
        #expect(!marketBatch.verified(Signed(bet.body, signature: [UInt8](repeating: 9, count: 64)), chain: chain))
        #expect(!batch.verified(bet, chain: chain))
        // Seen as a module object of any kind, as the node sees it.
        #expect(marketBatch.verified(bet as any SignedObject, chain: chain))
        var other = bet
        other.body.sequence = 2
        #expect(!marketBatch.verified(other as any SignedObject, chain: chain), "same signature, other body")
        #expect(!marketBatch.verified(bet as any SignedObject, chain: foreignChain))
    }
}
