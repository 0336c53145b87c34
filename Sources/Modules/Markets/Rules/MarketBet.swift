import PoTCore

/// A member's probability distribution over a market's outcomes, in ppm. `sequence` orders one
/// bettor's bets on one market: a block may include only a bet whose sequence is above the last
/// included one, so an old bet cannot be replayed over a newer one.
public struct MarketBet: SignableBody {
    public static let domain = DomainTag.marketBet
    public static let objectName = "market bet"
    public static let maxSignedBytes = MarketLimits.maxBetBytes
    public var signer: PublicKey { bettor }

    public var bettor: PublicKey
    public var market: Hash256
    public var sequence: UInt64
    public var probsPpm: [UInt64]

    public init(bettor: PublicKey, market: Hash256, sequence: UInt64, probsPpm: [UInt64]) throws {
        self.bettor = bettor; self.market = market; self.sequence = sequence; self.probsPpm = probsPpm
        try validate()
    }

    func validate() throws {
        guard sequence >= 1 else { throw ObjectError("a bet's sequence number starts at 1") }
        guard (MarketLimits.minOutcomes...MarketLimits.maxOutcomes).contains(probsPpm.count) else {
            throw ObjectError("a bet gives \(MarketLimits.minOutcomes) to \(MarketLimits.maxOutcomes) probabilities, got \(probsPpm.count)")
        }
        var sum: UInt64 = 0
        for p in probsPpm {
            guard p <= TrustScoring.ppmOne else { throw ObjectError("a probability of \(p) ppm is above 1 000 000") }
            sum += p
        }
        guard sum == TrustScoring.ppmOne else { throw ObjectError("bet probabilities sum to \(sum) ppm, not 1 000 000") }
    }

    public func cbor() -> CBOR {
        .map([
            1: .bytes(bettor.bytes),
            2: .bytes(market.bytes),
            3: .unsigned(sequence),
            4: .array(probsPpm.map { .unsigned($0) }),
        ])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "market bet", allowedKeys: [1, 2, 3, 4])
        bettor = try f.publicKey(1)
        market = try f.hash(2)
        sequence = try f.uint(3)
        probsPpm = try f.array(4, max: MarketLimits.maxOutcomes).map { try $0.uint("bet probability") }
        try validate()
    }
}

public typealias SignedMarketBet = Signed<MarketBet>

extension Signed where Body == MarketBet {
    public var bet: MarketBet { body }
}
